import type { FieldProblem } from "../../../domain/referrals/checks.js";
import { MATCH_FIELDS } from "../../../domain/referrals/duplicates.js";
import { GROUP_MEMBER_ROWS, type FieldSpec, type ReferralForm } from "../../../domain/referrals/form.js";
import {
  fieldsShown,
  lastMemberPage,
  placeOf,
  SENT_IN_STEPS,
  stepsOf,
  type FormPlace,
} from "../../../domain/referrals/form-steps.js";
import { openInTab, type TabLinks } from "../tab-links.js";
import { VERBS } from "../verbs.js";
import { card, execute, fieldProblem, heading, para, problemSummary, type Element } from "./elements.js";

// The referral form as a card, one step at a time: each step is short enough to read and is
// checked on the server as it is sent, its answers kept in the practitioner's draft until the last
// step sends the referral. A group's members are shown four to a page, as many pages as it needs.

export type FormMove = "next" | "back" | "more-members" | "earlier-members" | "later-members";

const asText = (v: unknown): string | undefined =>
  v === undefined || v === null ? undefined : Array.isArray(v) ? v.join(",") : String(v);

function input(spec: FieldSpec, value: unknown): Element {
  const common = {
    id: spec.id,
    label: spec.label,
    isRequired: spec.required,
    errorMessage: `Fill in: ${spec.label}`,
  };
  const v = asText(value);
  switch (spec.type) {
    case "text":
    case "multiline":
      return {
        type: "Input.Text",
        ...common,
        isMultiline: spec.type === "multiline",
        ...(spec.maxLength ? { maxLength: spec.maxLength } : {}),
        ...(spec.pattern ? { regex: spec.pattern.regex, errorMessage: spec.pattern.message } : {}),
        ...(v !== undefined ? { value: v } : {}),
      };
    case "date":
      return { type: "Input.Date", ...common, ...(v !== undefined ? { value: v } : {}) };
    case "number":
      return {
        type: "Input.Number",
        ...common,
        min: spec.min,
        max: spec.max,
        ...(v !== undefined && v !== "" && !Number.isNaN(Number(v)) ? { value: Number(v) } : {}),
      };
    case "toggle":
      return {
        type: "Input.Toggle",
        id: spec.id,
        title: spec.label,
        label: spec.label,
        valueOn: "true",
        valueOff: "false",
        value: v === "true" ? "true" : "false",
      };
    case "choice":
    case "multichoice":
      return {
        type: "Input.ChoiceSet",
        ...common,
        style: spec.type === "multichoice" ? "expanded" : "compact",
        isMultiSelect: spec.type === "multichoice",
        choices: (spec.choices ?? []).map((c) => ({ title: c.title, value: c.value })),
        ...(v !== undefined ? { value: v } : {}),
      };
  }
}

/**
 * A place in the form, with every answer so far shown where it was given and each problem beside
 * its field and, with what to do, next to the buttons. The card carries only the form's place:
 * its answers are in the practitioner's draft, but for those the area's records are looked up by
 * when it is sent, which travel with the Send button.
 */
export function referralFormCard(
  form: ReferralForm,
  panelName: string,
  formId: string,
  links: TabLinks,
  answers: Record<string, unknown> = {},
  problems: FieldProblem[] = [],
  place: FormPlace = placeOf(form, problems[0]?.field ?? null),
): Element {
  const steps = stepsOf(form);
  const index = Math.max(
    0,
    steps.findIndex((s) => s.id === place.step),
  );
  const step = steps[index];
  if (!step) return card([para(`${panelName} has no referral form.`)]);
  const lastPage = lastMemberPage(form);
  const page = Math.min(place.page, lastPage);
  const shown = new Set(fieldsShown(form, { step: step.id, page }).map((f) => f.id));

  const body: Element[] = [
    heading(`Referral to ${panelName}`),
    para(`${form.title}: step ${index + 1} of ${steps.length}, ${step.title}`, {
      isSubtle: true,
      spacing: "None",
    }),
  ];
  let members = false;
  for (const section of step.form.sections) {
    if (!section.fields.some((f) => shown.has(f.id)) && section.fields.length) continue;
    body.push({ ...heading(section.title), size: "Default", separator: true, spacing: "Large" });
    if (section.intro) body.push(para(section.intro, { isSubtle: true, spacing: "Small" }));
    if (section.id === "members" && lastPage > 0) {
      members = true;
      const first = page * GROUP_MEMBER_ROWS + 1;
      body.push(para(`Members ${first} to ${first + GROUP_MEMBER_ROWS - 1}`, { weight: "Bolder" }));
    }
    for (const spec of section.fields.filter((f) => shown.has(f.id))) {
      body.push(input(spec, answers[spec.id]));
      for (const p of problems.filter((x) => x.field === spec.id)) body.push(fieldProblem(p));
      if (spec.hint) body.push(para(spec.hint, { isSubtle: true, size: "Small", spacing: "None" }));
    }
    if (section.id === "members") members = true;
  }
  // Whichever step they are on, nothing reaches the panel until these are put right.
  if (problems.length) body.push(problemSummary(problems, "the referral can be sent"));

  const data = { panelId: form.panelId, kind: form.kind, formId };
  const move = (title: string, to: FormMove, extra: Element = {}) =>
    execute(
      title,
      VERBS.referral.step,
      { ...data, step: step.id, page, to },
      { associatedInputs: "auto", ...extra },
    );
  const next = steps[index + 1];
  const matchedBy = Object.fromEntries(
    MATCH_FIELDS.filter((id) => !shown.has(id) && asText(answers[id])).map((id) => [id, asText(answers[id])]),
  );
  const actions: Element[] = [
    next
      ? move(`Next: ${next.title}`, "next", { style: "positive" })
      : execute(
          "Send referral",
          VERBS.referral.submit,
          { ...data, ...matchedBy, [SENT_IN_STEPS]: "yes" },
          {
            style: "positive",
            associatedInputs: "auto",
          },
        ),
  ];
  if (members) {
    actions.push(
      page < lastPage ? move("Later members", "later-members") : move("More members", "more-members"),
    );
    if (page > 0) actions.push(move("Earlier members", "earlier-members"));
  }
  // Back skips this step's checks, so it cannot send what was typed here; earlier answers come back.
  if (index > 0) actions.push(move("Back", "back", { associatedInputs: "none" }));
  actions.push(openInTab(links({ page: "refer", panelId: form.panelId, kind: form.kind })));
  return card(body, actions);
}
