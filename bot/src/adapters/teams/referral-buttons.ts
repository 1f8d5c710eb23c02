import { z } from "zod";
import { Refusal } from "../../domain/refusal.js";
import { STATUS_LABELS, type Referral } from "../../domain/referrals/referral.js";
import {
  UNEXPECTED_PRESS,
  type CardPress,
  type CardReply,
  type CardRoute,
  type CardRoutes,
} from "./card-actions.js";
import { longDate } from "./cards/dates.js";
import { withdrawReasonId } from "./cards/own-referral-cards.js";
import { outcomeCard } from "./cards/referral-cards.js";
import { linksOf } from "./bot-dependencies.js";
import { sendPrivately } from "./conversations.js";
import { referralFormSteps, type FormVerb } from "./referral-form-steps.js";
import { startReferralCard } from "./referral-commands.js";
import { VERBS, type ReferralVerb } from "./verbs.js";

// What each referral button does. Every verb goes through the referral desk, which checks the
// person, the panel and the referral's state; a card with a child's details is only ever returned
// to the person who pressed the button, in their personal chat.

const Text = (max: number) => z.string().max(max).optional().default("");

/** A press on the referral form, drawn as the tab's referral form draws it. */
const onTheForm =
  (verb: FormVerb) =>
  ({ deps, actor, data }: CardPress): Promise<CardReply> =>
    referralFormSteps[verb]({
      desk: deps.desk,
      catalogue: deps.catalogue,
      links: linksOf(deps),
      actor,
      data,
      via: "bot",
    });

/** The version of the referral the card was drawn from: a press on an out-of-date card is refused. */
const versionOf = (data: Record<string, unknown>): string => {
  const v = data["version"];
  if (typeof v !== "string" || !v || v.length > 200)
    throw new Refusal(
      "conflict",
      "This card is out of date. Type **referrals** or **approvals** for a fresh one.",
    );
  return v;
};

const inPersonalChat = (handle: CardRoute["handle"]): CardRoute => ({
  where: "personal",
  elsewhere: "Referrals are handled in your personal chat with MACE panels, never in a channel.",
  tone: "plain",
  badData: "Some of what was sent is too long. Shorten it and try again.",
  handle,
});

const approval =
  (approved: boolean) =>
  async (press: CardPress): Promise<CardReply> => {
    const { deps, actor, data } = press;
    const r = await deps.desk.decideApproval(
      actor,
      data["panelId"],
      data["referralId"],
      approved ? "approved" : "declined",
      Text(1000).parse(data["comment"]),
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
  };

const triage =
  (decision: "accept" | "ask" | "decline") =>
  async ({ deps, actor, data }: CardPress): Promise<CardReply> => {
    const note = Text(1000).parse(data["note"]);
    const step =
      decision === "accept"
        ? { decision, note, linkToSubjectId: null }
        : decision === "ask"
          ? { decision, question: note }
          : { decision, reason: note };
    const r = await deps.desk.triage(
      actor,
      data["panelId"],
      data["referralId"],
      step,
      versionOf(data),
      "bot: coordinator card",
    );
    return { card: triageOutcome(r) };
  };

function triageOutcome(r: Referral): Record<string, unknown> {
  return outcomeCard(`${r.reference}: ${STATUS_LABELS[r.status]}`, [
    r.status === "accepted"
      ? `The subject is now in the panel's cohort${r.meetingDate ? `, for the meeting on ${longDate(r.meetingDate)}` : ""}. The referrer has been told.`
      : r.status === "declined"
        ? "The referrer has been told, with your reason."
        : "Your question has gone to the referrer. The referral comes back to you when they answer.",
  ]);
}

export const referralButtons: CardRoutes<ReferralVerb> = {
  // Pressed in a channel: the form goes to the presser's personal chat, nothing is posted here.
  [VERBS.referral.private]: {
    where: "any",
    tone: "plain",
    handle: async ({ context, deps, actor }) => {
      await sendPrivately(
        deps,
        context,
        await startReferralCard(deps.desk, deps.catalogue, actor.id, linksOf(deps)),
      );
      return { message: "I have opened the referral form in your personal chat with MACE panels." };
    },
  },
  [VERBS.referral.open]: inPersonalChat(onTheForm(VERBS.referral.open)),
  [VERBS.referral.step]: inPersonalChat(onTheForm(VERBS.referral.step)),
  [VERBS.referral.submit]: inPersonalChat(onTheForm(VERBS.referral.submit)),
  [VERBS.referral.link]: inPersonalChat(onTheForm(VERBS.referral.link)),
  [VERBS.referral.approve]: inPersonalChat(approval(true)),
  [VERBS.referral.declineApproval]: inPersonalChat(approval(false)),
  [VERBS.referral.accept]: inPersonalChat(triage("accept")),
  [VERBS.referral.ask]: inPersonalChat(triage("ask")),
  [VERBS.referral.decline]: inPersonalChat(triage("decline")),
  [VERBS.referral.answer]: inPersonalChat(async ({ deps, actor, data }) => {
    const r = await deps.desk.answer(
      actor,
      data["panelId"],
      data["referralId"],
      Text(2000).parse(data["answer"]),
      versionOf(data),
      "bot: question card",
    );
    return {
      card: outcomeCard(`Answer sent for ${r.reference}`, [
        "The coordinator has your answer and the referral is back with them.",
      ]),
    };
  }),
  [VERBS.referral.withdraw]: inPersonalChat(async ({ deps, actor, data }) => {
    const referralId = z.uuid().safeParse(data["referralId"]);
    const reason = referralId.success
      ? Text(1000).safeParse(data[withdrawReasonId(referralId.data)])
      : undefined;
    if (!referralId.success || !reason?.success) return { message: UNEXPECTED_PRESS };
    const r = await deps.desk.withdraw(
      actor,
      data["panelId"],
      referralId.data,
      // Each referral on the list card has its own reason box.
      reason.data,
      versionOf(data),
      "bot: my referrals card",
    );
    return {
      card: outcomeCard(`${r.reference} withdrawn`, [
        `${r.withdrawal?.waitingFor === "manager" ? "Your manager has" : "The panel coordinator has"} been told, with your reason. Nothing else has changed.`,
        "Type **referrals** to see your referrals again.",
      ]),
    };
  }),
};
