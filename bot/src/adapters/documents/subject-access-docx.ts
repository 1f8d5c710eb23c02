import type { Paragraph, Table } from "docx";
import { heading, HeadingLevel, markedDocx, para, table } from "./word-parts.js";
import type { SubjectAccessRecord } from "../../application/history/history-desk.js";
import { dayInWords, momentInWords } from "../../domain/cohort/chronology.js";

// Everything held about one subject as a Word document, for the area's answer to a subject access
// request under UK GDPR, marked on every page (word-parts.ts).

const orNone = <T>(items: T[], render: (items: T[]) => (Paragraph | Table)[]) =>
  items.length ? render(items) : [para("None held.")];

function referrals(r: SubjectAccessRecord) {
  return orNone(r.referrals, (all) =>
    all.flatMap((ref) => [
      heading(`${ref.reference}: ${ref.kind}, to ${ref.panelName}`, HeadingLevel.HEADING_3),
      para(
        `Made on ${momentInWords(ref.submittedAt)} by ${ref.referrer.name}, ${ref.referrer.jobTitle} (${ref.referrer.agency}, ${ref.referrer.email}).`,
      ),
      para(
        `Status: ${ref.status}.${ref.meetingDate ? ` For the meeting on ${dayInWords(ref.meetingDate)}.` : ""}`,
      ),
      ...orNone(ref.answers, (answers) => [
        table(
          ["Question", "Answer"],
          answers.map((a) => [a.label, a.value]),
        ),
      ]),
    ]),
  );
}

function chronology(r: SubjectAccessRecord) {
  return orNone(r.entries, (entries) =>
    entries.flatMap((e) => [
      heading(`${momentInWords(e.at)}: ${e.title}`, HeadingLevel.HEADING_3),
      para(`${e.panelName}${e.reference ? `, ${e.reference}` : ""}${e.by ? `. By ${e.by}` : ""}.`),
      ...e.details.map((d) => para(`${d.label}: ${d.text}`)),
    ]),
  );
}

export function subjectAccessDocx(r: SubjectAccessRecord): Promise<Buffer> {
  return markedDocx(`Subject access export: ${r.subject.reference}`, [
    heading(`${r.areaName}: subject access export, ${r.subject.reference}`, HeadingLevel.HEADING_1),
    para(
      `Everything MACE panels holds about this subject, for a subject access request under UK GDPR. Produced on ${momentInWords(r.producedAt)} by ${r.producedBy}. Review it for information about others before it is disclosed.`,
    ),
    heading("The subject", HeadingLevel.HEADING_2),
    table(
      ["Reference", "Kind", "Name", "Postcode", "First recorded"],
      [
        [
          r.subject.reference,
          r.subject.kind,
          r.subject.label,
          r.subject.postcode ?? "",
          r.subject.recordedAt ? momentInWords(r.subject.recordedAt) : "",
        ],
      ],
    ),
    heading("Referrals", HeadingLevel.HEADING_2),
    ...referrals(r),
    heading("Cases", HeadingLevel.HEADING_2),
    ...orNone(r.cases, (cases) => [
      table(
        ["Panel", "Reference", "Status", "Risk level", "Opened", "Closed", "Presenters"],
        cases.map((c) => [
          c.panelName,
          c.reference,
          c.status === "open" ? "Open" : "Closed",
          c.riskLevel ?? "",
          momentInWords(c.openedAt),
          c.closedAt ? momentInWords(c.closedAt) : "",
          c.presenters.join(", "),
        ]),
      ),
    ]),
    heading("Notes of the discussion at meetings", HeadingLevel.HEADING_2),
    ...orNone(r.notes, (notes) => [
      table(
        ["Meeting", "Item", "Note", "Recorded by", "When"],
        notes.map((n) => [
          `${n.panelName}, ${dayInWords(n.meetingDate)}`,
          n.item,
          n.text,
          n.recordedBy,
          `${momentInWords(n.at)}${n.corrections ? ` (corrected ${n.corrections} time${n.corrections > 1 ? "s" : ""})` : ""}`,
        ]),
      ),
    ]),
    heading("Chronology: decisions, notes, actions and links", HeadingLevel.HEADING_2),
    ...chronology(r),
    heading("Documents held", HeadingLevel.HEADING_2),
    ...orNone(r.documents, (documents) => [
      para("The files themselves are held in the product and can be downloaded from the case history."),
      table(
        ["Document", "Kind", "Attached to", "Attached by", "When", "Review"],
        documents.map((d) => [
          d.name,
          d.kind,
          d.attachedTo,
          d.uploadedBy,
          momentInWords(d.uploadedAt),
          d.review,
        ]),
      ),
    ]),
    heading("Who read or changed the record", HeadingLevel.HEADING_2),
    ...orNone(r.audit, (audit) => [
      table(
        ["When", "Who", "What", "Where", "Through"],
        audit.map((a) => [momentInWords(a.at), a.who, a.action, a.panelName, a.via]),
      ),
    ]),
  ]);
}
