import {
  Badge,
  Body1,
  Button,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ResponsiveTable } from "./ResponsiveTable.js";
import { useState, type ReactNode } from "react";
import { MeetingRoomSection } from "./MeetingRoom.js";
import { PreviousMinutes } from "./PreviousMinutes.js";
import { OutsideDecisions } from "./OutsideDecisions.js";
import { StrategicAgendaRows } from "./StrategicAgendaRows.js";
import {
  api,
  type AgendaChoice,
  type AgendaEntry,
  type AgendaSlot,
  type AgendaResponse,
  type CaseTheme,
  type PanelMeeting,
  type PanelSummary,
  type TokenSource,
} from "./api.js";
import { ActionLogSection } from "./ActionLog.js";
import { headerStyles } from "./styles.js";
import { ThemePicker } from "./ThemePicker.js";
import { SlotAttendance } from "./SlotAttendance.js";
import { SubjectReference } from "./subjectLinks.js";
import { MeetingStatements } from "./MeetingStatements.js";
import { ThresholdedNote } from "./ThresholdedNote.js";
import { ThresholdingOutcomes } from "./ThresholdingOutcomes.js";
import { useApi } from "./useApi.js";
import { openDownload } from "./openDownload.js";

// One meeting's agenda: every item with its time, each section's presenter slots, and for the
// coordinator the choices that shape it (section, theme, order, slot length). Downloads as a PDF.

const useStyles = makeStyles({
  ...headerStyles,
  actions: { display: "flex", gap: "8px", flexWrap: "wrap", "@media print": { display: "none" } },
  table: { marginTop: "16px", tableLayout: "auto" },
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
  unplaced: { marginTop: "20px", "@media print": { display: "none" } },
});

const clock = (iso: string): string =>
  new Date(iso).toLocaleTimeString("en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/London",
  });
const SLOT_LENGTHS = [5, 10, 15, 20, 30, 45];
// Staffordshire's thresholding categories (003).
const CATEGORIES = [
  "1. Discussed at MACE",
  "2. Insufficient information shared",
  "3. Remains considered, not fully discussed",
  "4. Removed from MACE",
];

export function AgendaPage({
  token,
  meId,
  panel,
  meeting,
  otherMeetings,
  onBack,
}: {
  token: TokenSource;
  meId: string;
  panel: PanelSummary;
  meeting: PanelMeeting;
  /** Meetings a case can move to. */
  otherMeetings: PanelMeeting[];
  onBack: () => void;
}) {
  const styles = useStyles();
  const loaded = useApi(() => api.agenda(token, panel.id, meeting.id), [token, panel.id, meeting.id]);
  const agenda = loaded.data;
  // What went wrong with a change; the agenda's own loading problem shows in the same place.
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [published, setPublished] = useState<string | null>(null);

  /** Saves choices one after another, each on the version the last one returned. */
  const choose = async (changes: { subjectId: string; choice: AgendaChoice }[]) => {
    if (!agenda) return;
    setBusy(true);
    setProblem(null);
    try {
      let current = agenda;
      for (const change of changes) {
        current = await api.chooseForCase(
          token,
          panel.id,
          meeting.id,
          change.subjectId,
          change.choice,
          current.version,
        );
      }
      loaded.setData(current);
    } catch (e) {
      setProblem((e as Error).message);
      await loaded.reload();
    } finally {
      setBusy(false);
    }
  };

  const moveToMeeting = async (subjectId: string, target: PanelMeeting) => {
    if (!agenda) return;
    setBusy(true);
    setProblem(null);
    try {
      loaded.setData(
        await api.moveCaseToMeeting(token, panel.id, meeting.id, subjectId, target.id, agenda.version),
      );
      setPublished(`The case moved to the meeting on ${target.description}.`);
    } catch (e) {
      setProblem((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  /** A case's theme, on the case's version: the agenda is read again to show where it went. */
  const changeTheme = async (subjectId: string, theme: CaseTheme, next: string | null) => {
    setBusy(true);
    setProblem(null);
    try {
      await api.changeTheme(token, panel.id, subjectId, next, theme.caseVersion);
    } catch (e) {
      setProblem((e as Error).message);
    } finally {
      await loaded.reload();
      setBusy(false);
    }
  };

  const publish = async () => {
    if (!agenda) return;
    setBusy(true);
    setProblem(null);
    setPublished(null);
    try {
      const result = await api.publishAgenda(token, panel.id, meeting.id, agenda.version);
      const invited =
        result.invited > 0
          ? ` ${result.invited} presenter${result.invited === 1 ? " was" : "s were"} invited to their own slot.`
          : "";
      const missed =
        result.notInvited > 0
          ? ` ${result.notInvited} presenter${result.notInvited === 1 ? " was" : "s were"} not invited${result.why ? ` (${result.why})` : ""}: send them their slot times.`
          : "";
      const withdrawn =
        result.withdrawn > 0
          ? ` ${result.withdrawn} invitation${result.withdrawn === 1 ? " this version no longer calls for was" : "s this version no longer calls for were"} withdrawn.`
          : "";
      await loaded.reload();
      const channel = result.channelTold ? " The panel's channel has been told." : "";
      setPublished(
        `Version ${result.version} of the agenda is published.${invited}${withdrawn}${missed}${channel}`,
      );
    } catch (e) {
      setProblem((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  /** Swaps a slot with its neighbour in the section, numbering the section's order afresh. */
  const reorder = (entry: AgendaEntry, index: number, by: -1 | 1) => {
    const slots = [...entry.slots];
    const other = index + by;
    if (other < 0 || other >= slots.length) return;
    [slots[index], slots[other]] = [slots[other]!, slots[index]!];
    void choose(
      slots.flatMap((s, n) =>
        s.subjects[0] ? [{ subjectId: s.subjects[0].subjectId, choice: { ...s.choice, order: n * 10 } }] : [],
      ),
    );
  };

  return (
    <>
      <header className={styles.header}>
        <div className={styles.titleBlock}>
          <Title2 as="h1">{panel.name}: agenda</Title2>
          <Body1 as="p" className={styles.muted}>
            {meeting.description}
            {agenda && agenda.publishedVersions > 0
              ? ` · published version ${agenda.publishedVersions}`
              : " · draft"}
          </Body1>
        </div>
        <div className={styles.actions}>
          {agenda?.editable && (
            <Button appearance="primary" disabled={busy} onClick={() => void publish()}>
              Publish agenda
            </Button>
          )}
          <Button
            onClick={() =>
              void api
                .agendaPdf(token, panel.id, meeting.id)
                .then(openDownload)
                .catch((e: Error) => setProblem(e.message))
            }
          >
            Agenda (PDF)
          </Button>
          <Button onClick={onBack}>Back to meetings</Button>
        </div>
      </header>
      {(problem ?? loaded.error) && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem ?? loaded.error}</MessageBarBody>
        </MessageBar>
      )}
      {published && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{published}</MessageBarBody>
        </MessageBar>
      )}
      {loaded.loading && <Spinner label="Loading the agenda…" />}
      {agenda && Date.parse(agenda.end) > Date.parse(agenda.meeting.end) && (
        <MessageBar intent="warning">
          <MessageBarBody>
            The agenda runs to {clock(agenda.end)}, past the meeting&apos;s end at {clock(agenda.meeting.end)}
            . Shorten slots or move cases to another meeting.
          </MessageBarBody>
        </MessageBar>
      )}
      {busy && <Spinner size="tiny" label="Saving…" />}
      <MeetingRoomSection
        token={token}
        panel={panel}
        meetingId={meeting.id}
        agenda={agenda}
        laterMeetings={otherMeetings.filter((m) => m.id > meeting.id && m.status !== "cancelled")}
        onSignedIn={() => void loaded.reload()}
        onDecided={() => void loaded.reload()}
      />
      {panel.tier === "thresholding" && (
        <ThresholdingOutcomes
          namesHidden={agenda?.namesHidden ?? true}
          token={token}
          areaId={panel.area.id}
          panelId={panel.id}
          meetingId={meeting.id}
        />
      )}
      {agenda?.namesHidden && (
        <MessageBar intent="info">
          <MessageBarBody>
            The meeting is under way: names are shown once you have signed in and agreed to the statement.
          </MessageBarBody>
        </MessageBar>
      )}
      {agenda && (
        <ResponsiveTable className={styles.table} aria-label={`Agenda for ${meeting.description}`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Time</TableHeaderCell>
              <TableHeaderCell>Item</TableHeaderCell>
              <TableHeaderCell>Lead or presenter</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {agenda.entries.map((entry, n) => (
              <EntryRows
                key={`${entry.id ?? entry.kind}-${n}`}
                entry={entry}
                agenda={agenda}
                areaId={panel.area.id}
                busy={busy}
                onChoose={(subjectId, choice) => void choose([{ subjectId, choice }])}
                onReorder={(index, by) => reorder(entry, index, by)}
                onTheme={(subjectId, theme, next) => void changeTheme(subjectId, theme, next)}
                otherMeetings={otherMeetings}
                onMoveToMeeting={(subjectId, target) => void moveToMeeting(subjectId, target)}
                below={
                  entry.id === "minutes-and-actions" && (
                    <PreviousMinutes token={token} panelId={panel.id} meetingId={meeting.id} />
                  )
                }
              />
            ))}
          </TableBody>
        </ResponsiveTable>
      )}
      {agenda && (
        <MeetingStatements
          confidentiality={agenda.statements.confidentiality}
          antiDiscriminatory={agenda.statements.antiDiscriminatory}
        />
      )}
      {agenda && <OutsideDecisions agenda={agenda} areaId={panel.area.id} />}
      {agenda && agenda.unplaced.length > 0 && (
        <section className={styles.unplaced} aria-labelledby="unplaced-title">
          <Title2 as="h2" id="unplaced-title">
            Cases to place
          </Title2>
          <Body1 as="p">
            These cases are due at this meeting but no section of the agenda takes them yet.
          </Body1>
          <ul>
            {agenda.unplaced.map((c) => (
              <li key={c.subjectId}>
                <SubjectReference areaId={panel.area.id} subjectId={c.subjectId} reference={c.reference} />
                {c.label ? ` ${c.label}` : ""} <ThresholdedNote subject={c} />
                {agenda.editable && (
                  <SectionPicker
                    agenda={agenda}
                    reference={c.reference}
                    value={c.choice.sectionId}
                    disabled={busy}
                    onChange={(sectionId) =>
                      void choose([{ subjectId: c.subjectId, choice: { ...c.choice, sectionId } }])
                    }
                  />
                )}{" "}
                {agenda.editable && (
                  <ThemePicker
                    agenda={agenda}
                    reference={c.reference}
                    theme={c.theme}
                    disabled={busy}
                    onChange={(next) => void changeTheme(c.subjectId, c.theme, next)}
                  />
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <ActionLogSection
        token={token}
        panel={panel}
        meId={meId}
        meetingId={meeting.id}
        cases={
          agenda
            ? [
                ...agenda.entries.flatMap((e) => [...e.slots.flatMap((s) => s.subjects), ...e.listed]),
                ...agenda.unplaced,
              ].map(({ subjectId, reference, label }) => ({ subjectId, reference, label }))
            : []
        }
      />
    </>
  );
}

function EntryRows({
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

function SectionPicker({
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

/** Staffordshire's thresholding (003): the category, the rationale for a child not fully
 * discussed, and the group a child is mapped into (children in one group share one slot). Where
 * the thresholding meeting placed the cases, only the group is chosen here. */
function Thresholding({
  reference,
  placedBy,
  choice,
  busy,
  onChoose,
}: {
  reference: string;
  placedBy: string | null;
  choice: AgendaChoice;
  busy: boolean;
  onChoose: (choice: AgendaChoice) => void;
}) {
  const [rationale, setRationale] = useState(choice.rationale ?? "");
  const [group, setGroup] = useState(choice.groupKey ?? "");
  if (placedBy)
    return (
      <>
        <Input
          aria-label={`Group for ${reference}`}
          placeholder="Group name, to share one slot"
          value={group}
          maxLength={80}
          onChange={(_e, d) => setGroup(d.value)}
        />
        <Button
          size="small"
          disabled={busy}
          onClick={() => onChoose({ ...choice, groupKey: group.trim() || null })}
          aria-label={`Save group, ${reference}`}
        >
          Save group
        </Button>
      </>
    );
  return (
    <>
      <Select
        aria-label={`Category for ${reference}`}
        value={choice.category === null ? "" : String(choice.category)}
        disabled={busy}
        onChange={(_e, d) =>
          onChoose({ ...choice, category: d.value ? (Number(d.value) as 1 | 2 | 3 | 4) : null })
        }
      >
        <option value="">No category yet</option>
        {CATEGORIES.map((label, n) => (
          <option key={label} value={n + 1}>
            {label}
          </option>
        ))}
      </Select>
      <Input
        aria-label={`Rationale for ${reference}`}
        placeholder="Rationale, if not fully discussed"
        value={rationale}
        maxLength={1000}
        onChange={(_e, d) => setRationale(d.value)}
      />
      <Input
        aria-label={`Group for ${reference}`}
        placeholder="Group name, to share one slot"
        value={group}
        maxLength={80}
        onChange={(_e, d) => setGroup(d.value)}
      />
      <Button
        size="small"
        disabled={busy}
        onClick={() =>
          onChoose({ ...choice, rationale: rationale.trim() || null, groupKey: group.trim() || null })
        }
        aria-label={`Save rationale and group, ${reference}`}
      >
        Save rationale and group
      </Button>
    </>
  );
}
