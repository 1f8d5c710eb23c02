import { z } from "zod";
import { FORM_VERBS } from "../../teams/referral-form-steps.js";

// The tab's referral form: the same Adaptive Cards the bot sends in chat, drawn in the tab, and
// each press of their buttons as the bot would receive it.

/** A press on one of the referral form's buttons: its verb and what the card sent with it. */
export const ReferralFormPress = z.strictObject({
  verb: z.enum(FORM_VERBS),
  data: z.record(z.string().max(80), z.union([z.string().max(4000), z.number(), z.boolean(), z.null()])),
});
export type ReferralFormPressBody = z.infer<typeof ReferralFormPress>;

/** The card to draw next, or a message in its place (as the bot's answer to a press). */
export type ReferralFormResponse = { card: Record<string, unknown> } | { message: string };
