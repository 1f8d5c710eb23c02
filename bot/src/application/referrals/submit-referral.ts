import { localDay } from "../../domain/schedule/dates.js";
import { occurrenceOn, type Occurrence } from "../../domain/schedule/occurrences.js";
import { checkPanelRules, readForm, type FieldProblem } from "../../domain/referrals/checks.js";
import { matchKeys } from "../../domain/referrals/duplicates.js";
import { memberRowsIn, referralForm, type ReferralForm } from "../../domain/referrals/form.js";
import { fieldsShown, SENT_IN_STEPS, stepsOf } from "../../domain/referrals/form-steps.js";
import { withAnswers, type ReferralDraft } from "../../domain/referrals/referral-draft.js";
import type { Panel } from "../../domain/catalogue/panel.js";
import type { Person } from "../../domain/people/membership.js";
import { meetingForReferral } from "../../domain/referrals/meeting-choice.js";
import type { Referral } from "../../domain/referrals/referral.js";
import type { Actor } from "../../domain/people/actor.js";
import { Refusal } from "../../domain/refusal.js";
import { issueReferral, readBeforeIssue, referenceYear } from "./issue-referral.js";
import type { FormValues } from "../../domain/referrals/form.js";
import {
  areaOf,
  kindOf,
  mayRefer,
  notInDirectory,
  panelOf,
  ReferralIdInput,
  takesKind,
} from "./referral-access.js";
import { possibleDuplicates } from "./pending-matches.js";
import { formAgain, needsApproval } from "./referral-form.js";
import type { ReferralPorts } from "./referral-ports.js";

// A practitioner submits a referral form. Two storage round trips one after another: the
// directory (referrer and manager) together with the area's records the submit touches (and the
// draft, for a form filled in step by step), read for the match keys of the form as sent; then one
// commit of it all. The early read is only used if the checked form has the same match keys, and
// nothing of it reaches a refused caller.

export type SubmitResult =
  | { ok: true; referral: Referral; meeting: Occurrence | undefined; created: boolean }
  | { ok: false; problems: FieldProblem[]; form: ReferralForm; answers: Record<string, unknown> };

export async function submitReferral(
  ports: ReferralPorts,
  actor: Actor,
  panelId: unknown,
  rawKind: unknown,
  formId: unknown,
  sent: Record<string, unknown>,
  /** Where it was sent from, for the audit log: the bot's card, the tab's form, the API. */
  via = "referral form",
): Promise<SubmitResult> {
  const panel = panelOf(ports.catalogue, panelId);
  const kind = kindOf(rawKind);
  const id = ReferralIdInput.safeParse(formId);
  if (!id.success) throw new Refusal("invalid", "This form is not one we issued. Start the referral again.");
  const area = areaOf(ports.catalogue, panel.areaId);
  const managerId = typeof sent["managerId"] === "string" ? sent["managerId"] : undefined;

  // A form sent in steps has its earlier answers in the draft; the last step's card carries the
  // answers match keys are made from, so the area's records can be read beside the draft.
  const inSteps = sent[SENT_IN_STEPS] === "yes";
  const early = matchKeys(kind, sent as FormValues).map((k) => k.hash);
  const [people, seenEarly, draft] = await Promise.all([
    ports.directory.people([actor.id, ...(managerId ? [managerId] : [])]),
    readBeforeIssue(ports, area.id, referenceYear(ports.now()), early),
    inSteps ? ports.drafts.draft(actor.id, id.data) : undefined,
  ]);
  const raw: Record<string, unknown> = { ...(draft?.answers ?? {}), ...sent };
  const person = people.get(actor.id);
  if (!person) throw notInDirectory();
  mayRefer(ports.catalogue, person, panel);
  takesKind(panel, kind);
  const manager = managerId ? people.get(managerId) : undefined;
  const approvers = manager?.approvesReferralsIn?.includes(area.id)
    ? [{ id: manager.id, name: manager.displayName }]
    : [];

  const now = ports.now();
  const read = readForm(referralForm(panel, area, kind, approvers, memberRowsIn(raw)), raw);
  const problems = read.ok
    ? checkPanelRules(
        {
          panel,
          area,
          kind,
          today: localDay(now),
          approverIds: approvers.map((a) => a.id),
          referrerId: person.id,
        },
        read.values,
      )
    : read.problems;
  if (!read.ok || problems.length) {
    // Sent again once its draft went with it (a double press, a retried delivery): the receipt.
    const stored = inSteps && !draft ? await ports.casework.referral(area.id, panel.id, id.data) : undefined;
    if (stored) return alreadySent(panel, person, stored.value);
    const form = await formAgain(ports, panel, kind, person, memberRowsIn(raw));
    if (inSteps)
      await keepLastStep(
        ports,
        form,
        draft,
        { formId: id.data, personId: person.id, panelId: panel.id, kind },
        sent,
      );
    return { ok: false, problems, form, answers: raw };
  }

  const meeting = meetingForReferral(ports.catalogue, panel.id, now);
  const keys = matchKeys(kind, read.values);
  const approval = needsApproval(panel, kind);
  const { referral, created } = await issueReferral(ports, {
    areaId: area.id,
    referencePrefix: area.referencePrefix,
    panelId: panel.id,
    id: id.data,
    by: person,
    keys,
    readEarly: { hashes: early, seen: seenEarly },
    via,
    notice: approval ? "approval-requested" : "referral-arrived",
    draft: (reference, matches, at) => ({
      id: id.data,
      reference,
      areaId: area.id,
      panelId: panel.id,
      kind,
      status: approval ? "awaiting-approval" : "new",
      submitted: { by: person.id, byName: person.displayName, at: at.toISOString() },
      referrer: { agencyId: person.agencyId, jobTitle: person.jobTitle, email: person.email },
      meetingDate: meeting?.date ?? null,
      values: read.values,
      managerId: approval ? (managerId ?? null) : null,
      approval: null,
      triage: null,
      questions: [],
      possibleDuplicates: possibleDuplicates(matches),
      linkedSubjectId: null,
      subjectId: null,
    }),
  });
  if (draft) await ports.drafts.forget(actor.id, id.data);
  if (created) return { ok: true, referral, meeting, created };
  return alreadySent(panel, person, referral);
}

/** The receipt of a form the person sent before; refused if someone else sent it. */
function alreadySent(panel: Panel, person: Person, referral: Referral): SubmitResult {
  if (referral.submitted.by !== person.id)
    throw new Refusal("conflict", "This form has already been used. Start a new referral.");
  const storedMeeting = referral.meetingDate ? occurrenceOn(panel, referral.meetingDate) : undefined;
  return { ok: true, referral, meeting: storedMeeting, created: false };
}

/** A refused send keeps what its last step sent, so going back to another step loses nothing. */
async function keepLastStep(
  ports: Pick<ReferralPorts, "drafts" | "now">,
  form: ReferralForm,
  draft: ReferralDraft | undefined,
  start: Pick<ReferralDraft, "formId" | "personId" | "panelId" | "kind">,
  sent: Record<string, unknown>,
): Promise<void> {
  const last = stepsOf(form).at(-1);
  if (!last) return;
  const shown = fieldsShown(form, { step: last.id, page: 0 }).map((f) => f.id);
  await ports.drafts.save(withAnswers(draft, start, shown, sent, ports.now(), localDay(ports.now())));
}
