import {
  Badge,
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import {
  api,
  type AgendaSubject,
  type MeetingOfChatResponse,
  type PanelSummary,
  type RoomResponse,
  type TokenSource,
} from "./api.js";
import { MeetingSignIn } from "./MeetingSignIn.js";
import { positionIn, serviceClock, timeSpan, type Position } from "./meetingNow.js";
import { SidePanelForms } from "./SidePanelForms.js";
import { agendaRows } from "./sidePanelAgenda.js";
import { canShareToStage, shareToStage } from "./teamsMeeting.js";
import { useApi } from "./useApi.js";

// The panel in the Teams meeting's side panel, about 320 pixels wide: the agenda with the item
// under way and its time, sign-in with the panel's statement, live quorum, and for the coordinator
// the decision and action forms of the latest case whose time has come (SidePanelForms). Names
// follow the agenda's rules: held back until the person has signed in, and a presenter sees their
// own slot only.

// Quorum and the agenda are asked again this often, and at once after every change made here.
const REFRESH_MS = 15_000;

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: "12px", maxWidth: "100%" },
  muted: { color: tokens.colorNeutralForeground3 },
  row: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "center" },
  agenda: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "4px" },
  item: {
    padding: "6px 8px",
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid transparent`,
  },
  current: {
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  cases: { margin: "2px 0 0", paddingLeft: "16px" },
});

const caseName = (s: AgendaSubject) => `${s.reference}${s.label ? ` ${s.label}` : ""}`;

export function MeetingSidePanel({
  token,
  panel,
  found,
  meetingId,
  description,
}: {
  token: TokenSource;
  panel: PanelSummary;
  found: MeetingOfChatResponse;
  meetingId: string;
  description: string;
}) {
  const styles = useStyles();
  const coordinator = panel.role === "coordinator";
  const [message, setMessage] = useState<{ intent: "success" | "error"; text: string } | null>(null);
  const [now, setNow] = useState(() => Date.parse(found.now));
  const agenda = useApi(() => api.agenda(token, panel.id, meetingId), [token, panel.id, meetingId]);
  const room = useApi(() => api.room(token, panel.id, meetingId), [token, panel.id, meetingId]);
  const decisions = useApi(
    async () => (coordinator ? (await api.decisions(token, panel.id, meetingId)).decisions : []),
    [token, panel.id, meetingId, coordinator],
  );
  const members = useApi(
    async () => (coordinator ? (await api.members(token, panel.id)).members : []),
    [token, panel.id, coordinator],
  );
  const later = useApi(
    async () =>
      coordinator
        ? (await api.meetings(token, panel.id, meetingId, laterBy(meetingId, 365))).meetings.filter(
            (m) => m.id > meetingId && m.status !== "cancelled",
          )
        : [],
    [token, panel.id, meetingId, coordinator],
  );
  const [stage, setStage] = useState(false);
  useEffect(() => {
    void canShareToStage().then(setStage, () => setStage(false));
  }, []);

  const refresh = () => Promise.all([agenda.reload(), room.reload(), decisions.reload()]);
  useEffect(() => {
    const clock = serviceClock(found.now);
    const timer = window.setInterval(() => {
      setNow(clock());
      void Promise.all([agenda.reload(), room.reload()]);
    }, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [found.now, agenda.reload, room.reload]);

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      setMessage({ intent: "success", text: done });
    } catch (e) {
      setMessage({ intent: "error", text: (e as Error).message });
    }
    await refresh();
  };

  const rows = agenda.data ? agendaRows(agenda.data) : [];
  const at: Position | null = positionIn(rows, now);
  const current = at ? rows[at.index] : undefined;
  // While an item is under way, the one after it is next.
  const following = at?.state === "now" ? rows[at.index + 1] : undefined;
  const badge = (n: number): "Now" | "Next" | null => {
    if (!at) return null;
    if (n === at.index) return at.state === "now" ? "Now" : "Next";
    return following && n === at.index + 1 ? "Next" : null;
  };
  const problem = agenda.error ?? room.error;
  const view = room.data;

  return (
    <section className={styles.panel} aria-labelledby="side-panel-title">
      <div>
        <Subtitle2 as="h1" id="side-panel-title">
          {panel.name}
        </Subtitle2>
        <Caption1 as="p" block className={styles.muted}>
          {description}
        </Caption1>
      </div>
      {!found.today && (
        <MessageBar intent="info">
          <MessageBarBody>This is the panel&apos;s next meeting. Sign-in opens on the day.</MessageBarBody>
        </MessageBar>
      )}
      {message && (
        <MessageBar intent={message.intent} role={message.intent === "error" ? "alert" : "status"}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {view && <Quorum room={view} />}
      {current && at && (
        <div aria-live="polite">
          <Body1 as="p" block>
            <strong>{at.state === "now" ? "Now" : "Next"}:</strong> {current.title}, {timeSpan(current)}
          </Body1>
          {following && (
            <Body1 as="p" block>
              <strong>Next:</strong> {following.title}, {timeSpan(following)}
            </Body1>
          )}
        </div>
      )}
      {stage && (
        <Button
          onClick={() =>
            void shareToStage(`${window.location.origin}/tab/meeting`).catch((e: Error) =>
              setMessage({ intent: "error", text: e.message }),
            )
          }
        >
          Share the agenda to the stage
        </Button>
      )}
      {view?.inProgress && !view.signedIn && (
        <MeetingSignIn
          room={view}
          onSignIn={(body) =>
            act(
              () => api.signIn(token, panel.id, meetingId, body),
              "You are signed in. The meeting's case details are shown below.",
            )
          }
        />
      )}
      {agenda.data?.namesHidden && (
        <Caption1 as="p" block className={styles.muted}>
          Names are shown once you have signed in and agreed to the statement.
        </Caption1>
      )}
      <ol className={styles.agenda} aria-label="Agenda">
        {rows.map((row, n) => (
          <li
            key={row.key}
            className={`${styles.item} ${n === at?.index ? styles.current : ""}`}
            aria-current={n === at?.index && at.state === "now" ? "step" : undefined}
          >
            <div className={styles.row}>
              <Caption1>{timeSpan(row)}</Caption1>
              {badge(n) && (
                <Badge appearance="filled" color={badge(n) === "Now" ? "brand" : "informative"}>
                  {badge(n)}
                </Badge>
              )}
            </div>
            <Body1>{row.title}</Body1>
            {row.subjects.length > 0 && (
              <ul className={styles.cases}>
                {row.subjects.map((s) => (
                  <li key={s.subjectId}>{caseName(s)}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {coordinator && view && (
        <SidePanelForms
          token={token}
          panel={panel}
          meetingId={meetingId}
          rows={rows}
          now={now}
          room={view}
          decisions={decisions.data ?? []}
          members={members.data ?? []}
          laterMeetings={later.data ?? []}
          onSaved={(text) => {
            setMessage({ intent: "success", text });
            void refresh();
          }}
          onFailed={(text) => {
            setMessage({ intent: "error", text });
            void refresh();
          }}
        />
      )}
    </section>
  );
}

function Quorum({ room }: { room: RoomResponse }) {
  const styles = useStyles();
  return (
    <div className={styles.row} aria-live="polite">
      {room.quorum.quorate ? (
        <Badge appearance="filled" color="success">
          Quorate
        </Badge>
      ) : (
        <Badge appearance="filled" color="warning">
          Not quorate
        </Badge>
      )}
      <Caption1>
        {room.signIns.length} signed in
        {room.quorum.quorate ? "" : `; waiting for ${room.quorum.missing.join(", ")}`}
      </Caption1>
    </div>
  );
}

const laterBy = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
