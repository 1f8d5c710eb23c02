import { TableCell, TableRow, makeStyles, tokens } from "@fluentui/react-components";
import type { AgendaEntry, AgendaResponse } from "./api.js";

// Under a strategic meeting's agenda items: the register's open entries to review, with their last
// review; the topics the forward plan has for this meeting; and those planned for later meetings.

const useStyles = makeStyles({
  row: { paddingLeft: "24px" },
  note: { display: "block", color: tokens.colorNeutralForeground3 },
});

const day = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });

type Topic = { title: string; lead: string; reportRequested: boolean };
const topicText = (t: Topic) => `${t.title}${t.reportRequested ? " (report requested)" : ""}`;

export function StrategicAgendaRows({
  entry,
  strategic,
}: {
  entry: AgendaEntry;
  strategic: AgendaResponse["strategic"];
}) {
  const styles = useStyles();
  if (!strategic || !entry.id) return null;
  const rows: { key: string; text: string; note?: string; lead?: string }[] = [];
  if (strategic.register?.itemId === entry.id) {
    for (const e of strategic.register.entries)
      rows.push({
        key: e.id,
        text: `${e.reference} ${e.kindLabel}: ${e.title}`,
        note: `${e.raisedFromText}. ${
          e.reviewedHere
            ? "Reviewed at this meeting"
            : e.lastReview
              ? `Last reviewed ${day(e.lastReview.meetingId)}: ${e.lastReview.note.replace(/[.!?]+$/, "")}`
              : "Not reviewed yet"
        }.`,
        lead: e.ownerName,
      });
    if (!strategic.register.entries.length)
      rows.push({ key: "none", text: "No open entries on the register." });
  }
  if (strategic.plannedTopics?.itemId === entry.id) {
    strategic.plannedTopics.topics.forEach((t, n) =>
      rows.push({ key: `planned-${n}`, text: topicText(t), lead: t.lead }),
    );
    if (!strategic.plannedTopics.topics.length)
      rows.push({ key: "none-planned", text: "No topic planned for this meeting." });
  }
  if (strategic.forwardPlan?.itemId === entry.id)
    for (const m of strategic.forwardPlan.meetings)
      rows.push({
        key: `plan-${m.meetingId}`,
        text: `${day(m.meetingId)}: ${m.topics.map(topicText).join("; ")}`,
      });
  return (
    <>
      {rows.map((r) => (
        <TableRow key={r.key} data-strategic-row={entry.id}>
          <TableCell />
          <TableCell className={styles.row}>
            {r.text}
            {r.note && <small className={styles.note}>{r.note}</small>}
          </TableCell>
          <TableCell>{r.lead ?? ""}</TableCell>
        </TableRow>
      ))}
    </>
  );
}
