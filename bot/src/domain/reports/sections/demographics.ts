import { ETHNICITIES, GENDERS } from "../../referrals/form-choices.js";
import { AGE_BANDS, type AgeBand, type Demographics } from "../month-figures.js";
import { totalOf } from "../statistics.js";
import { columnSums, figure, said, type SectionDraft } from "./draft.js";
import { summed, type Scope } from "./scope.js";
import { categoriesOf, chartOf, countOf, countTable, partOf, type Category } from "./tables.js";

// Who the children referred and accepted are (002 communities affected): age, gender and
// ethnicity, and how often ethnicity goes unrecorded (IICSA found it missing in most cases).

const AGE_TITLES: Record<AgeBand, string> = {
  "under-10": "Under 10",
  "10-13": "10 to 13",
  "14-15": "14 to 15",
  "16-17": "16 to 17",
  "18-25": "18 to 25",
  "not-known": "Not known",
};

/** The children referred and accepted, each broken down by age band, gender and ethnicity. */
export const REFERRED = "children-referred";
const ACCEPTED = "children-accepted";
export const referredOfEthnicity = (value: string): string => partOf(REFERRED, "ethnicity", value);

const choices = (list: { value: string; title: string }[]): Category[] =>
  list.map((c) => ({ key: c.value, label: c.title }));

export function demographicsSection(scope: Scope): SectionDraft {
  const referred = (pick: (d: Demographics) => Record<string, number>) =>
    summed(scope, (f) => pick(f.children.referred));
  const accepted = (pick: (d: Demographics) => Record<string, number>) =>
    summed(scope, (f) => pick(f.children.accepted));

  const tableOf = (
    id: string,
    caption: string,
    label: string,
    by: string,
    known: Category[],
    pick: (d: Demographics) => Record<string, number>,
  ) => {
    const r = referred(pick);
    const a = accepted(pick);
    return countTable({
      id,
      caption,
      category: { key: "group", label },
      by,
      categories: categoriesOf(known, r, a),
      values: [
        { key: "referred", label: "Children referred", figure: REFERRED, counts: r, withShare: true },
        { key: "accepted", label: "Children accepted", figure: ACCEPTED, counts: a, withShare: true },
      ],
    });
  };
  const ages = tableOf(
    "demographics-age-band",
    "Children referred and accepted by age on the day of the referral",
    "Age",
    "age",
    AGE_BANDS.map((b) => ({ key: b, label: AGE_TITLES[b] })),
    (d) => d.ageBand,
  );
  const genders = tableOf(
    "demographics-gender",
    "Children referred and accepted by gender",
    "Gender",
    "gender",
    choices(GENDERS),
    (d) => d.gender,
  );
  const ethnicities = tableOf(
    "demographics-ethnicity",
    "Children referred and accepted by ethnic group",
    "Ethnic group",
    "ethnicity",
    choices(ETHNICITIES),
    (d) => d.ethnicity,
  );
  const note = "Each child of a group referral is counted, as well as the child of each individual referral.";
  for (const t of [ages, genders, ethnicities]) t.notes.push(note);
  ethnicities.notes.push("Not known: the referral gave no ethnicity, or gave it as not known.");

  const all = totalOf(referred((d) => d.ethnicity));
  return {
    id: "demographics",
    title: "Children referred",
    tables: [ages, genders, ethnicities],
    sums: [ages, genders, ethnicities].flatMap(columnSums),
    facts: [figure(REFERRED, all), figure(ACCEPTED, totalOf(accepted((d) => d.ethnicity)))],
    summary: (n) => [
      said`${n(REFERRED)} children referred, ${n(ACCEPTED)} accepted.`,
      all > 0
        ? said`Data quality: ethnicity not known for ${countOf(n(referredOfEthnicity("not-known")), n(REFERRED))} children referred.`
        : null,
    ],
    charts: [ages, genders, ethnicities].map((t) => chartOf(t, "bar", ["referred", "accepted"])),
  };
}
