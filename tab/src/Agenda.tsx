import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  TableBody,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title2,
  makeStyles,
} from "@fluentui/react-components";
import { ResponsiveTable } from "./ResponsiveTable.js";
import { useState } from "react";
import { MeetingRoomSection } from "./MeetingRoom.js";
import { PreviousMinutes } from "./PreviousMinutes.js";
import { OutsideDecisions } from "./OutsideDecisions.js";
import {
  api,
  type AgendaChoice,
  type AgendaEntry,
  type CaseTheme,
  type PanelMeeting,
  type PanelSummary,
  type TokenSource,
} from "./api.js";
import { ActionLogSection } from "./ActionLog.js";
import { clock, EntryRows } from "./AgendaRows.js";
import { UnplacedCases } from "./UnplacedCases.js";
import { headerStyles } from "./styles.js";
import { MeetingStatements } from "./MeetingStatements.js";
import { ThresholdingOutcomes } from "./ThresholdingOutcomes.js";
import { useApi } from "./useApi.js";
import { openDownload } from "./openDownload.js";

// One meeting's agenda: every item with its time, each section's presenter slots, and for the
// coordinator the choices that shape it (section, theme, order, slot length). Downloads as a PDF.

const useStyles = makeStyles({
  ...headerStyles,
  actions: { display: "flex", gap: "8px", flexWrap: "wrap", "@media print": { display: "none" } },
  table: { marginTop: "16px", tableLayout: "auto" },
});

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
      {agenda && (
        <UnplacedCases
          agenda={agenda}
          areaId={panel.area.id}
          busy={busy}
          onChoose={(subjectId, choice) => void choose([{ subjectId, choice }])}
          onTheme={(subjectId, theme, next) => void changeTheme(subjectId, theme, next)}
        />
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
