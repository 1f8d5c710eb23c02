import { DateTime } from "luxon";
import {
  approvalApplies,
  referredElsewhere,
  type Area,
  type Panel,
  type ReferralKind,
} from "../catalogue/panel.js";
import {
  fieldsOf,
  memberRowsIn,
  memberFieldId,
  screeningFieldId,
  type FieldSpec,
  type FormValue,
  type FormValues,
  type ReferralForm,
} from "./form.js";

// The server's reading of a referral form: types, lengths and choices first, then the panel's
// rules (DESIGN.md section 4). Every problem names its field so the card can show it in place.

export interface FieldProblem {
  /** The field the problem belongs to; null for a problem with the referral as a whole. */
  field: string | null;
  message: string;
}

export type FormReading = { ok: true; values: FormValues } | { ok: false; problems: FieldProblem[] };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// Above this a submission is refused whole: it cannot be stored as one entity.
export const MAX_SUBMISSION_CHARACTERS = 24_000;

const blank = (raw: unknown): boolean =>
  raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "");

function requiredMessage(spec: FieldSpec): string {
  const label = spec.label.replace(/[:.]$/, "");
  if (spec.type === "choice" || spec.type === "multichoice") return `Choose an answer for "${label}".`;
  if (spec.type === "date") return `Enter the date for "${label}".`;
  return `Fill in "${label}".`;
}

function readField(spec: FieldSpec, raw: unknown): { value?: FormValue; problem?: string } {
  if (blank(raw)) {
    if (spec.type === "toggle") return { value: false };
    return spec.required ? { problem: requiredMessage(spec) } : {};
  }
  switch (spec.type) {
    case "text":
    case "multiline": {
      if (typeof raw !== "string") return { problem: "This must be text." };
      const value = raw.trim();
      if (spec.pattern && !new RegExp(spec.pattern.regex).test(value))
        return { problem: spec.pattern.message };
      if (spec.maxLength && value.length > spec.maxLength)
        return { problem: `Keep this to ${spec.maxLength} characters or fewer (it has ${value.length}).` };
      return { value };
    }
    case "date": {
      if (typeof raw !== "string" || !ISO_DATE.test(raw) || !DateTime.fromISO(raw).isValid)
        return { problem: "Enter a real date." };
      return { value: raw };
    }
    case "number": {
      const n = typeof raw === "number" ? raw : typeof raw === "string" ? Number(raw.trim()) : NaN;
      if (!Number.isInteger(n)) return { problem: "Enter a whole number." };
      if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max))
        return { problem: `Enter a number from ${spec.min ?? 0} to ${spec.max ?? "any"}.` };
      return { value: n };
    }
    case "toggle": {
      if (raw === true || raw === "true") return { value: true };
      if (raw === false || raw === "false") return { value: false };
      return { problem: "This must be ticked or left unticked." };
    }
    case "choice": {
      if (typeof raw !== "string" || !spec.choices?.some((c) => c.value === raw))
        return { problem: "Choose one of the options." };
      return { value: raw };
    }
    case "multichoice": {
      const list = Array.isArray(raw) ? raw : typeof raw === "string" ? raw.split(",") : null;
      if (!list || !list.every((v) => typeof v === "string" && spec.choices?.some((c) => c.value === v)))
        return { problem: "Choose from the options shown." };
      const values = [...new Set(list as string[])];
      if (spec.required && values.length === 0) return { problem: "Choose at least one." };
      return { value: values };
    }
  }
}

/** Reads raw card or API input against the form: every value typed, bounded and in range. */
export function readForm(form: ReferralForm, raw: Record<string, unknown>): FormReading {
  const values: FormValues = {};
  const problems: FieldProblem[] = [];
  for (const spec of fieldsOf(form)) {
    const { value, problem } = readField(spec, raw[spec.id]);
    if (problem) problems.push({ field: spec.id, message: problem });
    else if (value !== undefined) values[spec.id] = value;
  }
  if (JSON.stringify(values).length > MAX_SUBMISSION_CHARACTERS) {
    problems.push({
      field: null,
      message: `The referral is too long to store (over ${MAX_SUBMISSION_CHARACTERS.toLocaleString("en-GB")} characters). Shorten the longest answers and send it again.`,
    });
  }
  return problems.length ? { ok: false, problems } : { ok: true, values };
}

/** Whole years between a date of birth and a day, as the law counts age. */
export function ageOn(dateOfBirth: string, day: string): number {
  return Math.floor(DateTime.fromISO(day).diff(DateTime.fromISO(dateOfBirth), "years").years);
}

function ageProblem(panel: Panel, dateOfBirth: string, today: string): string | null {
  const subjects = panel.referralRules?.subjects;
  if (!subjects) return null;
  if (dateOfBirth > today) return "The date of birth is in the future.";
  const age = ageOn(dateOfBirth, today);
  if (dateOfBirth < "1900-01-01") return "Enter a real date of birth.";
  if (age < 18 && !subjects.children)
    return `${panel.name} is for young adults aged 18 to ${subjects.youngAdultsUpTo ?? 25}. This person is ${age}: refer them to the children's panel.`;
  if (age >= 18 && subjects.youngAdultsUpTo === null)
    return `${panel.name} is for children under 18. This person is ${age}: refer them to the young adults' service.`;
  if (subjects.youngAdultsUpTo !== null && age > subjects.youngAdultsUpTo)
    return `${panel.name} takes young adults up to ${subjects.youngAdultsUpTo}. This person is ${age}.`;
  return null;
}

export interface RuleContext {
  panel: Panel;
  area: Area;
  kind: ReferralKind;
  /** The referral's date in Europe/London, YYYY-MM-DD. */
  today: string;
  approverIds: string[];
  referrerId: string;
}

/** The panel's rules for taking a referral, checked on values that have already been read. */
export function checkPanelRules(ctx: RuleContext, values: FormValues): FieldProblem[] {
  const { panel, area, kind, today } = ctx;
  const rules = panel.referralRules;
  if (!rules) return [{ field: null, message: `${panel.name} does not take referrals.` }];
  if (!rules.kinds.includes(kind))
    return [
      {
        field: null,
        message: referredElsewhere(rules, kind) ?? `${panel.name} does not take this kind of referral.`,
      },
    ];
  const problems: FieldProblem[] = [];
  const str = (id: string): string | undefined =>
    typeof values[id] === "string" ? (values[id] as string) : undefined;

  const notInFuture = (id: string, what: string) => {
    const d = str(id);
    if (d && d > today) problems.push({ field: id, message: `${what} cannot be in the future.` });
  };

  if (kind === "individual" || kind === "person-of-concern") {
    const dob = str("dateOfBirth");
    const problem = dob && kind === "individual" ? ageProblem(panel, dob, today) : null;
    if (problem) problems.push({ field: "dateOfBirth", message: problem });
    if (dob && kind === "person-of-concern") notInFuture("dateOfBirth", "The date of birth");
  }
  if (kind === "group") {
    for (let row = 1; row <= memberRowsIn(values); row++) {
      const name = str(memberFieldId(row, "name"));
      const dob = str(memberFieldId(row, "dateOfBirth"));
      if (name && !dob)
        problems.push({
          field: memberFieldId(row, "dateOfBirth"),
          message: `Enter member ${row}'s date of birth.`,
        });
      if (dob && !name)
        problems.push({
          field: memberFieldId(row, "name"),
          message: `Enter member ${row}'s name, or clear the date.`,
        });
      const problem = dob ? ageProblem(panel, dob, today) : null;
      if (problem) problems.push({ field: memberFieldId(row, "dateOfBirth"), message: problem });
    }
  }
  if (kind === "individual" && str("consent") !== "yes" && !str("consentNote")) {
    problems.push({
      field: "consentNote",
      message: "Explain why the referral should go ahead without consent.",
    });
  }

  for (const gate of rules.gates) {
    switch (gate.kind) {
      case "strategy-or-professionals-meeting":
        if (kind === "individual") notInFuture("strategyMeetingDate", "The meeting date");
        break;
      case "child-protection-procedures":
        if (kind === "individual" && values["childProtectionProcedures"] !== true)
          problems.push({
            field: "childProtectionProcedures",
            message: `${area.name} takes only cases that have followed child protection procedures. Follow them first, then refer.`,
          });
        break;
      case "system-blocker-checklist": {
        const chosen = Array.isArray(values["blockers"]) ? values["blockers"].length : 0;
        if (kind === "individual" && chosen < gate.minimumBlockers)
          problems.push({
            field: "blockers",
            message: `Tick at least ${gate.minimumBlockers} reason the safety plan is blocked. The panel is for cases where something procedural blocks progress.`,
          });
        break;
      }
      case "contextual-harm-screening": {
        if (kind !== "individual") break;
        const scores = gate.areasOfHarm.map((a) => {
          const v = values[screeningFieldId(a.id)];
          return typeof v === "number" ? v : 0;
        });
        const total = scores.reduce((a, b) => a + b, 0);
        const highest = Math.max(0, ...scores);
        if (total < gate.minimumTotal && highest < gate.minimumInOneArea)
          problems.push({
            field: screeningFieldId(gate.areasOfHarm[0]?.id ?? ""),
            message: `The screening scores ${total} in total and at most ${highest} in one area. The panel takes referrals scoring ${gate.minimumTotal} or more in total, or ${gate.minimumInOneArea} or more in one area of harm.`,
          });
        break;
      }
      case "risk-factor-matrix": {
        if (kind !== "individual" && kind !== "group") break;
        notInFuture("rfmCompletedOn", "The Risk Factor Matrix date");
        const levels = area.riskScale.levels.map((l) => l.id);
        const level = str("riskLevel");
        const threshold = area.riskScale.panelThreshold;
        if (level && levels.indexOf(level) < levels.indexOf(threshold)) {
          const allowed = area.riskScale.levels
            .slice(levels.indexOf(threshold))
            .map((l) => l.label.toLowerCase());
          problems.push({
            field: "riskLevel",
            message: `Only children the Risk Factor Matrix rates ${allowed.join(" or ")} come to the panel. Continue with the lead professional's plan.`,
          });
        }
        break;
      }
      case "manager-approval": {
        if (!approvalApplies(rules.gates, kind)) break;
        const manager = str("managerId");
        if (manager && !ctx.approverIds.includes(manager))
          problems.push({ field: "managerId", message: "Choose a service manager from the list." });
        else if (manager === ctx.referrerId)
          problems.push({ field: "managerId", message: "Another manager must approve your own referral." });
        break;
      }
    }
  }
  return problems;
}
