import { Select } from "@fluentui/react-components";
import type { AgendaResponse, CaseTheme } from "./api.js";

// The coordinator's choice of a case's theme (its presenting need): the agenda's sections by theme
// take it from there. Shown only where the panel's agenda has such sections.

export function ThemePicker({
  agenda,
  reference,
  theme,
  disabled,
  onChange,
}: {
  agenda: AgendaResponse;
  reference: string;
  theme: CaseTheme;
  disabled: boolean;
  onChange: (theme: string | null) => void;
}) {
  if (!agenda.themes.length) return null;
  return (
    <Select
      aria-label={`Theme for ${reference}`}
      value={theme.id ?? ""}
      disabled={disabled}
      onChange={(_e, d) => onChange(d.value || null)}
    >
      <option value="">No theme</option>
      {agenda.themes.map((t) => (
        <option key={t.id} value={t.id}>
          Theme: {t.title}
        </option>
      ))}
    </Select>
  );
}
