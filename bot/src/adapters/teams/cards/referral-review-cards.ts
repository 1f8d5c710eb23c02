import { fieldOf, readAnswer, sectionAnswers } from "./answers.js";
import { longDate } from "./dates.js";
import { VERBS } from "../verbs.js";
import { openInTab, type TabLinks } from "../tab-links.js";
import { card, execute, facts, heading, para, type Element } from "./elements.js";
import type { ReferralForm } from "../../../domain/referrals/form.js";
import { KIND_TITLES } from "../../../domain/referrals/form.js";
import { subjectLabel, type Referral } from "../../../domain/referrals/referral.js";
import { duplicateOf } from "./referral-cards.js";

// The cards for the people who review a referral, in their personal chats: the referrer's manager
// asked to approve it, and the coordinator told of a new one to triage.

const asText = (v: unknown): string | undefined =>
  v === undefined || v === null ? undefined : Array.isArray(v) ? v.join(",") : String(v);

function detailFacts(r: Referral, panelName: string, form: ReferralForm): Element {
  const shown = (id: string) => {
    const spec = fieldOf(form, id);
    return spec && r.values[id] !== undefined ? readAnswer(spec, r.values[id]) : "";
  };
  return facts([
    ["Reference", r.reference],
    ["Panel", panelName],
    ["Kind", KIND_TITLES[r.kind]],
    ["Subject", subjectLabel(r.kind, r.values)],
    ["Date of birth", shown("dateOfBirth")],
    ["Referrer", `${r.submitted.byName}, ${r.referrer.jobTitle}`],
    ["Risk level", shown("riskLevel")],
    ["Meeting", r.meetingDate ? longDate(r.meetingDate) : "not scheduled"],
  ]);
}

const requestText = (r: Referral) => asText(r.values["request"]) ?? "";

/** To the named manager, in personal chat: approve or decline with a comment. */
export function approvalRequestCard(
  r: Referral,
  panelName: string,
  version: string,
  form: ReferralForm,
  links: TabLinks,
): Element {
  return card(
    [
      heading(`Approve referral ${r.reference}?`),
      para(
        `${r.submitted.byName} asks you, as their service manager, to approve this referral to ${panelName}.`,
      ),
      detailFacts(r, panelName, form),
      ...sectionAnswers(form, "consent", r.values),
      ...sectionAnswers(form, "checklist", r.values),
      para(`**Request of the panel:** ${requestText(r)}`),
      {
        type: "Input.Text",
        id: "comment",
        label: "Comment (needed if you decline)",
        isMultiline: true,
        maxLength: 1000,
      },
    ],
    [
      execute(
        "Approve",
        VERBS.referral.approve,
        { panelId: r.panelId, referralId: r.id, version },
        { style: "positive", associatedInputs: "auto" },
      ),
      execute(
        "Decline",
        VERBS.referral.declineApproval,
        { panelId: r.panelId, referralId: r.id, version },
        { style: "destructive", associatedInputs: "auto" },
      ),
      openInTab(links({ page: "approval", panelId: r.panelId, referralId: r.id })),
    ],
  );
}

/** To the panel's coordinators, in personal chat: accept, ask for more, or decline. */
export function coordinatorReferralCard(
  r: Referral,
  panelName: string,
  links: TabLinks,
  version: string,
  form: ReferralForm,
): Element {
  const answered = r.questions.filter((q) => q.answer);
  const body: Element[] = [
    heading(
      answered.length ? `Referral ${r.reference}: the referrer answered` : `New referral ${r.reference}`,
    ),
    detailFacts(r, panelName, form),
    ...sectionAnswers(form, "checklist", r.values),
    para(`**Request of the panel:** ${requestText(r)}`),
  ];
  if (r.transferredFrom) {
    const t = r.transferredFrom;
    body.push(
      para(`**Transferred from ${t.areaName}: ${t.panelName}** (${t.reference}). ${t.summary}`, {
        color: "Accent",
      }),
    );
  }
  for (const q of answered) body.push(para(`**You asked:** ${q.question}\n\n**Answer:** ${q.answer ?? ""}`));
  if (r.possibleDuplicates.length)
    body.push(
      para(
        `Possible match: ${[...new Set(r.possibleDuplicates.map(duplicateOf))].join(", ")}. ${r.linkedSubjectId ? "The referrer linked it." : ""}`,
        { color: "Warning" },
      ),
    );
  body.push({
    type: "Input.Text",
    id: "note",
    label: "Note, question for the referrer, or reason for declining",
    isMultiline: true,
    maxLength: 1000,
  });
  const data = { panelId: r.panelId, referralId: r.id, version };
  return card(body, [
    execute("Accept", VERBS.referral.accept, data, { style: "positive", associatedInputs: "auto" }),
    execute("Ask for more information", VERBS.referral.ask, data, { associatedInputs: "auto" }),
    execute("Decline", VERBS.referral.decline, data, { style: "destructive", associatedInputs: "auto" }),
    openInTab(links({ page: "referrals", panelId: r.panelId, referralId: r.id })),
  ]);
}
