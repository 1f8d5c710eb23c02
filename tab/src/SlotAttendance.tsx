import { Badge, Button, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { AgendaChoice, AgendaSlot } from "./api.js";

// Who is expected at a case's slot and why, and, on a panel whose terms of reference allow it
// (000 §4), the coordinator's note that plans are having impact, so the case's worker and manager
// need not attend: the invitation follows it.

const useStyles = makeStyles({
  // Wide enough that a name, its badge and its reasons read on a line or two beside the slot.
  root: { minWidth: "13em" },
  badge: { whiteSpace: "nowrap" },
  list: { margin: 0, paddingLeft: 0, listStyleType: "none" },
  person: { marginBottom: "4px" },
  why: { color: tokens.colorNeutralForeground3, display: "block", fontSize: tokens.fontSizeBase200 },
  impact: {
    display: "flex",
    gap: "8px",
    flexWrap: "wrap",
    alignItems: "center",
    marginTop: "4px",
    "@media print": { display: "none" },
  },
});

const ATTENDS: Record<
  AgendaSlot["expected"][number]["attends"],
  { text: string; color: "brand" | "informative" | "subtle" }
> = {
  expected: { text: "Expected", color: "brand" },
  "if-needed": { text: "If the worker cannot attend", color: "informative" },
  "need-not": { text: "Need not attend", color: "subtle" },
};

export function SlotAttendance({
  slot,
  reference,
  editable,
  impactRule,
  busy,
  onChoose,
}: {
  slot: AgendaSlot;
  reference: string;
  editable: boolean;
  /** Where the panel's rule on plans having impact is written; null where it has none. */
  impactRule: string | null;
  busy: boolean;
  onChoose: (choice: AgendaChoice) => void;
}) {
  const styles = useStyles();
  const [writing, setWriting] = useState(false);
  const [reason, setReason] = useState("");
  const excused = slot.choice.plansHaveImpact ?? null;
  return (
    <div className={styles.root} data-expected={reference}>
      <ul className={styles.list} aria-label={`Expected at the slot for ${reference}`}>
        {slot.expected.map((p) => (
          <li key={p.who} className={styles.person}>
            {p.who}{" "}
            <Badge className={styles.badge} appearance="tint" color={ATTENDS[p.attends].color}>
              {ATTENDS[p.attends].text}
            </Badge>
            <small className={styles.why}>{p.reasons.join("; ")}</small>
          </li>
        ))}
      </ul>
      {slot.plansHaveImpact && (
        <small className={styles.why}>
          Plans are having impact{impactRule ? ` (${impactRule})` : ""}: {slot.plansHaveImpact}
        </small>
      )}
      {editable && excused !== null && (
        <div className={styles.impact}>
          <Button
            size="small"
            disabled={busy}
            onClick={() => onChoose({ ...slot.choice, plansHaveImpact: null })}
          >
            Expect them again
          </Button>
        </div>
      )}
      {editable && impactRule && excused === null && !writing && (
        <div className={styles.impact}>
          <Button size="small" disabled={busy} onClick={() => setWriting(true)}>
            Plans are having impact
          </Button>
        </div>
      )}
      {editable && impactRule && excused === null && writing && (
        <div className={styles.impact}>
          <Input
            aria-label={`Why plans for ${reference} are having impact`}
            placeholder="What shows the plan is working"
            value={reason}
            maxLength={500}
            onChange={(_e, d) => setReason(d.value)}
          />
          <Button
            size="small"
            appearance="primary"
            disabled={busy || reason.trim().length < 3}
            onClick={() => {
              onChoose({ ...slot.choice, plansHaveImpact: reason.trim() });
              setWriting(false);
              setReason("");
            }}
          >
            Save: they need not attend
          </Button>
          <Button size="small" disabled={busy} onClick={() => setWriting(false)}>
            Cancel
          </Button>
        </div>
      )}
    </div>
  );
}
