import type { LinkKind, LinkKindChoice, MapNode, NewSubjectRequest } from "./api.js";

// What a coordinator can link a case to and how: the kinds of subject, and the kind of link each
// is most often given, read the way the link's kind reads (a child exploited by a person, a
// member of a group).

export type SubjectKind = NewSubjectRequest["kind"];
export interface NamedSubject {
  kind: SubjectKind;
  label: string;
  dateOfBirth?: string;
}

export const KIND_LABELS: Record<SubjectKind, string> = {
  individual: "child or young adult",
  "person-of-concern": "person of concern",
  "location-of-concern": "location of concern",
  group: "group",
};
export const KIND_CHOICES: { value: SubjectKind; label: string }[] = [
  { value: "person-of-concern", label: "Person of concern" },
  { value: "location-of-concern", label: "Location of concern" },
  { value: "group", label: "Group" },
  { value: "individual", label: "Child or young adult" },
];

// The link a subject of each kind is most often given, tried in order until one fits both ends.
const SUGGESTED: Record<SubjectKind, LinkKind[]> = {
  individual: ["associates-with", "member-of-group", "frequents"],
  "person-of-concern": ["exploited-by", "associates-with", "frequents"],
  "location-of-concern": ["frequents", "lives-at"],
  group: ["member-of-group", "exploited-by", "frequents"],
};
export const endOf = (kind: SubjectKind) =>
  kind === "location-of-concern" ? "location" : kind === "group" ? "group" : "person";
const fits = (c: LinkKindChoice, from: SubjectKind, to: SubjectKind) =>
  c.from.includes(endOf(from)) && c.to.includes(endOf(to));

/** The link's kind and which way it reads: the case first, unless the kind reads the other way. */
export function linkBetween(
  choices: LinkKindChoice[],
  chosen: LinkKind | "",
  caseKind: SubjectKind,
  other: SubjectKind,
) {
  const candidates = chosen ? [chosen] : [...SUGGESTED[other], "other" as const];
  const either = (c: LinkKindChoice) => fits(c, caseKind, other) || fits(c, other, caseKind);
  const choice =
    candidates.map((k) => choices.find((c) => c.kind === k)).find((c) => c && either(c)) ??
    choices.find((c) => c.kind === candidates[0]);
  const reversed = !!choice && !fits(choice, caseKind, other) && fits(choice, other, caseKind);
  return { kind: choice?.kind ?? "other", reversed };
}

export const described = (n: Pick<MapNode, "reference" | "label" | "kind">) =>
  `${n.reference}${n.label ? ` ${n.label}` : ""} (${KIND_LABELS[n.kind]})`;
