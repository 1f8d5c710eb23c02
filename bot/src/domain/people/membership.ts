import { z } from "zod";

// Roles per panel (DESIGN.md section 6). A user sees only the panels they belong to.
export const PANEL_ROLES = ["coordinator", "chair", "member", "presenter"] as const;
export const PanelRole = z.enum(PANEL_ROLES);
export type PanelRole = z.infer<typeof PanelRole>;

export const Person = z.strictObject({
  /** The Entra ID object ID (the token's `oid`, Teams' `aadObjectId`). */
  id: z.string().min(1).max(64),
  displayName: z.string().min(1).max(120),
  email: z.string().email().max(200),
  jobTitle: z.string().max(120),
  agencyId: z.string().min(1).max(80),
  /** Areas where this person is a service manager who approves referrals (Lambeth's sign-off). */
  approvesReferralsIn: z.array(z.string().min(1).max(80)).max(20).optional(),
});
export type Person = z.infer<typeof Person>;

export const Membership = z.strictObject({
  personId: z.string().min(1).max(64),
  panelId: z.string().min(1).max(80),
  role: PanelRole,
});
export type Membership = z.infer<typeof Membership>;

export function roleOn(memberships: Membership[], panelId: string): PanelRole | undefined {
  return memberships.find((m) => m.panelId === panelId)?.role;
}

export function canManagePanel(memberships: Membership[], panelId: string): boolean {
  return roleOn(memberships, panelId) === "coordinator";
}
