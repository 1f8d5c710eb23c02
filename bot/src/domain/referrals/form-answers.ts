import { fieldsOf, type FormValues, type ReferralForm } from "./form.js";

// A referral's answers as the form asked them: each field's label and the answer in words (a
// choice's title, not its value), in the form's order, the fields left empty left out.

export interface FormAnswer {
  field: string;
  label: string;
  value: string;
}

export function answersOf(form: ReferralForm, values: FormValues): FormAnswer[] {
  return fieldsOf(form)
    .filter((f) => values[f.id] !== undefined && values[f.id] !== "")
    .map((f) => {
      const v = values[f.id];
      const choices = f.choices ?? [];
      const shown = Array.isArray(v)
        ? v.map((x) => choices.find((c) => c.value === x)?.title ?? x).join("; ")
        : typeof v === "boolean"
          ? v
            ? "Yes"
            : "No"
          : (choices.find((c) => c.value === v)?.title ?? String(v));
      return { field: f.id, label: f.label, value: shown };
    });
}
