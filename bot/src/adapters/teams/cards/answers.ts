import { DateTime } from "luxon";
import type { Catalogue } from "../../../domain/catalogue/catalogue.js";
import {
  referralForm,
  type FieldSpec,
  type FormValue,
  type ReferralForm,
} from "../../../domain/referrals/form.js";
import type { Referral } from "../../../domain/referrals/referral.js";
import { facts, heading, type Element } from "./elements.js";

// A referral's answers as people read them on a card: dates in words, choices by their titles,
// a ticked box as "Yes", never the stored values ("2010-03-14", "significant", true).

/** "14 March 2010", for a date someone typed into a form. */
export const dayMonthYear = (isoDate: string): string => {
  const d = DateTime.fromISO(isoDate);
  return d.isValid ? d.toFormat("d LLLL yyyy") : isoDate;
};

export function readAnswer(spec: FieldSpec, value: FormValue | undefined): string {
  if (value === undefined || value === "") return "Not given";
  const titleOf = (v: string) => spec.choices?.find((c) => c.value === v)?.title ?? v;
  switch (spec.type) {
    case "toggle":
      return value === true || value === "true" ? "Yes ✓" : "No";
    case "date":
      return typeof value === "string" ? dayMonthYear(value) : String(value);
    case "choice":
      return titleOf(String(value));
    case "multichoice": {
      const picked = Array.isArray(value) ? value : String(value).split(",").filter(Boolean);
      return picked.length ? picked.map((v) => `✓ ${titleOf(v)}`).join("\n") : "None ticked";
    }
    default:
      return String(value);
  }
}

/** The field of the form with this id, wherever it sits. */
export const fieldOf = (form: ReferralForm, id: string): FieldSpec | undefined =>
  form.sections.flatMap((s) => s.fields).find((f) => f.id === id);

/** One section's answers as facts under its title: for the checklist and consent a manager checks. */
export function sectionAnswers(
  form: ReferralForm,
  sectionId: string,
  values: Record<string, FormValue>,
): Element[] {
  const section = form.sections.find((s) => s.id === sectionId);
  if (!section?.fields.length) return [];
  return [
    { ...heading(section.title), size: "Default", spacing: "Medium" },
    facts(section.fields.map((f) => [f.label, readAnswer(f, values[f.id])])),
  ];
}

/** The form a referral was made on, to read its answers by: its panel's, for its kind. */
export function formOfReferral(catalogue: Catalogue, r: Referral): ReferralForm {
  const panel = catalogue.panels.get(r.panelId);
  const area = catalogue.areas.find((a) => a.id === r.areaId);
  if (!panel || !area) return { panelId: r.panelId, kind: r.kind, title: "", sections: [] };
  return referralForm(panel, area, r.kind, []);
}
