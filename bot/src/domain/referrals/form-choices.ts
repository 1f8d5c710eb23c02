import type { Choice } from "./form-fields.js";

// The answers the source forms offer (004; 001 appendix 3), as choices.

export const GENDERS: Choice[] = [
  { value: "female", title: "Female" },
  { value: "male", title: "Male" },
  { value: "non-binary", title: "Non-binary" },
  { value: "other", title: "Other" },
  { value: "not-known", title: "Not known" },
];

// Census 2021 (England and Wales) ethnic groups: the partnerships look for disproportionality
// (000 §15), so ethnicity is asked every time, with "not known" as an explicit answer.
export const ETHNICITIES: Choice[] = [
  ["asian-bangladeshi", "Asian or Asian British: Bangladeshi"],
  ["asian-chinese", "Asian or Asian British: Chinese"],
  ["asian-indian", "Asian or Asian British: Indian"],
  ["asian-pakistani", "Asian or Asian British: Pakistani"],
  ["asian-other", "Asian or Asian British: any other Asian background"],
  ["black-african", "Black, Black British, Caribbean or African: African"],
  ["black-caribbean", "Black, Black British, Caribbean or African: Caribbean"],
  ["black-other", "Black, Black British, Caribbean or African: any other Black background"],
  ["mixed-white-asian", "Mixed or multiple: White and Asian"],
  ["mixed-white-black-african", "Mixed or multiple: White and Black African"],
  ["mixed-white-black-caribbean", "Mixed or multiple: White and Black Caribbean"],
  ["mixed-other", "Mixed or multiple: any other mixed background"],
  ["white-british", "White: English, Welsh, Scottish, Northern Irish or British"],
  ["white-irish", "White: Irish"],
  ["white-gypsy-traveller", "White: Gypsy or Irish Traveller"],
  ["white-roma", "White: Roma"],
  ["white-other", "White: any other White background"],
  ["other-arab", "Other ethnic group: Arab"],
  ["other", "Other ethnic group: any other"],
  ["not-known", "Not known"],
].map(([value, title]) => ({ value: value ?? "", title: title ?? "" }));

export const SAFEGUARDING_STATUSES: Choice[] = [
  { value: "early-help", title: "Child: Early Help Service" },
  { value: "child-in-need", title: "Child: Child in Need plan" },
  { value: "child-protection", title: "Child: Child Protection plan" },
  { value: "looked-after", title: "Child: Child Looked After" },
  { value: "care-leaver", title: "Young adult: Care leaver" },
  { value: "adult-social-care", title: "Young adult: Adult Social Care" },
  { value: "none", title: "No statutory plan" },
  { value: "other", title: "Other (say which in the notes)" },
];

export const CONSENT: Choice[] = [
  { value: "yes", title: "Yes" },
  { value: "no", title: "No" },
  { value: "other", title: "Other (explain below)" },
];

export const SYSTEM_BLOCKERS: Choice[] = [
  { value: "policy-or-decision", title: "A policy or decision is hampering progress" },
  { value: "agency-actions-incomplete", title: "An agency has not completed their actions" },
  { value: "remit-unclear", title: "Agency accountability or remit is unclear and there is drift" },
  { value: "no-services", title: "There are no interventions or services available to meet the needs" },
  {
    value: "possibilities-exhausted",
    title: "The team around the child or young adult have exhausted all possibilities and the risk remains",
  },
];
