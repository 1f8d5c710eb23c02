import { fieldsOf, GROUP_MEMBER_ROWS, type FieldSpec, type ReferralForm } from "./form.js";

// A long referral form asked in steps, each short enough to read on one screen and checked as it
// is sent: who it is about; safeguarding and consent; the panel's checklist and scores; the
// request. A step with nothing to ask on a panel's form is left out.

export const FORM_STEPS = [
  { id: "subject", title: "Who it is about", sectionIds: ["referrer", "subject", "members"] },
  { id: "safeguarding", title: "Safeguarding and consent", sectionIds: ["presenters", "consent"] },
  { id: "checklist", title: "The panel's checklist and scores", sectionIds: ["checklist"] },
  { id: "request", title: "Your request of the panel", sectionIds: ["request", "approval"] },
] as const;
/** What the last step's Send carries when the form was filled in step by step: its answers are in a draft. */
export const SENT_IN_STEPS = "sentInSteps";

export type FormStepId = (typeof FORM_STEPS)[number]["id"];

export interface FormStep {
  id: FormStepId;
  title: string;
  /** The form with only this step's sections. */
  form: ReferralForm;
}

export function stepsOf(form: ReferralForm): FormStep[] {
  return FORM_STEPS.flatMap((step) => {
    const sections = form.sections.filter((s) => (step.sectionIds as readonly string[]).includes(s.id));
    return sections.some((s) => s.fields.length || s.intro)
      ? [{ id: step.id, title: step.title, form: { ...form, sections } }]
      : [];
  });
}

/** Where the practitioner is in the form: a step, and for a group's members the page of four. */
export interface FormPlace {
  step: FormStepId;
  page: number;
}

/** The member row a field belongs to (1 for member1.name), or undefined for any other field. */
export const memberRowOf = (fieldId: string): number | undefined => {
  const row = /^member(\d+)\./.exec(fieldId)?.[1];
  return row ? Number(row) : undefined;
};
export const pageOfRow = (row: number): number => Math.floor((row - 1) / GROUP_MEMBER_ROWS);

/** The last page of members the form holds (0 when it has none or one page). */
export const lastMemberPage = (form: ReferralForm): number =>
  pageOfRow(Math.max(1, ...fieldsOf(form).map((f) => memberRowOf(f.id) ?? 0)));

/** The fields a place shows: its step's on its first page, and later pages only their four members. */
export function fieldsShown(form: ReferralForm, place: FormPlace): FieldSpec[] {
  const step = stepsOf(form).find((s) => s.id === place.step);
  const page = Math.min(place.page, lastMemberPage(form));
  return step
    ? fieldsOf(step.form).filter((f) => {
        const row = memberRowOf(f.id);
        return row === undefined ? page === 0 : pageOfRow(row) === page;
      })
    : [];
}

/** The place that shows a field: where a problem found on sending is put right. */
export function placeOf(form: ReferralForm, fieldId: string | null): FormPlace {
  const steps = stepsOf(form);
  const step = steps.find((s) => fieldsOf(s.form).some((f) => f.id === fieldId)) ?? steps[0];
  const row = fieldId ? memberRowOf(fieldId) : undefined;
  return { step: step?.id ?? "subject", page: row ? pageOfRow(row) : 0 };
}
