import { z } from "zod";
import type { ReferralKind } from "../catalogue/panel.js";
import { PersonName } from "../people/membership.js";

// A link the panel draws between two subjects of an area: a child exploited by a person of concern,
// a child who frequents a location, a member of a group, siblings (VOLT; 002; 003 outputs). A link
// is a record with who added it and when; it is ended, never deleted, so the history shows it.

export const LINK_KINDS = [
  "exploited-by",
  "associates-with",
  "frequents",
  "member-of-group",
  "sibling",
  "same-school",
  "lives-at",
  "other",
] as const;
export const LinkKind = z.enum(LINK_KINDS);
export type LinkKind = z.infer<typeof LinkKind>;

type End = "person" | "location" | "group";
const endOf = (kind: ReferralKind): End =>
  kind === "location-of-concern" ? "location" : kind === "group" ? "group" : "person";

interface KindRule {
  /** How it reads from the `from` side, and from the `to` side. */
  label: string;
  inverse: string;
  from: End[];
  to: End[];
}

export const LINK_RULES: Record<LinkKind, KindRule> = {
  "exploited-by": { label: "exploited by", inverse: "exploits", from: ["person"], to: ["person", "group"] },
  "associates-with": {
    label: "associates with",
    inverse: "associates with",
    from: ["person"],
    to: ["person"],
  },
  frequents: { label: "frequents", inverse: "frequented by", from: ["person", "group"], to: ["location"] },
  "member-of-group": { label: "member of", inverse: "has member", from: ["person"], to: ["group"] },
  sibling: { label: "sibling of", inverse: "sibling of", from: ["person"], to: ["person"] },
  "same-school": { label: "same school as", inverse: "same school as", from: ["person"], to: ["person"] },
  "lives-at": { label: "lives at", inverse: "home of", from: ["person"], to: ["location"] },
  other: {
    label: "linked to",
    inverse: "linked to",
    from: ["person", "location", "group"],
    to: ["person", "location", "group"],
  },
};

const Stamp = z.strictObject({ by: z.string().max(64), byName: PersonName, at: z.iso.datetime() });

export const Link = z.strictObject({
  id: z.uuid(),
  areaId: z.string().max(80),
  kind: LinkKind,
  from: z.string().max(64),
  to: z.string().max(64),
  /** Why the panel drew it, in a line. */
  note: z.string().trim().max(500),
  /** Where it was drawn: the panel, and the meeting or referral it was drawn at. */
  panelId: z.string().max(80),
  meetingId: z.iso.date().nullable(),
  referralId: z.string().max(64).nullable(),
  added: Stamp,
  ended: Stamp.extend({ reason: z.string().trim().max(500) }).nullable(),
});
export type Link = z.infer<typeof Link>;

/**
 * What makes two links the same: their kind and their ends, in either order for a kind that reads
 * the same both ways (siblings, associates). At most one such link is in force at a time.
 */
export function linkIdentity(l: Pick<Link, "kind" | "from" | "to">): string {
  const rule = LINK_RULES[l.kind];
  const ends = rule.label === rule.inverse ? [l.from, l.to].sort() : [l.from, l.to];
  return `${l.kind}|${ends.join("|")}`;
}

/** The subject at the other end of a link, seen from `subjectId`. */
export const otherEnd = (l: Pick<Link, "from" | "to">, subjectId: string): string =>
  l.from === subjectId ? l.to : l.from;

/** How a link reads from one of its ends: "exploited by", or from the other end "exploits". */
export const linkWording = (l: Pick<Link, "from" | "kind">, seenFrom: string): string =>
  l.from === seenFrom ? LINK_RULES[l.kind].label : LINK_RULES[l.kind].inverse;

/** Whether a link was in force at some time within a period (an ended link still counts before its end). */
export const inForceDuring = (l: Pick<Link, "added" | "ended">, from: string, to: string): boolean =>
  l.added.at.slice(0, 10) <= to && (!l.ended || l.ended.at.slice(0, 10) >= from);

/** What is wrong with a new link, in the coordinator's words; empty when it can be drawn. */
export function linkProblems(
  kind: LinkKind,
  from: { id: string; kind: ReferralKind },
  to: { id: string; kind: ReferralKind },
  existing: Pick<Link, "kind" | "from" | "to" | "ended">[],
): string[] {
  const rule = LINK_RULES[kind];
  const problems: string[] = [];
  if (from.id === to.id) problems.push("A subject cannot be linked to itself.");
  if (!rule.from.includes(endOf(from.kind)) || !rule.to.includes(endOf(to.kind)))
    problems.push(
      `"${rule.label}" links a ${rule.from.join(" or ")} to a ${rule.to.join(" or ")}: choose another kind of link.`,
    );
  const symmetric = rule.label === rule.inverse;
  const same = existing.some(
    (l) =>
      !l.ended &&
      l.kind === kind &&
      ((l.from === from.id && l.to === to.id) || (symmetric && l.from === to.id && l.to === from.id)),
  );
  if (same) problems.push("These two are already linked this way.");
  return problems;
}
