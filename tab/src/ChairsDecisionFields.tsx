import { Body1, Field, Textarea } from "@fluentui/react-components";
import { ChoiceField } from "./ChoiceField.js";
import type { RoomResponse } from "./api.js";

// Between meetings a decision is a chairs' decision outside the meeting: the form offers only that,
// says why, and asks which chair agreed it and why it could not wait for the meeting.

export interface ChairsAgreement {
  chairId: string;
  reason: string;
}

export function ChairsDecisionFields({
  room,
  value,
  onChange,
}: {
  room: RoomResponse;
  value: ChairsAgreement;
  onChange: (value: ChairsAgreement) => void;
}) {
  return (
    <>
      <ChoiceField
        label="How it is taken"
        value="chairs-decision"
        onChange={() => undefined}
        options={[{ value: "chairs-decision", label: "Chairs' decision outside the meeting" }]}
      />
      <Body1 as="p">{room.deciding.why}</Body1>
      {room.chairs.length === 0 && (
        <Body1 as="p">
          The panel has no chair in the directory yet. Ask the area&apos;s administrator to add one.
        </Body1>
      )}
      <ChoiceField
        label="The chair who agreed it"
        required
        value={value.chairId}
        onChange={(chairId) => onChange({ ...value, chairId })}
        options={room.chairs.map((c) => ({ value: c.id, label: c.name }))}
        empty="Choose…"
      />
      <Field label="Why it could not wait for the meeting" required>
        <Textarea value={value.reason} onChange={(_e, d) => onChange({ ...value, reason: d.value })} />
      </Field>
    </>
  );
}
