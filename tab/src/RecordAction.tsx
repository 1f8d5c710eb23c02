import { Button, Field, Input, Select, Subtitle2, Textarea, makeStyles } from "@fluentui/react-components";
import { useState } from "react";
import { api, type AgendaSubject, type PanelMember, type PanelSummary, type TokenSource } from "./api.js";

// The coordinator's form for recording an action at a meeting.

const useStyles = makeStyles({
  form: { display: "grid", gap: "8px", maxWidth: "640px", "@media print": { display: "none" } },
});

export function RecordAction({
  token,
  panel,
  meetingId,
  members,
  cases,
  onRecorded,
  onProblem,
}: {
  token: TokenSource;
  panel: PanelSummary;
  meetingId: string;
  members: PanelMember[];
  cases: AgendaSubject[];
  onRecorded: (reference: string) => Promise<void>;
  onProblem: (text: string) => void;
}) {
  const styles = useStyles();
  const [title, setTitle] = useState("");
  const [text, setText] = useState("");
  const [ownerId, setOwnerId] = useState("");
  const [dueDate, setDueDate] = useState("");
  const [subjectId, setSubjectId] = useState("");
  return (
    <form
      className={styles.form}
      aria-label="Record an action"
      onSubmit={(e) => {
        e.preventDefault();
        api
          .recordAction(token, panel.id, meetingId, {
            title,
            text,
            ownerId,
            subjectId: subjectId || null,
            dueDate: dueDate || null,
          })
          .then(async ({ action }) => {
            setTitle("");
            setText("");
            setOwnerId("");
            setDueDate("");
            setSubjectId("");
            await onRecorded(action.reference);
          })
          .catch((err: unknown) => onProblem((err as Error).message));
      }}
    >
      <Subtitle2 as="h3">Record an action</Subtitle2>
      <Field label="Short title (shown in reminders and channels: no names)" required>
        <Input value={title} onChange={(_e, d) => setTitle(d.value)} maxLength={120} required />
      </Field>
      <Field label="What is to be done" required>
        <Textarea value={text} onChange={(_e, d) => setText(d.value)} maxLength={2000} required />
      </Field>
      <Field label="Owner" required>
        <Select value={ownerId} onChange={(_e, d) => setOwnerId(d.value)} required>
          <option value="">Choose the owner</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.displayName} ({m.agency})
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Case">
        <Select value={subjectId} onChange={(_e, d) => setSubjectId(d.value)}>
          <option value="">No case: a panel action</option>
          {cases.map((c) => (
            <option key={c.subjectId} value={c.subjectId}>
              {c.reference}
              {c.label ? ` ${c.label}` : ""}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Due date (two weeks after the meeting if left empty)">
        <Input type="date" value={dueDate} onChange={(_e, d) => setDueDate(d.value)} />
      </Field>
      <Button type="submit" appearance="primary">
        Record action
      </Button>
    </form>
  );
}
