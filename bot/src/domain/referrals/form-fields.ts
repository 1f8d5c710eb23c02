// The parts referral forms are made of: a field and a section as data, the bounds every form
// keeps, and the field ids built from a row or an area of harm.

export type FieldType = "text" | "multiline" | "date" | "number" | "choice" | "multichoice" | "toggle";

export interface Choice {
  value: string;
  title: string;
}

export interface FieldSpec {
  id: string;
  label: string;
  type: FieldType;
  required: boolean;
  maxLength?: number;
  choices?: Choice[];
  min?: number;
  max?: number;
  hint?: string;
  /** A client-side hint only; the server checks the same pattern. */
  pattern?: { regex: string; message: string };
}

export interface FormSection {
  id: string;
  title: string;
  intro?: string;
  fields: FieldSpec[];
}

// A group has as many members as it has, up to a bound that keeps a referral within what is stored;
// a card shows them four at a time (the source form's four rows), so it stays within Teams' limit.
export const GROUP_MEMBER_ROWS = 4;
export const MAX_GROUP_MEMBERS = 40;
export const NAME = 100;
const SHORT = 120;
const LONG = 2000;

export const POSTCODE = {
  regex: "^[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}$",
  message: "Enter a UK postcode, for example SW19 1AA.",
};
export const EMAIL = {
  regex: "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
  message: "Enter an email address, for example name@example.gov.uk.",
};
export const PHONE = {
  regex: "^[0-9 +()-]{6,20}$",
  message: "Enter a phone number using digits, spaces and +.",
};

export const text = (
  id: string,
  label: string,
  required: boolean,
  extra: Partial<FieldSpec> = {},
): FieldSpec => ({
  id,
  label,
  type: "text",
  required,
  maxLength: SHORT,
  ...extra,
});
export const long = (id: string, label: string, required: boolean, hint?: string): FieldSpec => ({
  id,
  label,
  type: "multiline",
  required,
  maxLength: LONG,
  ...(hint ? { hint } : {}),
});
export const date = (id: string, label: string, required: boolean, hint?: string): FieldSpec => ({
  id,
  label,
  type: "date",
  required,
  ...(hint ? { hint } : {}),
});
export const choice = (id: string, label: string, required: boolean, choices: Choice[]): FieldSpec => ({
  id,
  label,
  type: "choice",
  required,
  choices,
});

export const screeningFieldId = (areaOfHarmId: string): string => `screening.${areaOfHarmId}`;
export const memberFieldId = (row: number, field: string): string => `member${row}.${field}`;
