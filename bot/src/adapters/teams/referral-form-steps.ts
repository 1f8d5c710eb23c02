import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { ReferralDesk } from "../../application/referrals/referral-desk.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { Actor } from "../../domain/people/actor.js";
import type { FieldProblem } from "../../domain/referrals/checks.js";
import { GROUP_MEMBER_ROWS, type ReferralForm } from "../../domain/referrals/form.js";
import { placeOf, stepsOf, type FormPlace } from "../../domain/referrals/form-steps.js";
import { describeOccurrence } from "../../domain/schedule/describe.js";
import type { CardReply } from "./card-actions.js";
import { referralReceiptCard } from "./cards/referral-cards.js";
import { referralFormCard, type FormMove } from "./cards/referral-form-card.js";
import type { TabLinks } from "./tab-links.js";
import { VERBS } from "./verbs.js";

// The referral form's buttons, one step at a time: opening the form, moving between its steps,
// sending it and linking it to a known record. The bot's chat and the tab's referral form both
// draw the next card here, so a referral is checked the same way wherever it is typed.

/** The verbs of the referral form, from opening it to linking what was sent. */
export const FORM_VERBS = [
  VERBS.referral.open,
  VERBS.referral.step,
  VERBS.referral.submit,
  VERBS.referral.link,
] as const;
export type FormVerb = (typeof FORM_VERBS)[number];

/** A press on the referral form: who pressed it, what the card sent, and where it was. */
export interface FormPress {
  desk: ReferralDesk;
  catalogue: Catalogue;
  links: TabLinks;
  actor: Actor;
  data: Record<string, unknown>;
  /** Written into the audit entry of a referral sent or linked: which screen it was made from. */
  via: "bot" | "tab";
}

/** Where a press on the referral form was made, and where it asks to go. */
const Place = z.object({
  formId: z.uuid(),
  step: z.enum(["subject", "safeguarding", "checklist", "request"]),
  page: z.coerce.number().int().min(0).max(20),
  to: z.enum(["next", "back", "more-members", "earlier-members", "later-members"] satisfies FormMove[]),
});

const panelName = ({ catalogue }: FormPress, id: unknown) =>
  catalogue.panels.get(String(id))?.name ?? "the panel";

async function open(press: FormPress): Promise<CardReply> {
  const { desk, actor, data, links } = press;
  const form = await desk.form(actor.id, data["panelId"], data["kind"]);
  return { card: referralFormCard(form, panelName(press, form.panelId), randomUUID(), links) };
}

async function step(press: FormPress): Promise<CardReply> {
  const { desk, actor, data, links } = press;
  const at = Place.parse(data);
  const from = { step: at.step, page: at.page };
  const draw = (
    form: ReferralForm,
    answers: Record<string, unknown>,
    place: FormPlace,
    problems: FieldProblem[] = [],
  ) => ({
    card: referralFormCard(form, panelName(press, form.panelId), at.formId, links, answers, problems, place),
  });
  if (at.to === "next") {
    const checked = await desk.checkStep(actor, data["panelId"], data["kind"], at.formId, from, data);
    if (checked.problems.length)
      return draw(
        checked.form,
        checked.answers,
        placeOf(checked.form, checked.problems[0]?.field ?? null),
        checked.problems,
      );
    const steps = stepsOf(checked.form);
    const next = steps[steps.findIndex((s) => s.id === at.step) + 1] ?? steps[0];
    return draw(checked.form, checked.answers, { step: next?.id ?? at.step, page: 0 });
  }
  if (at.to === "back") {
    const { form, answers } = await desk.keepAnswers(
      actor,
      data["panelId"],
      data["kind"],
      at.formId,
      from,
      null,
      0,
    );
    const steps = stepsOf(form);
    const back = steps[Math.max(0, steps.findIndex((s) => s.id === at.step) - 1)];
    return draw(form, answers, { step: back?.id ?? at.step, page: 0 });
  }
  const page = at.to === "earlier-members" ? at.page - 1 : at.page + 1;
  const { form, answers } = await desk.keepAnswers(
    actor,
    data["panelId"],
    data["kind"],
    at.formId,
    from,
    data,
    (page + 1) * GROUP_MEMBER_ROWS,
  );
  return draw(form, answers, { step: at.step, page });
}

async function submit(press: FormPress): Promise<CardReply> {
  const { desk, actor, data, links, via } = press;
  const result = await desk.submit(
    actor,
    data["panelId"],
    data["kind"],
    data["formId"],
    data,
    `${via}: referral form`,
  );
  if (!result.ok)
    return {
      card: referralFormCard(
        result.form,
        panelName(press, result.form.panelId),
        String(data["formId"]),
        links,
        result.answers,
        result.problems,
      ),
    };
  const meeting = result.meeting ? describeOccurrence(result.meeting) : undefined;
  return {
    card: referralReceiptCard(result.referral, panelName(press, result.referral.panelId), meeting, links),
  };
}

async function link(press: FormPress): Promise<CardReply> {
  const { desk, actor, data, links, via } = press;
  const r = await desk.link(
    actor,
    data["panelId"],
    data["referralId"],
    // The desk reads the id as text: anything else is bad data, not a fault.
    z.string().max(64).parse(data["subjectId"]),
    `${via}: link`,
  );
  return { card: referralReceiptCard(r, panelName(press, r.panelId), undefined, links) };
}

/** The next card for each press on the referral form. */
export const referralFormSteps: Record<FormVerb, (press: FormPress) => Promise<CardReply>> = {
  [VERBS.referral.open]: open,
  [VERBS.referral.step]: step,
  [VERBS.referral.submit]: submit,
  [VERBS.referral.link]: link,
};
