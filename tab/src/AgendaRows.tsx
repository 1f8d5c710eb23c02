import { Badge, Button, Select, TableCell, TableRow, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type {
  AgendaChoice,
  AgendaEntry,
  AgendaResponse,
  AgendaSlot,
  CaseTheme,
  PanelMeeting,
} from "./api.js";
import { Thresholding } from "./AgendaThresholding.js";
import { SlotAttendance } from "./SlotAttendance.js";
import { StrategicAgendaRows } from "./StrategicAgendaRows.js";
import { SubjectReference } from "./subjectLinks.js";
import { ThemePicker } from "./ThemePicker.js";
import { ThresholdedNote } from "./ThresholdedNote.js";

// An agenda item's rows: its time and title, each presenter slot with the coordinator's choices
// for it (section, theme, length, order, meeting), and the children listed under it.

const useStyles = makeStyles({
  time: { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  heading: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground3 },
  slot: { paddingLeft: "24px" },
  controls: {
    display: "flex",
    gap: "8px",
    flexWrap: "wrap",
    alignItems: "center",
    "@media print": { display: "none" },
  },
  note: { color: tokens.colorNeutralForeground3, display: "block" },
});

/** A time as the agenda shows it, in the UK whatever the reader's clock says. */
export const clock = (iso: string): string =>
  new Date(iso).toLocaleTimeString("en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/London",
  });
const SLOT_LENGTHS = [5, 10, 15, 20, 30, 45];

export function EntryRows({
  entry,
  agenda,
  areaId,
  busy,
  onChoose,
  onReorder,
  onTheme,
  otherMeetings,
  onMoveToMeeting,
  below,
}: {
  entry: AgendaEntry;
  agenda: AgendaResponse;
  areaId: string;
  busy: boolean;
  onChoose: (subjectId: string, choice: AgendaChoice) => void;
  onReorder: (index: number, by: -1 | 1) => void;
  onTheme: (subjectId: string, theme: CaseTheme, next: string | null) => void;
  otherMeetings: PanelMeeting[];
  onMoveToMeeting: (subjectId: string, target: PanelMeeting) => void;
  /** What the item shows beneath its title: for the minutes item, where the previous minutes stand. */
  below: ReactNode;
}) {
  const styles = useStyles();
  if (entry.kind === "heading") {
    return (
      <TableRow className={styles.heading}>
        <TableCell />
        <TableCell colSpan={2}>{entry.title}</TableCell>
      </TableRow>
    );
  }
  return (
    <>
      <TableRow data-entry-id={entry.id ?? undefined}>
        <TableCell className={styles.time}>
          <time dateTime={entry.start}>{clock(entry.start)}</time>
        </TableCell>
        <TableCell>
          {entry.title}
          {entry.minutes > 0 && ` (${entry.minutes} min)`}
          {entry.note && <small className={styles.note}>{entry.note}</small>}
          {below}
        </TableCell>
        <TableCell>{entry.lead}</TableCell>
      </TableRow>
      {entry.slots.map((slot, index) => (
        <SlotRow
          key={slot.subjects.map((s) => s.subjectId).join("+")}
          slot={slot}
          agenda={agenda}
          areaId={areaId}
          busy={busy}
          first={index === 0}
          last={index === entry.slots.length - 1}
          onChoose={onChoose}
          onMove={(by) => onReorder(index, by)}
          onTheme={onTheme}
          otherMeetings={otherMeetings}
          onMoveToMeeting={onMoveToMeeting}
        />
      ))}
      {entry.listed.map((l) => (
        <TableRow key={l.subjectId}>
          <TableCell />
          <TableCell className={styles.slot}>
            <SubjectReference areaId={areaId} subjectId={l.subjectId} reference={l.reference} />
            {l.label ? ` ${l.label}` : ""}
            {l.rationale && <small className={styles.note}>Rationale: {l.rationale}</small>}
            {agenda.editable && (
              <div className={styles.controls}>
                <Thresholding
                  reference={l.reference}
                  placedBy={agenda.thresholdedAt?.panelName ?? null}
                  choice={l.choice}
                  busy={busy}
                  onChoose={(choice) => onChoose(l.subjectId, choice)}
                />
              </div>
            )}
          </TableCell>
          <TableCell />
        </TableRow>
      ))}
      <StrategicAgendaRows entry={entry} strategic={agenda.strategic} />
    </>
  );
}

function SlotRow({
  slot,
  agenda,
  areaId,
  busy,
  first,
  last,
  onChoose,
  onMove,
  onTheme,
  otherMeetings,
  onMoveToMeeting,
}: {
  slot: AgendaSlot;
  agenda: AgendaResponse;
  areaId: string;
  busy: boolean;
  first: boolean;
  last: boolean;
  onChoose: (subjectId: string, choice: AgendaChoice) => void;
  onMove: (by: -1 | 1) => void;
  onTheme: (subjectId: string, theme: CaseTheme, next: string | null) => void;
  otherMeetings: PanelMeeting[];
  onMoveToMeeting: (subjectId: string, target: PanelMeeting) => void;
}) {
  const styles = useStyles();
  const lead = slot.subjects[0];
  const reference = slot.subjects.map((s) => s.reference).join(", ");
  return (
    <TableRow data-slot={reference}>
      <TableCell className={styles.time}>
        <time dateTime={slot.start}>{clock(slot.start)}</time>–
        <time dateTime={slot.end}>{clock(slot.end)}</time>
      </TableCell>
      <TableCell className={styles.slot}>
        {slot.subjects.map((s) => (
          <div key={s.subjectId}>
            <b>
              <SubjectReference areaId={areaId} subjectId={s.subjectId} reference={s.reference} />
            </b>
            {s.label ? ` ${s.label}` : ""}
            <ThresholdedNote subject={s} />
          </div>
        ))}
        {slot.workerMustAttend && (
          <Badge appearance="tint" color="warning">
            Actions drifting: the worker attends
          </Badge>
        )}
        {agenda.editable && lead && (
          <div className={styles.controls}>
            <SectionPicker
              agenda={agenda}
              reference={reference}
              value={slot.choice.sectionId}
              disabled={busy}
              onChange={(sectionId) => onChoose(lead.subjectId, { ...slot.choice, sectionId })}
            />
            <ThemePicker
              agenda={agenda}
              reference={reference}
              theme={slot.theme}
              disabled={busy}
              onChange={(next) => onTheme(lead.subjectId, slot.theme, next)}
            />
            <Select
              aria-label={`Slot length for ${reference}`}
              value={String(slot.minutes)}
              disabled={busy}
              onChange={(_e, d) => onChoose(lead.subjectId, { ...slot.choice, slotMinutes: Number(d.value) })}
            >
              {[...new Set([...SLOT_LENGTHS, slot.minutes])]
                .sort((a, b) => a - b)
                .map((m) => (
                  <option key={m} value={m}>
                    {m} minutes
                  </option>
                ))}
            </Select>
            {agenda.usesCategories && (
              <Thresholding
                reference={reference}
                placedBy={agenda.thresholdedAt?.panelName ?? null}
                choice={slot.choice}
                busy={busy}
                onChoose={(choice) => onChoose(lead.subjectId, choice)}
              />
            )}
            <Select
              aria-label={`Meeting for ${reference}`}
              value=""
              disabled={busy}
              onChange={(_e, d) => {
                const target = otherMeetings.find((m) => m.id === d.value);
                if (target) onMoveToMeeting(lead.subjectId, target);
              }}
            >
              <option value="">At this meeting</option>
              {otherMeetings.map((m) => (
                <option key={m.id} value={m.id}>
                  Move to {m.description}
                </option>
              ))}
            </Select>
            <Button
              size="small"
              disabled={busy || first}
              onClick={() => onMove(-1)}
              aria-label={`Move ${reference} earlier`}
            >
              Earlier
            </Button>
            <Button
              size="small"
              disabled={busy || last}
              onClick={() => onMove(1)}
              aria-label={`Move ${reference} later`}
            >
              Later
            </Button>
          </div>
        )}
      </TableCell>
      <TableCell>
        <SlotAttendance
          slot={slot}
          reference={reference}
          editable={agenda.editable && !!lead}
          impactRule={agenda.plansHavingImpact}
          busy={busy}
          onChoose={(choice) => lead && onChoose(lead.subjectId, choice)}
        />
      </TableCell>
    </TableRow>
  );
}

export function SectionPicker({
  agenda,
  reference,
  value,
  disabled,
  onChange,
}: {
  agenda: AgendaResponse;
  reference: string;
  value: string | null;
  disabled: boolean;
  onChange: (sectionId: string | null) => void;
}) {
  return (
    <Select
      aria-label={`Section for ${reference}`}
      value={value ?? ""}
      disabled={disabled}
      onChange={(_e, d) => onChange(d.value || null)}
    >
      <option value="">As the template places it</option>
      {agenda.sections.map((s) => (
        <option key={s.id} value={s.id}>
          {s.title}
        </option>
      ))}
    </Select>
  );
}
