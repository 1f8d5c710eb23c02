import {
  Button,
  Checkbox,
  Field,
  Input,
  Select,
  Subtitle2,
  Textarea,
  makeStyles,
} from "@fluentui/react-components";
import { DateField } from "./DateField.js";
import { useState } from "react";
import {
  api,
  ApiError,
  type AgendaSubject,
  type PanelMember,
  type PanelSummary,
  type TokenSource,
} from "./api.js";

// The coordinator's form for recording an action at a meeting. An owner outside the panel is
// given through a member who answers for it; a due date already past is recorded only once the
// coordinator confirms it, having been told so. The case chosen stays chosen when the cases
// offered move on (in the meeting's side panel, as the agenda does).

const useStyles = makeStyles({
  form: { display: "grid", gap: "8px", maxWidth: "640px", "@media print": { display: "none" } },
});

const dueAfter = (days: number) => (days === 14 ? "two weeks" : `${days} days`);

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
  const [outside, setOutside] = useState(false);
  const [outsideRole, setOutsideRole] = useState("");
  const [outsideOrganisation, setOutsideOrganisation] = useState("");
  const [dueDate, setDueDate] = useState("");
  const [chosenCase, setChosenCase] = useState<AgendaSubject | null>(null);
  const subjectId = chosenCase?.subjectId ?? "";
  const offered =
    chosenCase && !cases.some((c) => c.subjectId === chosenCase.subjectId) ? [...cases, chosenCase] : cases;
  /** What the service said about a due date already past, until the coordinator decides. */
  const [pastDue, setPastDue] = useState<string | null>(null);
  const [confirmOverdue, setConfirmOverdue] = useState(false);
  const reset = () => {
    setTitle("");
    setText("");
    setOwnerId("");
    setOutside(false);
    setOutsideRole("");
    setOutsideOrganisation("");
    setDueDate("");
    setChosenCase(null);
    setPastDue(null);
    setConfirmOverdue(false);
  };
  return (
    <form
      className={styles.form}
      aria-label="Record an action"
      data-link-target="record-action"
      onSubmit={(e) => {
        e.preventDefault();
        api
          .recordAction(token, panel.id, meetingId, {
            title,
            text,
            ownerId,
            outsideOwner: outside ? { role: outsideRole, organisation: outsideOrganisation } : null,
            subjectId: subjectId || null,
            dueDate: dueDate || null,
            confirmOverdue: pastDue !== null && confirmOverdue,
          })
          .then(async ({ action }) => {
            reset();
            await onRecorded(action.reference);
          })
          .catch((err: unknown) => {
            if (err instanceof ApiError && err.code === "due-date-passed") setPastDue(err.message);
            onProblem((err as Error).message);
          });
      }}
    >
      <Subtitle2 as="h3">Record an action</Subtitle2>
      <Field label="Short title (shown in reminders and channels: no names)" required>
        <Input value={title} onChange={(_e, d) => setTitle(d.value)} maxLength={120} required />
      </Field>
      <Field label="What is to be done" required>
        <Textarea value={text} onChange={(_e, d) => setText(d.value)} maxLength={2000} required />
      </Field>
      <Checkbox
        checked={outside}
        onChange={(_e, d) => setOutside(d.checked === true)}
        label="For someone outside the panel (a school's safeguarding lead, a GP), given through a panel member who answers for it"
      />
      {outside && (
        <>
          <Field label="Outside owner's role" hint="Their role, not their name: Safeguarding lead" required>
            <Input
              value={outsideRole}
              onChange={(_e, d) => setOutsideRole(d.value)}
              maxLength={80}
              required
            />
          </Field>
          <Field label="Outside owner's organisation" required>
            <Input
              value={outsideOrganisation}
              onChange={(_e, d) => setOutsideOrganisation(d.value)}
              maxLength={120}
              required
            />
          </Field>
        </>
      )}
      <Field
        label={outside ? "Panel member who answers for it (reminded, and marks it done)" : "Owner"}
        required
      >
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
        <Select
          value={subjectId}
          onChange={(_e, d) => setChosenCase(offered.find((c) => c.subjectId === d.value) ?? null)}
        >
          <option value="">No case: a panel action</option>
          {offered.map((c) => (
            <option key={c.subjectId} value={c.subjectId}>
              {c.reference}
              {c.label ? ` ${c.label}` : ""}
            </option>
          ))}
        </Select>
      </Field>
      <DateField
        label={`Due date (${dueAfter(panel.actionDueDays)} after the meeting if left empty)`}
        validationMessage={pastDue ?? undefined}
        validationState={pastDue ? "warning" : "none"}
        value={dueDate}
        onChange={(day) => {
          setDueDate(day);
          setPastDue(null);
          setConfirmOverdue(false);
        }}
      />
      {pastDue && (
        <Checkbox
          checked={confirmOverdue}
          onChange={(_e, d) => setConfirmOverdue(d.checked === true)}
          label="Record it as already overdue: its owner is reminded at once"
        />
      )}
      <Button type="submit" appearance="primary">
        Record action
      </Button>
    </form>
  );
}
