// Every Action.Execute verb the bot's cards send. Cards emit them and the card-action routes are
// keyed by them, so a verb cannot be written one way on a card and another in its handler.

export const VERBS = {
  referral: {
    /** From a channel: open the referral form in the presser's personal chat. */
    private: "referral.private",
    open: "referral.open",
    /** Moves through the form: the next step (checked first), back, or another page of members. */
    step: "referral.step",
    submit: "referral.submit",
    link: "referral.link",
    approve: "referral.approve",
    declineApproval: "referral.decline-approval",
    accept: "referral.accept",
    ask: "referral.ask",
    decline: "referral.decline",
    answer: "referral.answer",
    /** The referrer withdraws one still waiting, with a reason. */
    withdraw: "referral.withdraw",
  },
  action: {
    done: "action.done",
    update: "action.update",
    form: "action.form",
    record: "action.record",
    /** From an action's card in personal chat: a new due date, another owner, or not possible. */
    extend: "action.extend",
    reassign: "action.reassign",
    notPossible: "action.not-possible",
  },
  meeting: {
    signIn: "meeting.sign-in",
    /** Teams asks for the viewer's own view of a sign-in card (its `refresh`). */
    view: "meeting.sign-in-view",
  },
  access: {
    /** Opens the card to ask to join a panel. */
    form: "access.form",
    ask: "access.ask",
    approve: "access.approve",
    decline: "access.decline",
  },
} as const;

type ValueOf<T> = T[keyof T];
export type ReferralVerb = ValueOf<typeof VERBS.referral>;
export type ActionVerb = ValueOf<typeof VERBS.action>;
export type MeetingVerb = ValueOf<typeof VERBS.meeting>;
export type AccessVerb = ValueOf<typeof VERBS.access>;
export type Verb = ReferralVerb | ActionVerb | MeetingVerb | AccessVerb;
