import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Textarea,
  makeStyles,
} from "@fluentui/react-components";
import { DateField } from "./DateField.js";
import { useState } from "react";
import { api, type PanelAction, type PanelMember, type TokenSource } from "./api.js";

// What can happen to an open action after the meeting: a later date, another owner, or closing
// it as not possible (SafeLives keeps that apart from not done), each with its reason; and the
// history of those changes, shown with the action.

const useStyles = makeStyles({
  buttons: { display: "flex", flexWrap: "wrap", gap: "4px" },
  form: { display: "grid", gap: "6px", maxWidth: "360px", marginTop: "6px" },
  history: { margin: "4px 0 0", paddingLeft: "18px" },
});

const shortDate = (day: string): string =>
  new Date(`${day.slice(0, 10)}T12:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });

/** The action's extensions and reassignments, and why it was closed, oldest first. */
export function ActionHistory({ action }: { action: PanelAction }) {
  const styles = useStyles();
  const changes = action.changes ?? [];
  if (!changes.length && !action.closed) return null;
  return (
    <ul className={styles.history} aria-label={`Changes to ${action.reference}`}>
      {changes.map((c) => (
        <li key={`${c.kind}-${c.at}`}>
          {c.kind === "extended"
            ? `Extended from ${shortDate(c.from)} to ${shortDate(c.to)}`
            : `Passed from ${c.fromName} to ${c.toName}`}{" "}
          by {c.byName} on {shortDate(c.at)}: {c.reason}
        </li>
      ))}
      {action.closed && (
        <li>
          Closed as not possible by {action.closed.byName} on {shortDate(action.closed.at)}:{" "}
          {action.closed.reason}
        </li>
      )}
    </ul>
  );
}

type Change = "extend" | "reassign" | "not-possible";

/** Extend, Reassign and Not possible on an open action, each opening its own short form. */
export function ChangeAction({
  token,
  panelId,
  action,
  members,
  mayReassign,
  onChanged,
}: {
  token: TokenSource;
  panelId: string;
  action: PanelAction;
  members: PanelMember[];
  mayReassign: boolean;
  onChanged: (text: string) => Promise<void>;
}) {
  const styles = useStyles();
  const [open, setOpen] = useState<Change | null>(null);
  const [dueDate, setDueDate] = useState("");
  const [ownerId, setOwnerId] = useState("");
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const choose = (c: Change | null) => {
    setOpen(c);
    setProblem(null);
    setReason("");
  };
  const owners = members.filter((m) => m.role !== "analyst" && m.id !== action.ownerId);

  const send = async () => {
    try {
      const change =
        open === "extend"
          ? ({ kind: "extend", body: { dueDate, reason } } as const)
          : open === "reassign"
            ? ({ kind: "reassign", body: { ownerId, reason } } as const)
            : ({ kind: "not-possible", body: { reason } } as const);
      const { action: changed } = await api.reshapeAction(token, panelId, action, change);
      choose(null);
      await onChanged(
        change.kind === "extend"
          ? `${changed.reference} is now due on ${shortDate(changed.dueDate)}.`
          : change.kind === "reassign"
            ? `${changed.reference} is now ${changed.ownerName}'s.`
            : `${changed.reference} is closed as not possible.`,
      );
    } catch (e) {
      setProblem((e as Error).message);
    }
  };

  return (
    <div>
      <div className={styles.buttons}>
        <Button size="small" onClick={() => choose("extend")} aria-label={`Extend, ${action.reference}`}>
          Extend
        </Button>
        {mayReassign && (
          <Button
            size="small"
            onClick={() => choose("reassign")}
            aria-label={`Reassign, ${action.reference}`}
          >
            Reassign
          </Button>
        )}
        <Button
          size="small"
          onClick={() => choose("not-possible")}
          aria-label={`Not possible, ${action.reference}`}
        >
          Not possible
        </Button>
      </div>
      {open && (
        <form
          className={styles.form}
          aria-label={`${open === "extend" ? "Extend" : open === "reassign" ? "Reassign" : "Close as not possible"}, ${action.reference}`}
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          {open === "extend" && (
            <DateField label="New due date" required value={dueDate} onChange={setDueDate} />
          )}
          {open === "reassign" && (
            <Field label="New owner" required>
              <Select value={ownerId} onChange={(_e, d) => setOwnerId(d.value)} required>
                <option value="">Choose the new owner</option>
                {owners.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.displayName} ({m.agency})
                  </option>
                ))}
              </Select>
            </Field>
          )}
          <Field label={open === "not-possible" ? "Why it cannot be done" : "Reason"} required>
            <Textarea value={reason} onChange={(_e, d) => setReason(d.value)} maxLength={1000} required />
          </Field>
          {problem && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{problem}</MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.buttons}>
            <Button type="submit" appearance="primary" size="small">
              {open === "extend" ? "Extend" : open === "reassign" ? "Reassign" : "Close as not possible"}
            </Button>
            <Button size="small" onClick={() => choose(null)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
