import {
  Badge,
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { DecisionItem } from "./DecisionForm.js";
import { DiscussionNotes } from "./DiscussionNotes.js";
import { MinutesCirculation } from "./MinutesCirculation.js";
import { MinutesView } from "./MinutesView.js";
import { useApi } from "./useApi.js";
import {
  api,
  type AgendaResponse,
  type MinutesResponse,
  type PanelMeeting,
  type PanelSummary,
  type RoomResponse,
  type TokenSource,
} from "./api.js";
import { openDownload } from "./openDownload.js";
import { MeetingAttendance } from "./MeetingAttendance.js";
import { MeetingSignIn } from "./MeetingSignIn.js";

// The meeting as it runs: sign-in with the panel's statement, live quorum, apologies, the sign-in
// card for the channel, a decision per agenda item (before the meeting, a chairs' decision), and
// the minutes generated from them.

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: "12px",
    padding: "16px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: { display: "flex", gap: "12px", flexWrap: "wrap", alignItems: "flex-end" },
});

export function MeetingRoomSection({
  token,
  panel,
  meetingId,
  agenda,
  laterMeetings,
  onSignedIn,
  onDecided,
}: {
  token: TokenSource;
  panel: PanelSummary;
  meetingId: string;
  agenda: AgendaResponse | undefined;
  laterMeetings: PanelMeeting[];
  onSignedIn: () => void;
  /** A decision moves cases on and off the agenda, and a chairs' decision is reported on it. */
  onDecided: () => void;
}) {
  const styles = useStyles();
  const [message, setMessage] = useState<{ intent: "success" | "error"; text: string } | null>(null);
  const [minutes, setMinutes] = useState<MinutesResponse | null>(null);
  const isCoordinator = panel.role === "coordinator";
  const isMember = panel.role !== "presenter";
  const canDecide = (how: RoomResponse["deciding"]["how"]) =>
    how === "at-the-meeting"
      ? isCoordinator
      : how === "chairs-decision" && (isCoordinator || panel.role === "chair");

  const roomLoad = useApi(() => api.room(token, panel.id, meetingId), [token, panel.id, meetingId]);
  const decisionsLoad = useApi(
    async () => (isMember ? (await api.decisions(token, panel.id, meetingId)).decisions : []),
    [token, panel.id, meetingId, isMember],
  );
  const room = roomLoad.data;
  const decisions = decisionsLoad.data ?? [];
  const load = () => Promise.all([roomLoad.reload(), decisionsLoad.reload()]);
  const loadProblem = roomLoad.error ?? decisionsLoad.error;
  const shown = message ?? (loadProblem ? { intent: "error" as const, text: loadProblem } : null);

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      setMessage({ intent: "success", text: done });
      await load();
    } catch (e) {
      setMessage({ intent: "error", text: (e as Error).message });
    }
  };

  if (!room) return null;
  const items = (agenda?.entries ?? []).flatMap((e) => [
    ...e.slots.flatMap((s) => s.subjects),
    ...e.listed.map(({ subjectId, reference, label }) => ({ subjectId, reference, label })),
  ]);
  // Before the meeting an item shows its chairs' decision; on the day, the meeting's own.
  const byChairs = room.deciding.how === "chairs-decision";
  const decisionOn = (subjectId: string) =>
    decisions.find((d) => d.subjectId === subjectId && (d.taken?.how === "chairs-decision") === byChairs);

  return (
    <section className={styles.section} aria-labelledby="meeting-room-title" data-link-target="sign-in">
      <Subtitle2 as="h2" id="meeting-room-title">
        The meeting
      </Subtitle2>
      {shown && (
        <MessageBar intent={shown.intent} role={shown.intent === "error" ? "alert" : "status"}>
          <MessageBarBody>{shown.text}</MessageBarBody>
        </MessageBar>
      )}
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
        {!room.quorum.quorate && <Body1>Waiting for: {room.quorum.missing.join(", ")}</Body1>}
      </div>

      {room.inProgress && !room.signedIn && (
        <MeetingSignIn
          room={room}
          onSignIn={(body) =>
            act(
              () => api.signIn(token, panel.id, meetingId, body).then(onSignedIn),
              "You are signed in. The meeting's case details are shown below.",
            )
          }
        />
      )}

      <MeetingAttendance
        room={room}
        coordinator={isCoordinator}
        act={act}
        onApology={(apology) => api.recordApology(token, panel.id, meetingId, apology)}
        onOpenSignIn={() => api.openSignIn(token, panel.id, meetingId)}
      />

      {isMember && items.length > 0 && (
        <div>
          <Subtitle2 as="h3">Decisions</Subtitle2>
          {room.deciding.how === "closed" && <Body1 as="p">{room.deciding.why}</Body1>}
          {items.map((item) => (
            <DecisionItem
              key={item.subjectId}
              token={token}
              panel={panel}
              meetingId={meetingId}
              item={item}
              current={decisionOn(item.subjectId)}
              editable={canDecide(room.deciding.how)}
              room={room}
              laterMeetings={laterMeetings}
              onSaved={(text) => {
                setMessage({ intent: "success", text });
                void load();
                onDecided();
              }}
              onFailed={(text) => {
                setMessage({ intent: "error", text });
                void load();
              }}
            />
          ))}
        </div>
      )}

      {isMember && agenda && (
        <DiscussionNotes token={token} panel={panel} meetingId={meetingId} agenda={agenda} />
      )}

      {isMember && (
        <div className={styles.row}>
          <Button
            onClick={() =>
              void api
                .minutes(token, panel.id, meetingId)
                .then(setMinutes)
                .catch((e: Error) => setMessage({ intent: "error", text: e.message }))
            }
          >
            Show the minutes
          </Button>
          <Button
            onClick={() =>
              void api
                .minutesDocx(token, panel.id, meetingId)
                .then(openDownload)
                .catch((e: Error) => setMessage({ intent: "error", text: e.message }))
            }
          >
            Download the minutes (Word)
          </Button>
          <Button
            onClick={() =>
              void api
                .minutesPdf(token, panel.id, meetingId)
                .then(openDownload)
                .catch((e: Error) => setMessage({ intent: "error", text: e.message }))
            }
          >
            Minutes (PDF)
          </Button>
        </div>
      )}
      {minutes && panel.role === "chair" && (
        <MinutesCirculation
          token={token}
          panelId={panel.id}
          minutes={minutes}
          onAgreed={() => void api.minutes(token, panel.id, meetingId).then(setMinutes)}
        />
      )}
      {minutes && <MinutesView minutes={minutes} />}
    </section>
  );
}
