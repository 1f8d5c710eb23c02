import { checkPanelRules, readForm, type FieldProblem } from "../../domain/referrals/checks.js";
import { fieldsOf, memberRowsIn, type ReferralForm } from "../../domain/referrals/form.js";
import { fieldsShown, stepsOf, type FormPlace, type FormStep } from "../../domain/referrals/form-steps.js";
import { withAnswers, type ReferralDraft } from "../../domain/referrals/referral-draft.js";
import type { Actor } from "../../domain/people/actor.js";
import { Refusal } from "../../domain/refusal.js";
import { localDay } from "../../domain/schedule/dates.js";
import {
  areaOf,
  kindOf,
  mayRefer,
  panelOf,
  personOf,
  ReferralIdInput,
  takesKind,
} from "./referral-access.js";
import { formAgain } from "./referral-form.js";
import type { ReferralPorts } from "./referral-ports.js";

// A referral form filled in step by step. Each step is checked as it is sent, by the form's fields
// and the panel's rules about them, and its answers are kept in the practitioner's draft; moving
// back or to another page of a group's members keeps what was typed without checking it. Nothing
// reaches the panel until the last step sends the whole referral, checked again in full.

type StepPorts = Pick<ReferralPorts, "catalogue" | "directory" | "drafts" | "now">;

export interface FormSoFar {
  form: ReferralForm;
  /** Every answer given so far: the draft's, with what this press sent. */
  answers: Record<string, unknown>;
}

async function formSoFar(
  ports: StepPorts,
  actor: Actor,
  panelId: unknown,
  rawKind: unknown,
  rawFormId: unknown,
  place: FormPlace,
  sent: Record<string, unknown>,
  memberRows = 0,
  sendsAnswers = true,
) {
  const panel = panelOf(ports.catalogue, panelId);
  const kind = kindOf(rawKind);
  const formId = ReferralIdInput.safeParse(rawFormId);
  if (!formId.success)
    throw new Refusal("invalid", "This form is not one we issued. Start the referral again.");
  const [person, draft] = await Promise.all([
    personOf(ports, actor.id),
    ports.drafts.draft(actor.id, formId.data),
  ]);
  mayRefer(ports.catalogue, person, panel);
  takesKind(panel, kind);
  const rows = Math.max(memberRows, memberRowsIn({ ...(draft?.answers ?? {}), ...sent }));
  const form = await formAgain(ports, panel, kind, person, rows);
  const shown = fieldsShown(form, place).map((f) => f.id);
  const answers: Record<string, unknown> = { ...(draft?.answers ?? {}) };
  // A press that skips the checks (back) sends none of the card's answers: the draft's stand.
  if (sendsAnswers) for (const id of shown) answers[id] = sent[id];
  const keep = (): Promise<void> =>
    ports.drafts.save(
      withAnswers(
        draft as ReferralDraft | undefined,
        { formId: formId.data, personId: person.id, panelId: panel.id, kind },
        shown,
        sent,
        ports.now(),
        localDay(ports.now()),
      ),
    );
  return { panel, kind, person, form, answers, shown, keep };
}

/**
 * The form with every answer so far, for moving to another place in it: what the card showed is
 * kept as typed, unchecked, when the press sent it (another page of members), and left as the
 * draft has it when not (back).
 */
export async function keepFormAnswers(
  ports: StepPorts,
  actor: Actor,
  panelId: unknown,
  rawKind: unknown,
  formId: unknown,
  from: FormPlace,
  sent: Record<string, unknown> | null,
  memberRows: number,
): Promise<FormSoFar> {
  const at = await formSoFar(
    ports,
    actor,
    panelId,
    rawKind,
    formId,
    from,
    sent ?? {},
    memberRows,
    sent !== null,
  );
  if (sent && at.shown.length) await at.keep();
  return { form: at.form, answers: at.answers };
}

/** Checks a step as it is sent; when it is right, keeps its answers for the next steps. */
export async function checkReferralStep(
  ports: StepPorts,
  actor: Actor,
  panelId: unknown,
  rawKind: unknown,
  formId: unknown,
  place: FormPlace,
  sent: Record<string, unknown>,
): Promise<FormSoFar & { step: FormStep; problems: FieldProblem[] }> {
  const at = await formSoFar(ports, actor, panelId, rawKind, formId, place, sent);
  const step = stepsOf(at.form).find((s) => s.id === place.step);
  if (!step) throw new Refusal("invalid", "This form has no such step. Start the referral again.");
  const asked = new Set(fieldsOf(step.form).map((f) => f.id));
  const read = readForm(step.form, at.answers);
  const problems = read.ok
    ? checkPanelRules(
        {
          panel: at.panel,
          area: areaOf(ports.catalogue, at.panel.areaId),
          kind: at.kind,
          today: localDay(ports.now()),
          approverIds:
            fieldsOf(at.form)
              .find((f) => f.id === "managerId")
              ?.choices?.map((c) => c.value) ?? [],
          referrerId: at.person.id,
        },
        read.values,
      ).filter((p) => p.field === null || asked.has(p.field))
    : read.problems;
  if (!problems.length) await at.keep();
  return { form: at.form, answers: at.answers, step, problems };
}
