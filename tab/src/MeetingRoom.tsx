import {
  Badge,
  Body1,
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { ChoiceField } from "./ChoiceField.js";
import { DecisionItem } from "./DecisionForm.js";
import { DiscussionNotes } from "./DiscussionNotes.js";
import { MinutesCirculation } from "./MinutesCirculation.js";
import { MinutesView } from "./MinutesView.js";
import { useApi } from "./useApi.js";
import {
  api,
  type AgendaResponse,
  type Capacity,
  type MinutesResponse,
  type PanelMeeting,
  type PanelSummary,
  type RoomResponse,
  type TokenSource,
} from "./api.js";
import { openDownload } from "./openDownload.js";

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
  statement: { whiteSpace: "pre-wrap", margin: 0 },
  block: { display: "block", marginTop: "8px" },
  list: { margin: 0, paddingLeft: "20px" },
});

const CAPACITIES: { value: Capacity; label: string }[] = [
  { value: "member", label: "Panel member" },
  { value: "deputy", label: "Deputy for the agency's member" },
  { value: "presenter", label: "Presenting a case" },
  { value: "guest", label: "Guest" },
];

function AgencySelect({
  agencies,
  ...field
}: {
  label: string;
  required?: boolean;
  agencies: { id: string; name: string }[];
  value: string;
  onChange: (agencyId: string) => void;
}) {
  return (
    <ChoiceField {...field} options={agencies.map((a) => ({ value: a.id, label: a.name }))} empty="Choose…" />
  );
}

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
  const [agencyId, setAgencyId] = useState("");
  const [capacity, setCapacity] = useState<Capacity>("member");
  const [agreed, setAgreed] = useState(false);
  const [apology, setApology] = useState({ agencyId: "", personName: "" });
  const [minutes, setMinutes] = useState<MinutesResponse | null>(null);
  const isCoordinator = panel.role === "coordinator";
  const isMember = panel.role !== "presenter";
  const canDecide = (how: RoomResponse["deciding"]["how"]) =>
    how === "at-the-meeting"
      ? isCoordinator
      : how === "chairs-decision" && (isCoordinator || panel.role === "chair");

  const roomLoad = useApi(async () => {
    const view = await api.room(token, panel.id, meetingId);
    setAgencyId((a) => a || view.myAgencyId || "");
    return view;
  }, [token, panel.id, meetingId]);
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
        <form
          aria-label="Sign in to the meeting"
          onSubmit={(e) => {
            e.preventDefault();
            void act(async () => {
              await api.signIn(token, panel.id, meetingId, { agencyId, capacity, agreed });
              onSignedIn();
            }, "You are signed in. The meeting's case details are shown below.");
          }}
        >
          <Body1 as="p">
            Sign in to see the meeting&apos;s case details. Read the information sharing agreement and
            confidentiality statement first:
          </Body1>
          <blockquote className={styles.statement}>{room.statement}</blockquote>
          <div className={styles.row}>
            <AgencySelect
              label="The agency you represent"
              required
              agencies={room.agencies}
              value={agencyId}
              onChange={setAgencyId}
            />
            <ChoiceField label="You attend as" value={capacity} onChange={setCapacity} options={CAPACITIES} />
            <Checkbox
              label="I agree to the information sharing agreement and the confidentiality statement"
              checked={agreed}
              onChange={(_e, d) => setAgreed(Boolean(d.checked))}
            />
            <Button appearance="primary" type="submit" disabled={!agreed || !agencyId}>
              Sign in
            </Button>
          </div>
        </form>
      )}

      <div>
        <Body1 as="h3" className={styles.block}>
          Signed in ({room.signIns.length})
        </Body1>
        <ul className={styles.list} aria-label="Signed in">
          {room.signIns.map((s) => (
            <li key={`${s.name}-${s.at}`}>
              {s.name}, {s.agency}
              {s.capacity === "member" ? "" : ` (${s.capacity})`}
            </li>
          ))}
        </ul>
        <Body1 as="h3" className={styles.block}>
          Apologies
        </Body1>
        <ul className={styles.list} aria-label="Apologies">
          {room.apologies.map((a) => (
            <li key={a.id}>
              {a.name}, {a.agency}
            </li>
          ))}
        </ul>
      </div>

      {isCoordinator && (
        <div className={styles.row}>
          <AgencySelect
            label="Apologies from agency"
            agencies={room.agencies}
            value={apology.agencyId}
            onChange={(agencyId) => setApology({ ...apology, agencyId })}
          />
          <Field label="Name">
            <Input
              value={apology.personName}
              onChange={(_e, d) => setApology({ ...apology, personName: d.value })}
            />
          </Field>
          <Button
            onClick={() =>
              void act(async () => {
                await api.recordApology(token, panel.id, meetingId, apology);
                setApology({ agencyId: "", personName: "" });
              }, "Apologies recorded.")
            }
          >
            Record apologies
          </Button>
          {room.inProgress && (
            <Button
              disabled={room.signInCardPosted}
              onClick={() =>
                void act(async () => {
                  const r = await api.openSignIn(token, panel.id, meetingId);
                  if (!r.posted && !r.alreadyPosted)
                    throw new Error("The panel has no channel linked, so the card was not posted.");
                }, "The sign-in card is in the panel's channel.")
              }
            >
              {room.signInCardPosted ? "Sign-in card posted" : "Post the sign-in card to the channel"}
            </Button>
          )}
        </div>
      )}

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
