import type { AgendaEntryView, AgendaSubject, AgendaView } from "../../application/agenda/agenda-desk.js";
import { dayInWords } from "../../domain/schedule/dates.js";
import { markedPdf } from "./pdf-parts.js";

// A meeting's agenda as a PDF: what the tab's agenda shows the person (their names, or none yet,
// as the view decided), without its controls: each item with its time and lead, each case's slot
// with who is expected, the register and the plan under the items that show them, the statements
// read at the start, and the chairs' decisions to be reported. Marked on every page (pdf-parts.ts).

const ATTENDS = {
  expected: "expected",
  "if-needed": "if the worker cannot attend",
  "need-not": "need not attend",
};

const clock = (iso: string): string =>
  new Date(iso).toLocaleTimeString("en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/London",
  });

function subjectLine(s: AgendaSubject): string {
  const thresholded =
    s.thresholded === undefined
      ? ""
      : s.thresholded
        ? `\nThresholding: ${s.thresholded.label}${s.thresholded.rationale ? `. Rationale: ${s.thresholded.rationale}` : ""}`
        : "\nAwaiting thresholding";
  return `${s.reference}${s.label ? ` ${s.label}` : ""}${thresholded}`;
}

type Topic = { title: string; lead: string; reportRequested: boolean };
const topicText = (t: Topic) => `${t.title}${t.reportRequested ? " (report requested)" : ""}`;

/** The register's entries, planned topics or forward plan an item shows, as rows beneath it. */
function strategicRows(entry: AgendaEntryView, strategic: AgendaView["strategic"]): string[][] {
  if (!strategic || !entry.id) return [];
  const rows: string[][] = [];
  if (strategic.register?.itemId === entry.id) {
    for (const e of strategic.register.entries) {
      const review = e.reviewedHere
        ? "Reviewed at this meeting"
        : e.lastReview
          ? `Last reviewed ${dayInWords(e.lastReview.meetingId)}: ${e.lastReview.note.replace(/[.!?]+$/, "")}`
          : "Not reviewed yet";
      rows.push([
        "",
        `${e.reference} ${e.kindLabel}: ${e.title}\n${e.raisedFromText}. ${review}.`,
        e.ownerName,
      ]);
    }
    if (!strategic.register.entries.length) rows.push(["", "No open entries on the register.", ""]);
  }
  if (strategic.plannedTopics?.itemId === entry.id) {
    for (const t of strategic.plannedTopics.topics) rows.push(["", topicText(t), t.lead]);
    if (!strategic.plannedTopics.topics.length) rows.push(["", "No topic planned for this meeting.", ""]);
  }
  if (strategic.forwardPlan?.itemId === entry.id)
    for (const m of strategic.forwardPlan.meetings)
      rows.push(["", `${dayInWords(m.meetingId)}: ${m.topics.map(topicText).join("; ")}`, ""]);
  return rows;
}

function entryRows(entry: AgendaEntryView, agenda: AgendaView): string[][] {
  if (entry.kind === "heading") return [["", entry.title.toUpperCase(), ""]];
  const title = `${entry.title}${entry.minutes > 0 ? ` (${entry.minutes} min)` : ""}${entry.note ? `\n${entry.note}` : ""}`;
  return [
    [clock(entry.start), title, entry.lead],
    ...entry.slots.map((slot) => [
      `${clock(slot.start)}–${clock(slot.end)}`,
      [
        ...slot.subjects.map(subjectLine),
        ...(slot.workerMustAttend ? ["Actions drifting: the worker attends"] : []),
      ].join("\n"),
      [
        ...slot.expected.map((e) => `${e.who}: ${ATTENDS[e.attends]}`),
        ...(slot.plansHaveImpact ? [`Plans are having impact: ${slot.plansHaveImpact}`] : []),
      ].join("\n"),
    ]),
    ...entry.listed.map((l) => [
      "",
      `${l.reference}${l.label ? ` ${l.label}` : ""}${l.rationale ? `\nRationale: ${l.rationale}` : ""}`,
      "",
    ]),
    ...strategicRows(entry, agenda.strategic),
  ];
}

export function agendaPdf(
  agenda: AgendaView,
  names: { areaName: string; panelName: string },
): Promise<Buffer> {
  return markedPdf(`Agenda: ${names.panelName}, ${agenda.meeting.description}`, (w) => {
    w.heading(`${names.areaName}: ${names.panelName}`, 1);
    w.para(
      `Agenda for ${agenda.meeting.description}${agenda.publishedVersions > 0 ? `, published version ${agenda.publishedVersions}` : ", draft"}`,
      { bold: true },
    );
    if (agenda.namesHidden)
      w.para(
        "The meeting is under way: names are shown once you have signed in and agreed to the statement.",
        {
          muted: true,
        },
      );
    w.table(
      ["Time", "Item", "Lead or presenter"],
      agenda.entries.flatMap((e) => entryRows(e, agenda)),
      [1.1, 4, 2.4],
    );
    w.heading("Statements read at the start of the meeting", 2);
    w.para("Confidentiality and information sharing", { bold: true });
    w.para(agenda.statements.confidentiality);
    w.para("Anti-discriminatory statement", { bold: true });
    w.para(agenda.statements.antiDiscriminatory);
    if (agenda.outsideDecisions.length) {
      w.heading("Decisions taken outside the meeting", 2);
      w.para("Chairs' decisions taken since the last meeting, to be reported at this one.");
      for (const d of agenda.outsideDecisions) {
        w.para(`${d.reference}: ${d.decision}`, { bold: true });
        w.para(d.agreed);
        if (d.reason) w.para(`Why it could not wait for the meeting: ${d.reason}`);
      }
    }
  });
}
