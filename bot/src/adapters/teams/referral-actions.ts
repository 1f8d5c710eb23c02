import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { describeOccurrence } from "../../domain/schedule/describe.js";
import { STATUS_LABELS, type Referral } from "../../domain/referrals/referral.js";
import type { Actor } from "../../domain/people/actor.js";
import { ReferralStepRefused } from "../../domain/referrals/triage.js";
import type { ReferralDesk } from "../../application/referrals/referral-desk.js";
import { Refusal } from "../../application/refusal.js";
import { longDate } from "./cards/dates.js";
import {
  outcomeCard,
  referralFormCard,
  referralReceiptCard,
  referralStartCard,
} from "./cards/referral-cards.js";

// What each referral button does. Every verb goes through the referral desk, which checks the
// person, the panel and the referral's state; a card with a child's details is only ever returned
// to the person who pressed the button, in their personal chat.

export const REFERRAL_VERBS = [
  "referral.open",
  "referral.submit",
  "referral.link",
  "referral.approve",
  "referral.decline-approval",
  "referral.accept",
  "referral.ask",
  "referral.decline",
  "referral.answer",
] as const;

const Verb = z.enum(REFERRAL_VERBS);
type Verb = z.infer<typeof Verb>;
const Text = (max: number) => z.string().max(max).optional().default("");
/** The version of the referral the card was drawn from: a press on an out-of-date card is refused. */
class CardOutOfDate extends Error {}
const versionOf = (data: Record<string, unknown>): string => {
  const v = data["version"];
  if (typeof v !== "string" || !v || v.length > 200) throw new CardOutOfDate();
  return v;
};

export type CardReply = { card: Record<string, unknown> } | { message: string };

export function isReferralVerb(verb: string): verb is Verb {
  return Verb.safeParse(verb).success;
}

export async function referralAction(
  deps: { desk: ReferralDesk; catalogue: Catalogue },
  actor: Actor,
  verb: Verb,
  data: Record<string, unknown>,
): Promise<CardReply> {
  const { desk, catalogue } = deps;
  const panelName = (id: unknown) => catalogue.panels.get(String(id))?.name ?? "the panel";
  try {
    switch (verb) {
      case "referral.open": {
        const form = await desk.form(actor.id, data["panelId"], data["kind"]);
        return { card: referralFormCard(form, panelName(form.panelId), randomUUID()) };
      }
      case "referral.submit": {
        const result = await desk.submit(actor, data["panelId"], data["kind"], data["formId"], data);
        if (!result.ok)
          return {
            card: referralFormCard(
              result.form,
              panelName(result.form.panelId),
              String(data["formId"]),
              data,
              result.problems,
            ),
          };
        const meeting = result.meeting ? describeOccurrence(result.meeting) : undefined;
        return { card: referralReceiptCard(result.referral, panelName(result.referral.panelId), meeting) };
      }
      case "referral.link": {
        const r = await desk.link(actor, data["panelId"], data["referralId"], data["subjectId"], "bot: link");
        return { card: referralReceiptCard(r, panelName(r.panelId), undefined) };
      }
      case "referral.approve":
      case "referral.decline-approval": {
        const approved = verb === "referral.approve";
        const comment = Text(1000).parse(data["comment"]);
        const r = await desk.decideApproval(
          actor,
          data["panelId"],
          data["referralId"],
          approved ? "approved" : "declined",
          comment,
          versionOf(data),
          "bot: approval card",
        );
        return {
          card: outcomeCard(
            approved ? `You approved ${r.reference}` : `You did not approve ${r.reference}`,
            [
              approved
                ? "It is now with the panel coordinator. The referrer has been told."
                : "The referrer has been told, with your comment.",
            ],
            approved,
          ),
        };
      }
      case "referral.accept":
      case "referral.ask":
      case "referral.decline": {
        const note = Text(1000).parse(data["note"]);
        const step =
          verb === "referral.accept"
            ? { decision: "accept" as const, note, linkToSubjectId: null }
            : verb === "referral.ask"
              ? { decision: "ask" as const, question: note }
              : { decision: "decline" as const, reason: note };
        const r = await desk.triage(
          actor,
          data["panelId"],
          data["referralId"],
          step,
          versionOf(data),
          "bot: coordinator card",
        );
        return { card: triageOutcome(r) };
      }
      case "referral.answer": {
        const answer = Text(2000).parse(data["answer"]);
        const r = await desk.answer(
          actor,
          data["panelId"],
          data["referralId"],
          answer,
          versionOf(data),
          "bot: question card",
        );
        return {
          card: outcomeCard(`Answer sent for ${r.reference}`, [
            "The coordinator has your answer and the referral is back with them.",
          ]),
        };
      }
    }
  } catch (e) {
    if (e instanceof Refusal || e instanceof ReferralStepRefused) return { message: e.message };
    if (e instanceof CardOutOfDate)
      return { message: "This card is out of date. Type **referrals** or **approvals** for a fresh one." };
    if (e instanceof z.ZodError)
      return { message: "Some of what was sent is too long. Shorten it and try again." };
    throw e;
  }
}

function triageOutcome(r: Referral): Record<string, unknown> {
  return outcomeCard(`${r.reference}: ${STATUS_LABELS[r.status]}`, [
    r.status === "accepted"
      ? `The subject is now in the panel's cohort${r.meetingDate ? `, for the meeting on ${longDate(r.meetingDate)}` : ""}. The referrer has been told.`
      : r.status === "declined"
        ? "The referrer has been told, with your reason."
        : "Your question has gone to the referrer. The referral comes back to you when they answer.",
  ]);
}

/** The first card of the flow: the panels this person may refer to. */
export async function startReferralCard(
  desk: ReferralDesk,
  catalogue: Catalogue,
  personId: string | undefined,
) {
  if (!personId) return referralStartCard([]);
  try {
    const { panels } = await desk.panelsFor(personId);
    return referralStartCard(
      panels.map((p) => ({
        id: p.id,
        name: p.name,
        area: catalogue.areas.find((a) => a.id === p.areaId)?.name ?? p.areaId,
      })),
    );
  } catch (e) {
    if (e instanceof Refusal) return referralStartCard([]);
    throw e;
  }
}
