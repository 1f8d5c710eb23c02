import {
  Body1,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  TableBody,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DateField } from "./DateField.js";
import { ResponsiveTable } from "./ResponsiveTable.js";
import { useState } from "react";
import { api, type PanelMeeting, type PanelViewProps } from "./api.js";
import { aYearFrom, downloadCalendar, isoDay } from "./calendar.js";
import { lazyPage } from "./lazyPages.js";
import { useApi } from "./useApi.js";
import { dayShown } from "./ukDates.js";
import { headerStyles } from "./styles.js";
import { MeetingRow } from "./MeetingRow.js";

// A panel's meetings for the next twelve months: whether they are in Teams calendars, each
// meeting's join link, and for coordinators scheduling the series and moving or cancelling one meeting.

const AgendaPage = lazyPage(() => import("./Agenda.js").then((m) => m.AgendaPage));

const useStyles = makeStyles({
  ...headerStyles,
  section: {
    marginTop: "20px",
    padding: "16px 20px",
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    display: "flex",
    flexDirection: "column",
    gap: "12px",
  },
  row: { display: "flex", flexWrap: "wrap", gap: "12px", alignItems: "flex-end" },
  table: { marginTop: "16px", tableLayout: "auto" },
  period: { marginTop: "16px", maxWidth: "280px" },
});

const longDate = (day: string): string => dayShown(day, "long");
const aYearBefore = (day: string): string => {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d.toISOString().slice(0, 10);
};
const dayBefore = (day: string): string =>
  new Date(Date.parse(`${day}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
type Editing = { meetingId: string; kind: "move" | "cancel" } | null;
type Outcome = { intent: "success" | "error" | "info"; text: string };

export function MeetingsPage({
  token,
  meId,
  panel,
  onBack,
  openAgendaOf,
}: PanelViewProps & { openAgendaOf?: string | null }) {
  const styles = useStyles();
  const coordinator = panel.role === "coordinator";
  const [today] = useState(() => isoDay(new Date()));
  const [range, setRange] = useState({ from: today, to: aYearFrom(today) });
  const [period, setPeriod] = useState<"coming" | "past">("coming");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [agendaOf, setAgendaOf] = useState<PanelMeeting | null>(null);

  const meetings = useApi(async () => {
    const loaded =
      period === "coming"
        ? await api.meetings(token, panel.id, today, aYearFrom(today))
        : await api.meetings(token, panel.id, aYearBefore(today), dayBefore(today));
    if (period === "past") loaded.meetings.reverse();
    const byId = (list: PanelMeeting[]) => list.find((m) => m.id === openAgendaOf);
    let linked = openAgendaOf ? byId(loaded.meetings) : undefined;
    // A link to a meeting already held (to record its actions) finds it among the past ones.
    if (openAgendaOf && !linked && period === "coming")
      linked = byId((await api.meetings(token, panel.id, aYearBefore(today), dayBefore(today))).meetings);
    if (linked) setAgendaOf((current) => current ?? linked);
    return loaded;
  }, [token, panel.id, today, openAgendaOf, period]);
  const data = meetings.data;

  const schedule = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const result = await api.schedule(token, panel.id, range.from, range.to);
      await meetings.reload();
      const inTeams = result.meetings.filter((m) => m.status !== "cancelled" && m.joinUrl).length;
      setOutcome({
        intent: "success",
        text:
          result.outcome === "unchanged"
            ? `The meetings were already in Teams calendars; nothing needed to change.`
            : `${inTeams} meetings are in Teams calendars, organised by ${result.organiser}. Core members have been sent the invitation.`,
      });
    } catch (e) {
      setOutcome({ intent: "error", text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const changed = async (work: () => Promise<unknown>, text: string) => {
    setBusy(true);
    setOutcome(null);
    try {
      await work();
      await meetings.reload();
      setEditing(null);
      setOutcome({ intent: "success", text });
    } catch (e) {
      setOutcome({ intent: "error", text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const series = data?.calendar.series;
  if (agendaOf) {
    return (
      <AgendaPage
        token={token}
        meId={meId}
        panel={panel}
        meeting={agendaOf}
        otherMeetings={(data?.meetings ?? []).filter((m) => m.id !== agendaOf.id && m.status !== "cancelled")}
        onBack={() => setAgendaOf(null)}
      />
    );
  }
  return (
    <>
      <header className={styles.header}>
        <div className={styles.titleBlock}>
          <Title2 as="h1">{panel.name}: meetings</Title2>
          <Body1 as="p" className={styles.muted}>
            {panel.area.name}. {period === "coming" ? "The next" : "The past"} twelve months, in UK time.
          </Body1>
        </div>
        <Button onClick={onBack}>Back to your panels</Button>
      </header>

      {meetings.error && (
        <MessageBar intent="error">
          <MessageBarBody>{meetings.error}</MessageBarBody>
        </MessageBar>
      )}
      {meetings.loading && <Spinner label="Loading meetings…" />}

      {data && (
        <section className={styles.section} aria-labelledby="teams-calendar">
          <Subtitle2 as="h2" id="teams-calendar">
            Teams calendar
          </Subtitle2>
          {series ? (
            <Body1 as="p">
              In Teams calendars from {longDate(series.from)} to {longDate(series.to)}, organised by{" "}
              {series.organiser}.
            </Body1>
          ) : data.calendar.connected ? (
            <Body1 as="p">These meetings are not in Teams calendars yet.</Body1>
          ) : (
            <Body1 as="p">
              MACE panels is not connected to Microsoft 365 calendars here. Download the calendar file and
              import it into Outlook to send the invitations.
            </Body1>
          )}
          {coordinator && data.calendar.connected && (
            <div className={styles.row}>
              <DateField
                label="From"
                value={range.from}
                onChange={(from) => setRange((r) => ({ ...r, from }))}
              />
              <DateField label="To" value={range.to} onChange={(to) => setRange((r) => ({ ...r, to }))} />
              <Button appearance="primary" disabled={busy} onClick={() => void schedule()}>
                {series ? "Update Teams meetings" : "Schedule in Teams"}
              </Button>
            </div>
          )}
          {!data.calendar.connected && (
            <div className={styles.row}>
              <Button
                onClick={() =>
                  downloadCalendar(token, panel).catch((e: unknown) =>
                    setOutcome({ intent: "error", text: (e as Error).message }),
                  )
                }
              >
                Calendar file (.ics)
              </Button>
            </div>
          )}
          {busy && <Spinner size="tiny" label="Working with Microsoft 365…" />}
          {outcome && (
            <MessageBar intent={outcome.intent} role={outcome.intent === "error" ? "alert" : "status"}>
              <MessageBarBody>{outcome.text}</MessageBarBody>
            </MessageBar>
          )}
        </section>
      )}

      {data && (
        <Field label="Show" className={styles.period}>
          <Select value={period} onChange={(_e, d) => setPeriod(d.value as "coming" | "past")}>
            <option value="coming">The next twelve months</option>
            <option value="past">The past twelve months</option>
          </Select>
        </Field>
      )}
      {data && (
        <ResponsiveTable className={styles.table} aria-label={`${panel.name} meetings`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Meeting</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
              <TableHeaderCell>Join</TableHeaderCell>
              <TableHeaderCell>Agenda</TableHeaderCell>
              {coordinator && <TableHeaderCell>Change</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.meetings.map((m) => (
              <MeetingRow
                key={m.id}
                meeting={m}
                coordinator={coordinator}
                editing={editing?.meetingId === m.id ? editing.kind : null}
                busy={busy}
                onEdit={(kind) => setEditing(kind ? { meetingId: m.id, kind } : null)}
                onOpenAgenda={() => setAgendaOf(m)}
                onMove={(change) =>
                  changed(
                    () => api.moveMeeting(token, panel.id, m, change),
                    `The meeting has moved. Everyone invited has been sent the new time.`,
                  )
                }
                onCancel={(reason) =>
                  changed(
                    () => api.cancelMeeting(token, panel.id, m, reason),
                    `The meeting is cancelled. Everyone invited has been told.`,
                  )
                }
              />
            ))}
          </TableBody>
        </ResponsiveTable>
      )}
    </>
  );
}
