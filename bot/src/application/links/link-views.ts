import type { ReferralKind } from "../../domain/catalogue/panel.js";
import type { Subject } from "../../domain/cohort/case.js";
import { LINK_RULES, type Link, type LinkKind } from "../../domain/links/link.js";
import type { AreaAccess } from "../access/subject-access.js";

// What the links commands answer with: subjects by reference and name, links with the wording of
// their kind, and which panel an area-wide read is written down against.

export interface SubjectSummary {
  id: string;
  reference: string;
  kind: ReferralKind;
  label: string;
  postcode: string | null;
}

export const summaryOf = (s: Subject): SubjectSummary => ({
  id: s.id,
  reference: s.reference,
  kind: s.kind,
  label: s.label,
  postcode: s.postcode ?? null,
});

export interface LinkView {
  id: string;
  kind: LinkKind;
  /** How it reads from `from`'s side ("exploited by"), and from `to`'s ("exploits"). */
  label: string;
  inverse: string;
  from: string;
  to: string;
  fromReference: string;
  toReference: string;
  note: string;
  panelId: string;
  meetingId: string | null;
  referralId: string | null;
  added: { byName: string; at: string };
  ended: { byName: string; at: string; reason: string } | null;
}

export function linkView(l: Link, references: Map<string, Subject>): LinkView {
  const rule = LINK_RULES[l.kind];
  return {
    id: l.id,
    kind: l.kind,
    label: rule.label,
    inverse: rule.inverse,
    from: l.from,
    to: l.to,
    fromReference: references.get(l.from)?.reference ?? "",
    toReference: references.get(l.to)?.reference ?? "",
    note: l.note,
    panelId: l.panelId,
    meetingId: l.meetingId,
    referralId: l.referralId,
    added: { byName: l.added.byName, at: l.added.at },
    ended: l.ended && { byName: l.ended.byName, at: l.ended.at, reason: l.ended.reason },
  };
}

/** The kinds of link a coordinator can choose, with what each joins, for the tab's choices. */
export const LINK_KIND_CHOICES = Object.entries(LINK_RULES).map(([kind, rule]) => ({
  kind: kind as LinkKind,
  label: rule.label,
  inverse: rule.inverse,
  from: rule.from,
  to: rule.to,
}));
export type LinkKindChoice = (typeof LINK_KIND_CHOICES)[number];

/**
 * The panel an area-wide read or change is recorded against: one the subject has a case on and the
 * person is on, else the first of the person's panels in the area (coordinated ones first).
 */
export function auditPanel(access: AreaAccess, casePanels: string[] = []): string {
  const mine = [...access.roles.keys()];
  const coordinated = mine.filter((p) => access.roles.get(p) === "coordinator");
  return casePanels.find((p) => access.roles.has(p)) ?? coordinated[0] ?? mine[0] ?? "";
}
