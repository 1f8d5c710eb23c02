import type { SignInDetails } from "../../../application/meeting-room/meeting-room.js";
import { CAPACITY_LABELS } from "../../../domain/attendance/sign-in.js";
import { VERBS } from "../verbs.js";
import { card, execute, facts, heading, para, type Element } from "./elements.js";

// The sign-in card posted in the panel's channel when a meeting starts: the panel's statement and a
// sign-in for an agency. It names no case and no child.

export function signInCard(a: SignInDetails): Element {
  return card(
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
    ],
  );
}
