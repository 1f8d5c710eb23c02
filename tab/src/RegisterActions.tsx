import { Body1, Button, Field, Input, Textarea, makeStyles } from "@fluentui/react-components";
import { DateField } from "./DateField.js";
import { useState } from "react";
import { ChoiceField } from "./ChoiceField.js";
import type { RegisterItemView } from "./api.js";

// The actions agreed on a register entry, and for the panel's coordinators the form that records
// one at a meeting held since the entry was raised: the same actions, reminders and log as a case's.

const useStyles = makeStyles({
  row: { display: "flex", gap: "12px", flexWrap: "wrap", alignItems: "flex-end" },
  list: { margin: 0, paddingLeft: "20px" },
});

const STATUS = { open: "open", done: "done", "not-possible": "not possible" } as const;

export interface NewRegisterAction {
  meetingId: string;
  title: string;
  text: string;
  ownerId: string;
  dueDate: string | null;
}

export function RegisterActions({
  item,
  meetings,
  owners,
  recording,
  onRecord,
}: {
  item: RegisterItemView;
  meetings: { id: string; description: string }[];
  owners: { id: string; name: string }[];
  /** Whether the person records actions: the panel's coordinators. */
  recording: boolean;
  /** Records it; false when it was refused, and the form keeps what was typed. */
  onRecord: (action: NewRegisterAction) => Promise<boolean>;
}) {
  const styles = useStyles();
  const blank = { meetingId: meetings[0]?.id ?? "", title: "", text: "", ownerId: "", dueDate: null };
  const [form, setForm] = useState<NewRegisterAction>(blank);
  return (
    <>
      {item.actions.length > 0 && (
        <ul className={styles.list} aria-label={`Actions on ${item.reference}`}>
          {item.actions.map((a) => (
            <li key={a.id}>
              {a.reference}: {a.title}, {a.ownerName}, due {a.dueDate} ({STATUS[a.status]})
            </li>
          ))}
        </ul>
      )}
      {recording && item.status === "open" && meetings.length > 0 && (
        <form
          aria-label={`Action on ${item.reference}`}
          onSubmit={(e) => {
            e.preventDefault();
            void onRecord(form).then((recorded) => recorded && setForm(blank));
          }}
        >
          <Body1 as="h4">
            <b>Record an action on {item.reference}</b>
          </Body1>
          <div className={styles.row}>
            <ChoiceField
              label="Agreed at"
              required
              value={form.meetingId}
              onChange={(meetingId) => setForm({ ...form, meetingId })}
              options={meetings.map((m) => ({ value: m.id, label: m.description }))}
            />
            <Field label="Short title" required hint="Shown in reminders and channels: no names.">
              <Input
                value={form.title}
                maxLength={120}
                onChange={(_e, d) => setForm({ ...form, title: d.value })}
              />
            </Field>
            <ChoiceField
              label="Owner"
              required
              value={form.ownerId}
              onChange={(ownerId) => setForm({ ...form, ownerId })}
              options={owners.map((o) => ({ value: o.id, label: o.name }))}
              empty="Choose…"
            />
            <DateField
              label="Due by"
              hint="Two weeks after the meeting unless set."
              value={form.dueDate ?? ""}
              onChange={(day) => setForm({ ...form, dueDate: day || null })}
            />
          </div>
          <Field label="What is to be done" required>
            <Textarea
              value={form.text}
              maxLength={2000}
              onChange={(_e, d) => setForm({ ...form, text: d.value })}
            />
          </Field>
          <Button type="submit">Record the action</Button>
        </form>
      )}
    </>
  );
}
