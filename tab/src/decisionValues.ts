import type { ChairsAgreement } from "./ChairsDecisionFields.js";
import type { NamedSubject } from "./LinkSubjects.js";
import type { CaseDecision, DecisionForm, RoomResponse } from "./api.js";

// A case's decision form's values: as a recorded decision left them, to change it, and what the
// fields' lists name.

const EMPTY: DecisionForm = {
  kind: "continue",
  reviewDate: null,
  returnTo: null,
  rationale: "",
  riskLevel: null,
  volt: { personsOfConcern: [], locations: [], groups: [], themes: [] },
  disruption: [],
  disruptionDetail: "",
  transferTo: null,
  chairsDecision: null,
};

/** The form as a recorded decision left it, to change it. */
export const formOf = (d: CaseDecision | undefined): DecisionForm =>
  d
    ? {
        kind: d.kind,
        reviewDate: d.reviewDate,
        returnTo: d.returnTo,
        rationale: d.rationale,
        riskLevel: d.riskLevel,
        volt: d.volt,
        disruption: d.disruption,
        disruptionDetail: d.disruptionDetail,
        transferTo: d.transferTo,
        chairsDecision: null,
      }
    : EMPTY;

/** The VOLT links a recorded decision noted, as the fields show them. */
export const linksOf = (d: CaseDecision | undefined) => ({
  personsOfConcern: (d?.volt.personsOfConcern ?? []).join(", "),
  locations: (d?.volt.locations ?? []).join(", "),
  groups: (d?.volt.groups ?? []).join(", "),
  themes: (d?.volt.themes ?? []).join(", "),
});

/** The chair and reason a chairs' decision was recorded with; the only chair, for a new one. */
export function agreementOf(d: CaseDecision | undefined, room: RoomResponse): ChairsAgreement {
  if (d?.taken?.how === "chairs-decision") return { chairId: d.taken.chairId, reason: d.taken.reason };
  return { chairId: room.chairs.length === 1 ? (room.chairs[0]?.id ?? "") : "", reason: "" };
}

export const list = (text: string): string[] =>
  text
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);

/** What the VOLT fields name, offered for recording as subjects and linking to the case. */
export function namedIn(links: {
  personsOfConcern: string;
  locations: string;
  groups: string;
}): NamedSubject[] {
  return [
    ...list(links.personsOfConcern).map((label) => ({ kind: "person-of-concern" as const, label })),
    ...list(links.locations).map((label) => ({ kind: "location-of-concern" as const, label })),
    ...list(links.groups).map((label) => ({ kind: "group" as const, label })),
  ];
}
