import type { Actor } from "../people/actor.js";
import { Refusal } from "../refusal.js";
import { STATUS_LABELS, type Referral } from "./referral.js";

// What a manager, a coordinator and the referrer may do with a referral, and what each step changes.

/** A step the referral's current state does not allow; the message is for the person who tried. */
export class ReferralStepRefused extends Refusal {
  constructor(message: string, reason: "not-now" | "invalid" | "not-allowed" = "not-now") {
    super(reason, message, { code: "not-now" });
    this.name = "ReferralStepRefused";
  }
}

// Enough to settle what is missing; more than this and the conversation belongs elsewhere. Each
// stage has its own count, so questions at triage never use up the thresholding meeting's.
export const MAX_QUESTIONS = 5;
export const MAX_THRESHOLDING_QUESTIONS = 3;

type Question = Referral["questions"][number];
const askedAt = (q: Question) => q.askedAt ?? "triage";
const askedThere = (r: Referral, stage: Question["askedAt"]) =>
  r.questions.filter((q) => askedAt(q) === stage).length;

const stamp = (actor: Actor, at: Date) => ({ by: actor.id, byName: actor.name, at: at.toISOString() });

function expectStatus(referral: Referral, ...allowed: Referral["status"][]): void {
  if (!allowed.includes(referral.status))
    throw new ReferralStepRefused(
      `${referral.reference} is now "${STATUS_LABELS[referral.status].toLowerCase()}", so this can no longer be done. Reload to see where it is.`,
    );
}

/** Whether this person may approve or decline the referral now: its named manager, while it waits. */
export const mayDecideApproval = (referral: Referral, personId: string): boolean =>
  referral.status === "awaiting-approval" && referral.managerId === personId;

/** The named manager approves (it reaches the coordinator) or declines (it goes no further). */
export function decideApproval(
  referral: Referral,
  manager: Actor,
  decision: "approved" | "declined",
  comment: string,
  at: Date,
): Referral {
  if (!mayDecideApproval(referral, manager.id)) {
    // The named manager is told where it now is; anyone else only that it is not theirs.
    if (referral.managerId === manager.id) expectStatus(referral, "awaiting-approval");
    throw new ReferralStepRefused(
      `Only the manager named on ${referral.reference} can approve it.`,
      "not-allowed",
    );
  }
  if (decision === "declined" && !comment.trim())
    throw new ReferralStepRefused(
      "Say why you are not approving the referral, so the referrer can act on it.",
    );
  return {
    ...referral,
    status: decision === "approved" ? "new" : "not-approved",
    approval: { ...stamp(manager, at), decision, comment: comment.trim() },
  };
}

export type TriageDecision =
  | { decision: "accept"; note: string; linkToSubjectId: string | null }
  | { decision: "ask"; question: string }
  | { decision: "decline"; reason: string };

/** The coordinator's triage. Accepting returns the referral with the subject it now belongs to. */
export function triageReferral(
  referral: Referral,
  coordinator: Actor,
  step: TriageDecision,
  at: Date,
  subjectId: string,
): Referral {
  expectStatus(referral, "new", "more-information-requested");
  if (step.decision === "ask") {
    if (!step.question.trim())
      throw new ReferralStepRefused("Write the question for the referrer.", "invalid");
    if (askedThere(referral, "triage") >= MAX_QUESTIONS)
      throw new ReferralStepRefused(
        `${referral.reference} already has ${MAX_QUESTIONS} questions. Talk to the referrer directly, then accept or decline it.`,
      );
    if (referral.status === "more-information-requested")
      throw new ReferralStepRefused(
        `The referrer has not yet answered the last question on ${referral.reference}.`,
      );
    return {
      ...referral,
      status: "more-information-requested",
      questions: [
        ...referral.questions,
        {
          ...stamp(coordinator, at),
          question: step.question.trim(),
          answer: null,
          answeredAt: null,
          askedAt: "triage",
        },
      ],
    };
  }
  if (step.decision === "decline") {
    if (!step.reason.trim())
      throw new ReferralStepRefused("Give the reason for declining: the referrer sees it.");
    return {
      ...referral,
      status: "declined",
      triage: { ...stamp(coordinator, at), decision: "declined", note: step.reason.trim() },
    };
  }
  if (step.linkToSubjectId && !referral.possibleDuplicates.some((d) => d.subjectId === step.linkToSubjectId))
    throw new ReferralStepRefused(
      "A referral can be linked only to one of the possible matches shown for it.",
    );
  // Accepting over an open question would leave the referrer answering a question nobody reads any
  // more, and their late answer would look like one asked at thresholding: the coordinator waits for
  // it, or says what they learned another way by asking no more and declining or accepting after.
  if (referral.status === "more-information-requested")
    throw new ReferralStepRefused(
      `The referrer has not yet answered your question on ${referral.reference}. Accept or decline it once their answer is in.`,
    );
  return {
    ...referral,
    status: "accepted",
    linkedSubjectId: step.linkToSubjectId ?? referral.linkedSubjectId,
    subjectId,
    triage: { ...stamp(coordinator, at), decision: "accepted", note: step.note.trim() },
  };
}

/** Whether the referrer has a question still to answer: one asked at triage, or at thresholding. */
export function questionWaiting(referral: Referral): boolean {
  if (referral.status === "more-information-requested") return true;
  const last = referral.questions.at(-1);
  return referral.status === "accepted" && last?.answer === null && askedAt(last) === "thresholding";
}

/**
 * Staffordshire's thresholding placed the case in category 2, insufficient information (003): the
 * referrer is asked for it. The referral stays accepted; the case waits for the answer. Placed in
 * category 2 again while that question waits, the case asks the new words instead of the old.
 */
export function askAtThresholding(
  referral: Referral,
  coordinator: Actor,
  question: string,
  at: Date,
): Referral {
  expectStatus(referral, "accepted");
  const asked: Question = {
    ...stamp(coordinator, at),
    question: question.trim(),
    answer: null,
    answeredAt: null,
    askedAt: "thresholding",
  };
  if (questionWaiting(referral))
    return { ...referral, questions: [...referral.questions.slice(0, -1), asked] };
  if (askedThere(referral, "thresholding") >= MAX_THRESHOLDING_QUESTIONS)
    throw new ReferralStepRefused(
      `${referral.reference} has already been sent ${MAX_THRESHOLDING_QUESTIONS} questions from thresholding. Talk to the lead professional directly, then place the case in another category.`,
    );
  return { ...referral, questions: [...referral.questions, asked] };
}

/**
 * The referrer answers the coordinator's question: a triage question returns the referral to the
 * coordinator; a thresholding question leaves it accepted, for the next thresholding meeting.
 */
export function answerQuestion(referral: Referral, referrer: Actor, answer: string, at: Date): Referral {
  if (referral.submitted.by !== referrer.id)
    throw new ReferralStepRefused(
      `Only the person who made ${referral.reference} can answer its questions.`,
      "not-allowed",
    );
  if (!questionWaiting(referral)) expectStatus(referral, "more-information-requested");
  if (!answer.trim()) throw new ReferralStepRefused("Write your answer before sending it.", "invalid");
  const questions = referral.questions.map((q, i) =>
    i === referral.questions.length - 1 ? { ...q, answer: answer.trim(), answeredAt: at.toISOString() } : q,
  );
  return { ...referral, status: referral.status === "accepted" ? "accepted" : "new", questions };
}

/** The referrer says the subject is one the panel already knows. */
export function linkToKnownSubject(referral: Referral, referrer: Actor, subjectId: string): Referral {
  if (referral.submitted.by !== referrer.id)
    throw new ReferralStepRefused(
      `Only the person who made ${referral.reference} can link it.`,
      "not-allowed",
    );
  expectStatus(referral, "awaiting-approval", "new", "more-information-requested");
  if (!referral.possibleDuplicates.some((d) => d.subjectId === subjectId))
    throw new ReferralStepRefused(
      "A referral can be linked only to one of the possible matches shown for it.",
    );
  return { ...referral, linkedSubjectId: subjectId };
}

/** Why a referral that no longer waits cannot be withdrawn, in the referrer's words. */
const NOT_WITHDRAWABLE: Partial<Record<Referral["status"], (reference: string) => string>> = {
  accepted: (ref) =>
    `${ref} has already been accepted by the panel, so it can no longer be withdrawn. If the case should come off the panel, ask the panel coordinator.`,
  declined: (ref) => `${ref} has already been declined by the panel, so there is nothing to withdraw.`,
  "not-approved": (ref) =>
    `${ref} was not approved by your manager, so it went no further and there is nothing to withdraw.`,
  withdrawn: (ref) => `You have already withdrawn ${ref}.`,
};

/** The referrer withdraws a referral still waiting for the manager or the coordinator, saying why. */
export function withdrawReferral(referral: Referral, referrer: Actor, reason: string, at: Date): Referral {
  if (referral.submitted.by !== referrer.id)
    throw new ReferralStepRefused(
      `Only the person who made ${referral.reference} can withdraw it.`,
      "not-allowed",
    );
  const refused = NOT_WITHDRAWABLE[referral.status];
  if (refused) throw new ReferralStepRefused(refused(referral.reference));
  // A transfer is the source panel's decision, closed there: only the host panel decides on it.
  if (referral.transferredFrom)
    throw new ReferralStepRefused(
      `${referral.reference} is a transfer from ${referral.transferredFrom.panelName}: it cannot be withdrawn. Ask the panel coordinator to decline it if it should not go ahead.`,
    );
  const waitingFor = referral.status === "awaiting-approval" ? "manager" : "coordinator";
  if (!reason.trim())
    throw new ReferralStepRefused(
      `Say why you are withdrawing ${referral.reference}: ${waitingFor === "manager" ? "your manager" : "the panel coordinator"} sees it.`,
      "invalid",
    );
  return {
    ...referral,
    status: "withdrawn",
    withdrawal: { ...stamp(referrer, at), reason: reason.trim(), waitingFor },
  };
}
