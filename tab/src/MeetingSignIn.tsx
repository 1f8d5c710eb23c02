import { Body1, Button, Checkbox, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Capacity, RoomResponse, SignInBody } from "./api.js";
import { ChoiceField } from "./ChoiceField.js";

// Signing in to the meeting, on its page or in its side panel: the panel's statement to read, the
// agency the person represents and in what capacity, and their agreement.

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: "8px" },
  statement: {
    whiteSpace: "pre-wrap",
    margin: 0,
    padding: "8px",
    maxHeight: "12em",
    overflowY: "auto",
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
});

const CAPACITIES: { value: Capacity; label: string }[] = [
  { value: "member", label: "Panel member" },
  { value: "deputy", label: "Deputy for the agency's member" },
  { value: "presenter", label: "Presenting a case" },
  { value: "guest", label: "Guest" },
];

export function MeetingSignIn({
  room,
  onSignIn,
}: {
  room: RoomResponse;
  onSignIn: (body: SignInBody) => Promise<void>;
}) {
  const styles = useStyles();
  const [agencyId, setAgencyId] = useState(room.myAgencyId ?? "");
  const [capacity, setCapacity] = useState<Capacity>("member");
  const [agreed, setAgreed] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className={styles.form}
      aria-label="Sign in to the meeting"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        void onSignIn({ agencyId, capacity, agreed }).finally(() => setBusy(false));
      }}
    >
      <Body1 as="p">
        Sign in to see the meeting&apos;s case details. Read the information sharing agreement and
        confidentiality statement first:
      </Body1>
      <blockquote className={styles.statement} tabIndex={0} aria-label="The panel's statement">
        {room.statement}
      </blockquote>
      <ChoiceField
        label="The agency you represent"
        required
        value={agencyId}
        onChange={setAgencyId}
        options={room.agencies.map((a) => ({ value: a.id, label: a.name }))}
        empty="Choose…"
      />
      <ChoiceField label="You attend as" value={capacity} onChange={setCapacity} options={CAPACITIES} />
      <Checkbox
        label="I agree to the information sharing agreement and the confidentiality statement"
        checked={agreed}
        onChange={(_e, d) => setAgreed(Boolean(d.checked))}
      />
      <Button appearance="primary" type="submit" disabled={!agreed || !agencyId || busy}>
        Sign in
      </Button>
    </form>
  );
}
