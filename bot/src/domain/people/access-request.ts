import { z } from "zod";
import { PanelRole } from "./membership.js";

// Someone not yet on a panel asks to join it: for one panel, as a member of one of its area's
// agencies, saying why. The panel's coordinators (or the area's administrators) approve it with a
// role, or decline it with a reason. One request per person and panel is open at a time.

export const ACCESS_REASON_MAX = 500;

export const AccessRequest = z.strictObject({
  areaId: z.string().max(80),
  panelId: z.string().max(80),
  agencyId: z.string().max(80),
  /** The requester's Entra object id, and their name and email as Teams gives them. */
  personId: z.string().min(1).max(64),
  displayName: z.string().min(1).max(120),
  email: z.email().max(200),
  jobTitle: z.string().max(120),
  reason: z.string().min(1).max(ACCESS_REASON_MAX),
  at: z.iso.datetime(),
  status: z.enum(["open", "approved", "declined"]),
  decided: z
    .strictObject({
      byId: z.string().max(64),
      byName: z.string().max(256),
      at: z.iso.datetime(),
      role: PanelRole.nullable(),
      reason: z.string().max(ACCESS_REASON_MAX).nullable(),
    })
    .nullable(),
});
export type AccessRequest = z.infer<typeof AccessRequest>;

/** How a request is named in cards and links: one open request per panel and person. */
export const accessRequestId = (r: Pick<AccessRequest, "panelId" | "personId">): string =>
  `${r.panelId}~${r.personId}`;

export function parseAccessRequestId(raw: unknown): { panelId: string; personId: string } | undefined {
  const match = typeof raw === "string" ? /^([a-z0-9-]{1,80})~([^~]{1,64})$/.exec(raw) : null;
  return match ? { panelId: match[1] ?? "", personId: match[2] ?? "" } : undefined;
}

/** Roles a request can be approved with; a deputy is named for a member on the People page. */
export const APPROVABLE_ROLES = ["member", "presenter", "chair", "coordinator"] as const;
