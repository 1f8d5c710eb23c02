import { z } from "zod";

// Roles per panel (DESIGN.md section 6). A user sees only the panels they belong to. A deputy
// stands in for a named member of their agency and counts for quorum for it (004: "lead
// representative plus two deputies"). An analyst prepares the panel's data reports and sees
// nothing else of it.
export const PANEL_ROLES = ["coordinator", "chair", "member", "deputy", "presenter", "analyst"] as const;
export const PanelRole = z.enum(PANEL_ROLES);
export type PanelRole = z.infer<typeof PanelRole>;

/** Every role works the panel's cases but the analyst's, which sees its aggregate reports only. */
export const worksCases = (role: PanelRole): boolean => role !== "analyst";

/** A person's name as Entra ID holds it: up to 256 characters. */
export const PersonName = z.string().max(256);

export const Person = z.strictObject({
  /** The Entra ID object ID (the token's `oid`, Teams' `aadObjectId`). */
  id: z.string().min(1).max(64),
  displayName: PersonName.min(1),
  email: z.string().email().max(200),
  jobTitle: z.string().max(120),
  agencyId: z.string().min(1).max(80),
  /** Areas where this person is a service manager who approves referrals (Lambeth's sign-off). */
  approvesReferralsIn: z.array(z.string().min(1).max(80)).max(20).optional(),
  /** As the directory knows them: a B2B guest's carries `#EXT#`. */
  userPrincipalName: z.string().max(320).optional(),
  /** Invited from a partner agency's own tenant. */
  guest: z.boolean().optional(),
  /** Suspended by an administrator: refused everywhere until restored. */
  suspended: z.boolean().optional(),
});
export type Person = z.infer<typeof Person>;

export const Membership = z.strictObject({
  personId: z.string().min(1).max(64),
  panelId: z.string().min(1).max(80),
  role: PanelRole,
  /** For a deputy: the member of their agency they stand in for. */
  deputyFor: z.string().max(64).nullable().optional(),
});
export type Membership = z.infer<typeof Membership>;

export function roleOn(memberships: Membership[], panelId: string): PanelRole | undefined {
  return memberships.find((m) => m.panelId === panelId)?.role;
}

export function canManagePanel(memberships: Membership[], panelId: string): boolean {
  return roleOn(memberships, panelId) === "coordinator";
}
