import { DEMO_MEMBERSHIPS, DEMO_PEOPLE } from "../../bot/src/seed/demo-people.js";
import type { Person } from "../../bot/src/domain/people/membership.js";
import { call } from "../../test/support/http.js";
import { mertonChild } from "../../test/support/referral-forms.js";
import { actionData, teamsUser } from "../../test/support/teams-chat.js";
import { cardOf } from "./bot-replies.js";
import type { Recorder } from "./measure.js";
import { requests, type Bounds, type Caller } from "./requests.js";
import type { Rig } from "./stand-ins.js";

// The simulated practitioners. Each is a loop: pick something to do from the mix, do it one
// request at a time, and think between requests, as a person reads a card or a page.

export interface Plan extends Bounds {
  users: number;
  /** When users stop starting requests (ms since the epoch). */
  deadline: number;
  /** No user starts a request once this many have been made. */
  maxRequests: number;
  /** Mean of the exponential think time between one person's requests. */
  thinkMeanMs: number;
}

type Activity =
  "bot help" | "bot panels" | "bot referral" | "tab panels" | "tab meeting" | "tab referrals" | "tab actions";

/** What people do, by weight; an activity a person may not do is left out of their mix. */
export const MIX: { activity: Activity; weight: number; who: string }[] = [
  { activity: "bot help", weight: 10, who: "everyone" },
  { activity: "bot panels", weight: 15, who: "everyone" },
  { activity: "bot referral", weight: 15, who: "Merton pre-MACE people (refer, pick, submit the form)" },
  { activity: "tab panels", weight: 20, who: "everyone" },
  { activity: "tab meeting", weight: 20, who: "members (the meetings page, then one agenda)" },
  { activity: "tab referrals", weight: 10, who: "coordinators (the others' tab has no list)" },
  { activity: "tab actions", weight: 10, who: "members" },
];

interface User extends Caller {
  panels: { panelId: string; role: string }[];
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)] as T;

/** The demo people who sit on a panel, each with their panels. */
function panelPeople(): { person: Person; panels: { panelId: string; role: string }[] }[] {
  return DEMO_PEOPLE.map((person) => ({
    person,
    panels: DEMO_MEMBERSHIPS.filter((m) => m.personId === person.id).map((m) => ({
      panelId: m.panelId,
      role: m.role,
    })),
  })).filter((p) => p.panels.length);
}

/** The panels whose meetings and cases a person works: an analyst's are for its reports alone. */
const worked = (user: User) => user.panels.filter((p) => p.role !== "analyst");

function mixOf(user: User): { activity: Activity; weight: number }[] {
  const refers = worked(user).some((p) => p.panelId === "merton-pre-mace");
  const coordinates = user.panels.some((p) => p.role === "coordinator");
  const member = worked(user).length > 0;
  return MIX.filter(
    (m) =>
      (m.activity !== "bot referral" || refers) &&
      (m.activity !== "tab referrals" || coordinates) &&
      ((m.activity !== "tab meeting" && m.activity !== "tab actions") || member),
  );
}

function choose(user: User): Activity {
  const mix = mixOf(user);
  let r = Math.random() * mix.reduce((a, m) => a + m.weight, 0);
  for (const m of mix) if ((r -= m.weight) < 0) return m.activity;
  return mix[0]?.activity ?? "tab panels";
}

/** Runs the users to the plan's bounds; gives the bot's replies as the connector caught them. */
export async function runUsers(rig: Rig, plan: Plan, recorders: { warmUp: Recorder; measured: Recorder }) {
  const people = panelPeople();
  // One development sign-in per person, as the tab keeps its token for the hour.
  const tokens = new Map<string, string>();
  for (const { person } of people) {
    const res = await call<{ token: string }>({ url: rig.serviceUrl }, "/dev-idp/token", {
      body: { personId: person.id },
    });
    if (res.status !== 200) throw new Error(`demo sign-in failed for ${person.displayName}: ${res.status}`);
    tokens.set(person.id, res.body.token);
  }
  // Bot Framework signs its requests to the bot with one token, reused for its hour.
  const { tab, say, press, made, replies } = requests(rig, plan, recorders, await rig.botToken());
  let referrals = 0;

  const open = () => Date.now() < plan.deadline && made() < plan.maxRequests;
  /** Thinks, cut short at the deadline; whether there is time for the next request. */
  const think = async () => {
    const ms = -Math.log(1 - Math.random()) * plan.thinkMeanMs;
    await new Promise((resolve) =>
      setTimeout(resolve, Math.min(ms, Math.max(0, plan.deadline - Date.now()))),
    );
    return open();
  };

  const ACTIVITIES: Record<Activity, (user: User) => Promise<unknown>> = {
    "bot help": (u) => say(u, "bot: help", "help"),
    "bot panels": (u) => say(u, "bot: panels", "panels"),
    "bot referral": async (u) => {
      if (!(await say(u, "bot: refer", "refer", "Make a referral")) || !(await think())) return;
      const panel = { panelId: "merton-pre-mace", kind: "individual" };
      const opened = await press(u, "bot: open form", "referral.open", panel, "step");
      if (!opened || !(await think())) return;
      referrals += 1;
      const values = referralValues(referrals);
      // The form comes in steps, each sent with what was typed on it, until the last offers Send.
      let card = cardOf(opened.body);
      for (let steps = 0; !actionData(card, "referral.submit")["formId"]; steps++) {
        if (steps === 6) return;
        const next = await press(
          u,
          "bot: form step",
          "referral.step",
          { ...actionData(card, "referral.step", "next"), ...values },
          "step",
        );
        if (!next || !(await think())) return;
        card = cardOf(next.body);
      }
      const { formId } = actionData(card, "referral.submit");
      await press(u, "bot: submit form", "referral.submit", { ...panel, formId, ...values }, "receipt");
    },
    "tab panels": (u) => tab(u, "tab: panels", "/panels"),
    "tab meeting": async (u) => {
      const { panelId } = pick(worked(u));
      const today = Date.now();
      const range = `from=${iso(today)}&to=${iso(today + 90 * 86_400_000)}`;
      const page = await tab<{ meetings: { id: string }[] }>(
        u,
        "tab: meetings",
        `/panels/${panelId}/meetings?${range}`,
      );
      const meeting = page?.body.meetings[0];
      if (!meeting || !(await think())) return;
      await tab(u, "tab: agenda", `/panels/${panelId}/meetings/${meeting.id}/agenda`);
    },
    "tab referrals": (u) => {
      const { panelId } = pick(u.panels.filter((p) => p.role === "coordinator"));
      return tab(u, "tab: referrals", `/panels/${panelId}/referrals`);
    },
    "tab actions": (u) => tab(u, "tab: actions", `/panels/${pick(worked(u)).panelId}/actions`),
  };

  // The first think spreads the users' starts, as people arrive at different moments.
  const loop = async (user: User) => {
    while (await think()) await ACTIVITIES[choose(user)](user);
  };
  await Promise.all(
    Array.from({ length: plan.users }, (_, n) => {
      const { person, panels } = people[n % people.length] as (typeof people)[number];
      return loop({ panels, teams: teamsUser(person), tabToken: tokens.get(person.id) ?? "" });
    }),
  );
  return replies;
}

/** An invented child for the n-th referral, with the form's values as a card submits them (text). */
function referralValues(n: number): Record<string, string> {
  const child = {
    ...mertonChild(`Invented Child ${n}`),
    // A different birthday each, so each is a child of their own rather than a likely duplicate.
    dateOfBirth: iso(Date.UTC(2010, 0, 1) + (n % 1500) * 86_400_000),
    strategyMeetingDate: iso(Date.now() - 7 * 86_400_000),
  };
  return Object.fromEntries(Object.entries(child).map(([k, v]) => [k, String(v)]));
}
