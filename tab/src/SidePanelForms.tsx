import { Body1, Subtitle2, makeStyles } from "@fluentui/react-components";
import { useState } from "react";
import type {
  AgendaSubject,
  CaseDecision,
  PanelMeeting,
  PanelMember,
  PanelSummary,
  RoomResponse,
  TokenSource,
} from "./api.js";
import { ChoiceField } from "./ChoiceField.js";
import { DecisionItem } from "./DecisionForm.js";
import { RecordAction } from "./RecordAction.js";
import { decidingRow, decisionCases, rowName, type Row } from "./sidePanelAgenda.js";

// The coordinator's decision and action forms in the meeting's side panel: for the latest case
// whose time has come, or the item they choose. A decision form being filled in stays, with what
// was typed, until it is saved or cancelled, whichever item the forms have moved on to.

const useStyles = makeStyles({
  // The decision and action forms are laid out for the meeting page: in the side panel every
  // field takes the panel's width, however long its choices.
  forms: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    minWidth: 0,
    "& form": { maxWidth: "100%", minWidth: 0, gridTemplateColumns: "minmax(0, 1fr)" },
    "& .fui-Field": { maxWidth: "100%", minWidth: 0 },
    "& .fui-Select": { maxWidth: "100%", minWidth: 0 },
    "& .fui-Input": { maxWidth: "100%", minWidth: 0 },
    "& .fui-Textarea": { maxWidth: "100%", minWidth: 0 },
    "& select": { maxWidth: "100%", minWidth: 0 },
  },
});

export function SidePanelForms({
  token,
  panel,
  meetingId,
  rows,
  now,
  room,
  decisions,
  members,
  laterMeetings,
  onSaved,
  onFailed,
}: {
  token: TokenSource;
  panel: PanelSummary;
  meetingId: string;
  rows: Row[];
  now: number;
  room: RoomResponse;
  decisions: CaseDecision[];
  members: PanelMember[];
  laterMeetings: PanelMeeting[];
  onSaved: (text: string) => void;
  onFailed: (text: string) => void;
}) {
  const styles = useStyles();
  // The item the coordinator chose, by its row's key; none: the clock's.
  const [chosen, setChosen] = useState("");
  const [editing, setEditing] = useState<AgendaSubject[]>([]);
  const byClock = decidingRow(rows, now);
  const choices = rows.filter((r) => r.subjects.length);
  const row = choices.find((r) => r.key === chosen) ?? byClock;
  const { current, earlier } = decisionCases(row, editing);
  const started = rows.some((r) => Date.parse(r.start) <= now);
  if (!started && !row && !earlier.length) return null;

  const form = (item: AgendaSubject) => (
    <DecisionItem
      key={item.subjectId}
      token={token}
      panel={panel}
      meetingId={meetingId}
      item={item}
      current={decisions.find(
        (d) =>
          d.subjectId === item.subjectId &&
          (d.taken?.how === "chairs-decision") === (room.deciding.how === "chairs-decision"),
      )}
      editable={room.deciding.how !== "closed"}
      room={room}
      laterMeetings={laterMeetings}
      onEditing={(on) =>
        setEditing((list) => [...list.filter((e) => e.subjectId !== item.subjectId), ...(on ? [item] : [])])
      }
      onSaved={onSaved}
      onFailed={onFailed}
    />
  );

  return (
    <div className={styles.forms}>
      <ChoiceField
        label="Record decisions and actions on"
        value={chosen}
        onChange={setChosen}
        options={choices.map((r) => ({ value: r.key, label: rowName(r) }))}
        empty={`By the clock: ${byClock ? rowName(byClock) : "the first case, when its time comes"}`}
      />
      {row && <Subtitle2 as="h2">{row.title}: decisions and actions</Subtitle2>}
      {room.deciding.how === "closed" && <Body1 as="p">{room.deciding.why}</Body1>}
      {/* One list, so a form keeps what was typed as it moves from this item's to another's. */}
      {[
        ...current.map(form),
        ...(earlier.length
          ? [
              <Subtitle2 key="earlier" as="h3">
                Still being recorded from another item
              </Subtitle2>,
              ...earlier.map(form),
            ]
          : []),
      ]}
      {(row || earlier.length > 0) && (
        <RecordAction
          token={token}
          panel={panel}
          meetingId={meetingId}
          members={members}
          cases={[...current, ...earlier]}
          onRecorded={async (reference) => onSaved(`${reference} is recorded.`)}
          onProblem={onFailed}
        />
      )}
    </div>
  );
}
