import type { SignInDetails } from "../../../application/meeting-room/meeting-room.js";
import { CAPACITY_LABELS, type SignIn } from "../../../domain/attendance/sign-in.js";
import { openInTab, type TabLinks } from "../tab-links.js";
import { VERBS } from "../verbs.js";
import { card, execute, facts, heading, para, type Element } from "./elements.js";

// The sign-in card posted in the panel's channel when a meeting starts: the panel's statement and a
// sign-in for an agency. It names no case and no child. Each viewer's Teams asks the bot for their
// own view of it (Universal Actions `refresh`), so whoever has signed in sees that they have,
// however often the channel is opened, while everyone else sees the form.

/** At most this many people can be named for a card's automatic refresh (Teams' limit). */
export const MAX_REFRESHED_VIEWERS = 60;

/**
 * `userIds`: the Teams users who signed in from the card. In a channel of more than 60 people,
 * only they get their own view without pressing Refresh; in a smaller one everybody does.
 */
function ownViewOf(a: Pick<SignInDetails, "panelId" | "meetingId">, userIds: string[]): Element {
  return {
    refresh: {
      action: {
        type: "Action.Execute",
        title: "Refresh",
        verb: VERBS.meeting.view,
        data: { panelId: a.panelId, meetingId: a.meetingId },
      },
      userIds: userIds.slice(0, MAX_REFRESHED_VIEWERS),
    },
  };
}

export function signInCard(a: SignInDetails, links: TabLinks, userIds: string[] = []): Element {
  return {
    ...card(
      [
        heading(`Sign in: ${a.panelName}`),
        facts([["Meeting", a.meetingDescription]]),
        para("Information sharing agreement and confidentiality statement", { weight: "Bolder" }),
        para(a.statement),
        {
          type: "Input.ChoiceSet",
          id: "agencyId",
          label: "The agency you represent",
          isRequired: true,
          errorMessage: "Choose the agency you represent.",
          choices: a.agencies.map((x) => ({ title: x.name, value: x.id })),
        },
        {
          type: "Input.ChoiceSet",
          id: "capacity",
          label: "You attend as",
          isRequired: true,
          value: "member",
          errorMessage: "Choose how you attend.",
          choices: Object.entries(CAPACITY_LABELS).map(([value, title]) => ({ title, value })),
        },
        {
          type: "Input.Toggle",
          id: "agreed",
          title: "I agree to the information sharing agreement and the confidentiality statement",
          valueOn: "true",
          valueOff: "false",
          isRequired: true,
          errorMessage: "Agree to the statement to sign in.",
        },
      ],
      [
        execute(
          "Sign in",
          VERBS.meeting.signIn,
          { panelId: a.panelId, meetingId: a.meetingId },
          { associatedInputs: "auto" },
        ),
        openInTab(links({ page: "sign-in", panelId: a.panelId, meetingId: a.meetingId })),
      ],
    ),
    ...ownViewOf(a, userIds),
  };
}

/**
 * The view of the card for someone who has signed in: their agency, capacity and time. `justNow`:
 * this press signed them in, rather than finding them signed in already.
 */
export function signedInCard(
  a: SignInDetails,
  signIn: SignIn,
  agencyName: string,
  userIds: string[],
  justNow: boolean,
): Element {
  const time = new Date(signIn.at).toLocaleTimeString("en-GB", {
    timeZone: "Europe/London",
    hour: "2-digit",
    minute: "2-digit",
  });
  return {
    ...card([
      heading(`Signed in: ${a.panelName}`),
      para(
        justNow
          ? `You are signed in for ${agencyName}. The meeting's case details are now shown to you in the tab.`
          : `You are signed in for ${agencyName}.`,
      ),
      facts([
        ["Meeting", a.meetingDescription],
        ["Agency", agencyName],
        ["Attending as", CAPACITY_LABELS[signIn.capacity]],
        ["Signed in at", time],
      ]),
      para("You agreed to the information sharing agreement and the confidentiality statement.", {
        isSubtle: true,
      }),
    ]),
    ...ownViewOf(a, userIds),
  };
}
