import { PersonName } from "../people/membership.js";
import { z } from "zod";
import type { Agency, AgencyKind, Panel } from "../catalogue/panel.js";

// Who is at a meeting. Each attendee signs in for the agency they represent (a deputy for the
// agency they stand in for) and agrees to the information sharing agreement and confidentiality
// statement, whose text is the panel's (001: agree when signing into the panel; 003: a
// confidentiality form at the start of each meeting). Apologies are recorded by the coordinator.

export const Capacity = z.enum(["member", "deputy", "presenter", "guest"]);
export type Capacity = z.infer<typeof Capacity>;

export const CAPACITY_LABELS: Record<Capacity, string> = {
  member: "Panel member",
  deputy: "Deputy for the agency's member",
  presenter: "Presenting a case",
  guest: "Guest",
};

export const SignIn = z.strictObject({
  panelId: z.string().max(80),
  meetingId: z.iso.date(),
  personId: z.string().max(64),
  name: PersonName,
  /** The agency they represent at this meeting. */
  agencyId: z.string().max(80),
  capacity: Capacity,
  /** The statement they agreed to, word for word, so the record shows what was agreed. */
  agreedTo: z.string().min(20).max(2000),
  at: z.iso.datetime(),
});
export type SignIn = z.infer<typeof SignIn>;

export const Apology = z.strictObject({
  panelId: z.string().max(80),
  meetingId: z.iso.date(),
  agencyId: z.string().max(80),
  personName: PersonName.trim().min(2),
  recordedBy: PersonName,
  at: z.iso.datetime(),
});
export type Apology = z.infer<typeof Apology>;

export const AGENCY_KIND_LABELS: Record<AgencyKind, string> = {
  police: "Police",
  "childrens-social-care": "Children's Social Care",
  health: "Health",
  education: "Education",
  "youth-justice": "Youth Justice",
  housing: "Housing",
  probation: "Probation",
  "adult-social-care": "Adult Social Care",
  "community-safety": "Community Safety",
  voluntary: "Voluntary sector",
  other: "Other",
};

export interface Quorum {
  quorate: boolean;
  /** The kinds of agency the panel needs, each with whether someone signed in for one. */
  needed: { kind: AgencyKind; label: string; present: boolean }[];
  missing: string[];
}

/** Who may represent their agency: a member, or a deputy standing in; presenters and guests do not. */
export const representsAgency = (capacity: Capacity): boolean =>
  capacity === "member" || capacity === "deputy";

/**
 * Quorate only when a member or deputy has signed in for an agency of each kind the panel's quorum
 * names; presenters and guests do not count.
 */
export function quorumOf(panel: Panel, agencies: Map<string, Agency>, signIns: SignIn[]): Quorum {
  const present = new Set(
    signIns
      .filter((s) => representsAgency(s.capacity))
      .map((s) => agencies.get(s.agencyId)?.kind)
      .filter(Boolean),
  );
  const needed = panel.quorumAgencyKinds.map((kind) => ({
    kind,
    label: AGENCY_KIND_LABELS[kind],
    present: present.has(kind),
  }));
  const missing = needed.filter((n) => !n.present).map((n) => n.label);
  return { quorate: missing.length === 0, needed, missing };
}
