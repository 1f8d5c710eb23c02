import { fieldOf, readAnswer, sectionAnswers } from "./answers.js";
import { longDate } from "./dates.js";
import { VERBS } from "../verbs.js";
import { openInTab, type TabLinks } from "../tab-links.js";
import { card, execute, facts, heading, para, type Element } from "./elements.js";
import type { ReferralForm } from "../../../domain/referrals/form.js";
import { KIND_TITLES } from "../../../domain/referrals/form.js";
import {
  STATUS_LABELS,
  subjectLabel,
  type PossibleDuplicate,
  type Referral,
} from "../../../domain/referrals/referral.js";

// The referral cards (Adaptive Cards 1.5, Action.Execute). Cards with a child's details go only to
// personal chats; the one channel card, "Make a referral", carries no detail at all.

const asText = (v: unknown): string | undefined =>
  v === undefined || v === null ? undefined : Array.isArray(v) ? v.join(",") : String(v);

/** A likely duplicate as people read it: a subject the panel knows, or a referral still waiting. */
const duplicateOf = (d: PossibleDuplicate): string =>
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
