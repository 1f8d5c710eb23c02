import { Field, Select } from "@fluentui/react-components";

// A labelled drop-down of choices, with an optional first entry for "none chosen".

export function ChoiceField<V extends string>({
  label,
  required,
  value,
  onChange,
  options,
  empty,
}: {
  label: string;
  required?: boolean;
  value: V;
  onChange: (value: V) => void;
  options: { value: V; label: string }[];
  /** The text of the empty choice, whose value is ""; none when omitted. */
  empty?: string;
}) {
  return (
    <Field label={label} required={required}>
      <Select value={value} onChange={(_e, d) => onChange(d.value as V)}>
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
