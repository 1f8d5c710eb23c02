import { VERBS } from "../verbs.js";
import { openInTab, type TabLinks } from "../tab-links.js";
import { card, execute, facts, heading, para, type Element } from "./elements.js";
import { KIND_TITLES } from "../../../domain/referrals/form.js";
import { STATUS_LABELS, type PossibleDuplicate, type Referral } from "../../../domain/referrals/referral.js";

// The referral cards (Adaptive Cards 1.5, Action.Execute). Cards with a child's details go only to
// personal chats; the one channel card, "Make a referral", carries no detail at all.

/** A likely duplicate as people read it: a subject the panel knows, or a referral still waiting. */
export const duplicateOf = (d: PossibleDuplicate): string =>
  d.referralId ? `pending referral ${d.reference}` : d.reference;

/** Choose the panel and the kind of referral; shown in personal chat. */
export function referralStartCard(
  panels: { id: string; name: string; area: string }[],
  links: TabLinks,
): Element {
  if (!panels.length) {
    return card([
      heading("You cannot make referrals yet"),
      para(
        "Referrals come from practitioners in a panel's referring agencies. Ask your panel coordinator to add you to the MACE panels directory with your agency.",
      ),
    ]);
  }
  return card(
    [
      heading("Make a referral"),
      para(
        "Refer a child or young adult, a group, a person of concern or a location of concern. Your answers stay in this private chat and go to the panel coordinator.",
      ),
      {
        type: "Input.ChoiceSet",
        id: "panelId",
        label: "Panel",
        isRequired: true,
        errorMessage: "Choose the panel.",
        choices: panels.map((p) => ({ title: `${p.area}: ${p.name}`, value: p.id })),
        ...(panels.length === 1 ? { value: panels[0]?.id } : {}),
      },
      {
        type: "Input.ChoiceSet",
        id: "kind",
        label: "Who or what are you referring?",
        isRequired: true,
        errorMessage: "Choose what you are referring.",
        style: "expanded",
        choices: Object.entries(KIND_TITLES).map(([value, title]) => ({ title, value })),
      },
    ],
    [
      execute("Open the form", VERBS.referral.open, {}, { associatedInputs: "auto" }),
      openInTab(
        links({ page: "refer", ...(panels.length === 1 && panels[0] ? { panelId: panels[0].id } : {}) }),
      ),
    ],
  );
}

/** The one referral card for channels: a button that continues in private. */
export function makeReferralChannelCard(links: TabLinks): Element {
  return card(
    [
      heading("Make a referral"),
      para(
        "Referrals are made privately. Select the button and I will open the form in your personal chat with MACE panels. Never post a child's details in this channel.",
      ),
    ],
    [execute("Make a referral", VERBS.referral.private, {}), openInTab(links({ page: "refer" }))],
  );
}

function meetingLine(r: Referral, meeting: string | undefined): string {
  if (!meeting)
    return "The panel has no meeting scheduled yet: the coordinator will tell you when it will be heard.";
  return `It is for the meeting on ${meeting}, the first whose referral deadline had not passed.`;
}

/** The receipt that replaces the form once the referral is stored. */
export function referralReceiptCard(
  r: Referral,
  panelName: string,
  meeting: string | undefined,
  links: TabLinks,
): Element {
  const body: Element[] = [
    heading(`Referral ${r.reference} sent`),
    facts([
      ["Reference", r.reference],
      ["Panel", panelName],
      ["Kind", KIND_TITLES[r.kind]],
      ["Status", STATUS_LABELS[r.status]],
    ]),
    para(meetingLine(r, meeting)),
  ];
  if (r.status === "awaiting-approval")
    body.push(
      para(
        "Your service manager has been asked to approve it. The panel sees it once they do; I will tell you their decision.",
      ),
    );
  const actions: Element[] = [];
  if (r.possibleDuplicates.length && !r.linkedSubjectId) {
    // Only a known subject can be linked to; a referral still waiting is shown to the coordinator too.
    const known = r.possibleDuplicates.flatMap((d) =>
      d.subjectId ? [{ ...d, subjectId: d.subjectId }] : [],
    );
    body.push({
      type: "Container",
      style: "warning",
      items: [
        para("This may be someone or somewhere the panel already knows or has been told of:", {
          weight: "Bolder",
        }),
        ...r.possibleDuplicates.map((d) =>
          para(
            `• ${duplicateOf(d)}, same ${d.matchedOn === "name-and-date-of-birth" ? "name and date of birth" : "address and postcode"}`,
          ),
        ),
        para(
          known.length
            ? "If it is the same, link your referral so the panel keeps one record."
            : "The coordinator sees both referrals and keeps one record if they are the same.",
        ),
      ],
    });
    for (const d of known.slice(0, 3))
      actions.push(
        execute(`Same as ${d.reference}`, VERBS.referral.link, {
          panelId: r.panelId,
          referralId: r.id,
          subjectId: d.subjectId,
        }),
      );
  }
  if (r.linkedSubjectId) {
    const linked = r.possibleDuplicates.find((d) => d.subjectId === r.linkedSubjectId);
    body.push(
      para(`Linked to ${linked?.reference ?? "the known record"}: the panel will keep one record.`, {
        color: "Good",
      }),
    );
  }
  actions.push(openInTab(links({ page: "my-referrals", panelId: r.panelId, referralId: r.id })));
  return card(body, actions);
}

/** To the referrer: the coordinator's question, with a box to answer it. */
export function questionCard(r: Referral, panelName: string, version: string, links: TabLinks): Element {
  const last = r.questions[r.questions.length - 1];
  return card(
    [
      heading(`A question about referral ${r.reference}`),
      para(`${last?.byName ?? "The coordinator"} (${panelName}) asks:`),
      para(last?.question ?? "", { weight: "Bolder" }),
      {
        type: "Input.Text",
        id: "answer",
        label: "Your answer",
        isMultiline: true,
        isRequired: true,
        errorMessage: "Write your answer.",
        maxLength: 2000,
      },
    ],
    [
      execute(
        "Send answer",
        VERBS.referral.answer,
        { panelId: r.panelId, referralId: r.id, version },
        { associatedInputs: "auto" },
      ),
      openInTab(links({ page: "my-referrals", panelId: r.panelId, referralId: r.id })),
    ],
  );
}

/**
 * To the coordinators: the referrer answered the thresholding meeting's question on an accepted
 * referral (003 category 2). It needs no triage: the answer is for the next thresholding meeting.
 */
export function thresholdingAnswerCard(r: Referral, panelName: string, links: TabLinks): Element {
  const last = r.questions.at(-1);
  return card(
    [
      heading(`Referral ${r.reference}: the referrer answered`),
      para(`${r.submitted.byName} answered the thresholding meeting's question for ${panelName}.`),
      para(`**You asked:** ${last?.question ?? ""}\n\n**Answer:** ${last?.answer ?? ""}`),
      para("The case comes to the next thresholding meeting with the answer.", { isSubtle: true }),
    ],
    [openInTab(links({ page: "referrals", panelId: r.panelId, referralId: r.id }))],
  );
}

/** A short outcome: sent to the referrer, or shown in place of a card once acted on. */
export function outcomeCard(title: string, lines: string[], good = true): Element {
  return card([{ ...heading(title), color: good ? "Good" : "Attention" }, ...lines.map((l) => para(l))]);
}
