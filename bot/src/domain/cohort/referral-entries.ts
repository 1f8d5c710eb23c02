import { KIND_TITLES } from "../referrals/form.js";
import { STATUS_LABELS, type Referral } from "../referrals/referral.js";
import { dayInWords } from "../schedule/dates.js";
import { detail, type ChronologyEntry, type ChronologyNames } from "./chronology-entry.js";

// A referral's entries in the subject's case history: how it was made (or transferred in), its
// approval, the questions asked and answered, and the coordinator's triage.

export function referralEntries(r: Referral, names: ChronologyNames): ChronologyEntry[] {
  const at = { panelId: r.panelId, panelName: names.panel(r.panelId), reference: r.reference };
  const referrer = `${r.submitted.byName} (${names.agency(r.referrer.agencyId)})`;
  const made: ChronologyEntry = r.transferredFrom
    ? {
        ...at,
        at: r.submitted.at,
        kind: "transfer-in",
        title: `Transferred in from ${r.transferredFrom.areaName}: ${r.transferredFrom.panelName}`,
        by: referrer,
        details: [
          ...detail("Their reference", r.transferredFrom.reference),
          ...detail("What they decided", r.transferredFrom.summary),
          ...detail(
            "Risk as they graded it",
            r.transferredFrom.sourceRisk &&
              `${r.transferredFrom.sourceRisk.label} on ${r.transferredFrom.sourceRisk.areaName}'s scale`,
          ),
        ],
      }
    : {
        ...at,
        at: r.submitted.at,
        kind: "referral",
        title: `Referred to ${at.panelName}`,
        by: referrer,
        details: [
          ...detail("Kind", KIND_TITLES[r.kind]),
          ...detail("Referrer's role", r.referrer.jobTitle),
          ...detail("For the meeting on", r.meetingDate && dayInWords(r.meetingDate)),
          ...detail("Status now", STATUS_LABELS[r.status]),
        ],
      };
  const approval: ChronologyEntry[] = r.approval
    ? [
        {
          ...at,
          at: r.approval.at,
          kind: "approval",
          title:
            r.approval.decision === "approved" ? "Approved by the manager" : "Not approved by the manager",
          by: r.approval.byName,
          details: detail("Comment", r.approval.comment),
        },
      ]
    : [];
  const questions = r.questions.flatMap((q): ChronologyEntry[] => [
    {
      ...at,
      at: q.at,
      kind: "question",
      title: "Question to the referrer",
      by: q.byName,
      details: detail("Question", q.question),
    },
    ...(q.answer !== null && q.answeredAt
      ? [
          {
            ...at,
            at: q.answeredAt,
            kind: "answer" as const,
            title: "Answered by the referrer",
            by: r.submitted.byName,
            details: detail("Answer", q.answer),
          },
        ]
      : []),
  ]);
  const triage: ChronologyEntry[] = r.triage
    ? [
        {
          ...at,
          at: r.triage.at,
          kind: "triage",
          title:
            r.triage.decision === "accepted" ? "Accepted by the coordinator" : "Declined by the coordinator",
          by: r.triage.byName,
          details: detail(r.triage.decision === "accepted" ? "Note" : "Reason", r.triage.note),
        },
      ]
    : [];
  return [made, ...approval, ...questions, ...triage];
}

// A reopened case keeps only its latest opening; the earlier ones show as their referrals' acceptance.
