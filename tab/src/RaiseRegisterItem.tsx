import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Textarea,
  makeStyles,
} from "@fluentui/react-components";
import { useState } from "react";
import { ChoiceField } from "./ChoiceField.js";
import type { FieldProblem, RegisterItemView } from "./api.js";
import { ApiError } from "./api.js";

// The form that raises a theme, trend or blockage on a strategic panel's register: on the
// register page, and on an operational meeting's page after an escalation. Its id is drawn when it
// opens, so pressing Raise twice raises one entry.

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: "8px", maxWidth: "640px" },
  row: { display: "flex", gap: "12px", flexWrap: "wrap", alignItems: "flex-end" },
});

export const KIND_OPTIONS = [
  { value: "blockage", label: "Blockage" },
  { value: "theme", label: "Theme" },
  { value: "trend", label: "Trend" },
] as const;
type Kind = (typeof KIND_OPTIONS)[number]["value"];

export const NO_NAMES_HINT =
  "Refer to a case by its reference only: no child's name, date of birth or address. Every member of the strategic panel reads the register.";

export interface RaiseForm {
  id: string;
  kind: Kind;
  title: string;
  description: string;
  ownerId: string | null;
}

export function RaiseRegisterItem({
  label,
  owners,
  onRaise,
  onRaised,
  onCancel,
}: {
  label: string;
  /** The strategic panel's members, when the person may see them; otherwise its chair owns the entry. */
  owners: { id: string; name: string }[] | null;
  onRaise: (form: RaiseForm) => Promise<RegisterItemView>;
  onRaised: (item: RegisterItemView) => void;
  onCancel?: () => void;
}) {
  const styles = useStyles();
  const fresh = (): RaiseForm => ({
    id: crypto.randomUUID(),
    kind: "blockage",
    title: "",
    description: "",
    ownerId: null,
  });
  const [form, setForm] = useState<RaiseForm>(fresh);
  const [problem, setProblem] = useState<{ message: string; fields: FieldProblem[] } | null>(null);
  const [saving, setSaving] = useState(false);
  const fieldProblem = (field: string) => problem?.fields.find((f) => f.field === field)?.message;

  const raise = async () => {
    setSaving(true);
    setProblem(null);
    try {
      const item = await onRaise(form);
      setForm(fresh());
      onRaised(item);
    } catch (e) {
      setProblem({ message: (e as Error).message, fields: e instanceof ApiError ? e.fields : [] });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className={styles.form}
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        void raise();
      }}
    >
      <div className={styles.row}>
        <ChoiceField
          label="Kind"
          required
          value={form.kind}
          onChange={(kind) => setForm({ ...form, kind })}
          options={[...KIND_OPTIONS]}
        />
        {owners && (
          <ChoiceField
            label="Owner"
            value={form.ownerId ?? ""}
            onChange={(v) => setForm({ ...form, ownerId: v || null })}
            options={owners.map((o) => ({ value: o.id, label: o.name }))}
            empty="The panel's chair"
          />
        )}
      </div>
      <Field
        label="Title"
        required
        hint="A few words, as the agenda will show it."
        validationMessage={fieldProblem("title")}
      >
        <Input
          value={form.title}
          maxLength={120}
          onChange={(_e, d) => setForm({ ...form, title: d.value })}
        />
      </Field>
      <Field
        label="Description"
        required
        hint={NO_NAMES_HINT}
        validationMessage={fieldProblem("description")}
      >
        <Textarea
          value={form.description}
          maxLength={2000}
          onChange={(_e, d) => setForm({ ...form, description: d.value })}
        />
      </Field>
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem.message}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={saving}>
          Raise on the register
        </Button>
        {onCancel && <Button onClick={onCancel}>Cancel</Button>}
      </div>
    </form>
  );
}
