import { z } from "zod";
import type { PanelRole } from "../../../domain/people/membership.js";

// Asking to join a panel from the tab, and the coordinators' list of requests to decide. The
// application checks what each field holds; these check only the shape of what is sent.

export const AskForAccessBody = z.strictObject({
  panelId: z.string().max(80),
  agencyId: z.string().max(80),
  reason: z.string().max(2000),
  jobTitle: z.string().max(400).optional(),
});
export type AskForAccessBody = z.infer<typeof AskForAccessBody>;

export const AccessDecisionBody = z.union([
  z.strictObject({ approve: z.string().max(40) }),
  z.strictObject({ decline: z.string().max(2000) }),
]);
export type AccessDecisionBody = z.infer<typeof AccessDecisionBody>;

export interface WhoToAskResponse {
  /** Already on a panel (or administering an area): nothing to ask. */
  hasAccess: boolean;
  /** Whether `areas` is the person's own area rather than every area. */
  areaKnown: boolean;
  areas: {
    id: string;
    name: string;
    panels: { id: string; name: string; coordinators: string[] }[];
    agencies: { id: string; name: string }[];
  }[];
  asked: { panelId: string; panelName: string; at: string }[];
}

export interface AccessRequestView {
  /** What a decision is sent to: /api/access-requests/{id}/decision. */
  id: string;
  areaId: string;
  panelId: string;
  panelName: string;
  displayName: string;
  email: string;
  agency: string;
  jobTitle: string;
  reason: string;
  at: string;
  status: "open" | "approved" | "declined";
  decided: { byName: string; at: string; role: PanelRole | null; reason: string | null } | null;
}

export interface AccessRequestsResponse {
  requests: AccessRequestView[];
}
