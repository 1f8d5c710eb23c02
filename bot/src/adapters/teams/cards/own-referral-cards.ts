import { KIND_TITLES } from "../../../domain/referrals/form.js";
import { outcomeNote } from "../../../domain/referrals/outcome-note.js";
import { STATUS_LABELS, subjectLabel, type Referral } from "../../../domain/referrals/referral.js";
import { questionWaiting } from "../../../domain/referrals/triage.js";
import { openInTab, type TabLinks } from "../tab-links.js";
import { VERBS } from "../verbs.js";
import { longDate } from "./dates.js";
import { card, execute, facts, heading, para, type Element } from "./elements.js";

// The referrer's own referrals, in their personal chat: each one's reference, kind, status and
// meeting, what was written with its outcome, the question waiting for them, and, while it waits,
// a Withdraw button that asks why.

export interface OwnReferral {
  referral: Referral;
  /** The version the card was drawn from: a withdrawal on an older one is refused. */
  version: string;
  panelName: string;
}

/** The statuses a referrer may still withdraw from. */
export const WITHDRAWABLE: readonly Referral["status"][] = [
  "awaiting-approval",
  "new",
  "more-information-requested",
];

/** Each referral's reason box has its own id: one card holds several. */
export const withdrawReasonId = (referralId: string) => `withdrawReason-${referralId}`;

function withdrawButton(r: Referral, version: string): Element {
  const told = r.status === "awaiting-approval" ? "Your manager" : "The panel coordinator";
  return {
    type: "ActionSet",
    actions: [
      {
        type: "Action.ShowCard",
        title: `Withdraw ${r.reference}`,
        card: {
          type: "AdaptiveCard",
          body: [
            {
              type: "Input.Text",
              id: withdrawReasonId(r.id),
              label: `Why are you withdrawing it? ${told} will see this.`,
              isMultiline: true,
              isRequired: true,
              errorMessage: "Say why you are withdrawing the referral.",
              maxLength: 1000,
            },
          ],
          actions: [
            execute(
              "Withdraw the referral",
              VERBS.referral.withdraw,
              { panelId: r.panelId, referralId: r.id, version },
              { style: "destructive", associatedInputs: "auto" },
            ),
          ],
        },
      },
    ],
  };
}

function ownReferral({ referral: r, version, panelName }: OwnReferral): Element {
  const note = outcomeNote(r);
  const question = questionWaiting(r) ? r.questions.at(-1) : undefined;
  return {
    type: "Container",
    separator: true,
    spacing: "Medium",
    items: [
      para(`**${r.reference}**: ${subjectLabel(r.kind, r.values)}`),
      facts([
        ["Kind", KIND_TITLES[r.kind]],
        ["Panel", panelName],
        ["Status", STATUS_LABELS[r.status]],
        ["Meeting", r.meetingDate ? longDate(r.meetingDate) : "not yet set"],
        ...(note ? ([[note.label, note.text]] as [string, string][]) : []),
      ]),
      ...(question
        ? [
            para(
              `**${question.byName} asked:** ${question.question}\n\nAnswer it on the question card I sent you.`,
            ),
          ]
        : []),
      ...(WITHDRAWABLE.includes(r.status) ? [withdrawButton(r, version)] : []),
    ],
  };
}

/** A page of the person's referrals, newest first; `more` when older ones are only in the tab. */
export function ownReferralsCard(referrals: OwnReferral[], more: boolean, links: TabLinks): Element {
  const tab = openInTab(links({ page: "my-referrals" }), "Open My referrals in the tab");
  if (!referrals.length)
    return card([
      heading("Your referrals"),
      para("You have not made any referrals yet. Type **refer** to make one."),
    ]);
  return card(
    [
      heading("Your referrals"),
      para(
        more
          ? `Your ${referrals.length} newest referrals. The older ones are in the tab, under My referrals.`
          : "Every referral you have made, the newest first.",
        { isSubtle: true },
      ),
      ...referrals.map(ownReferral),
    ],
    [tab],
  );
}
