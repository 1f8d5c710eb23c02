import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { PanelRole } from "../../domain/people/membership.js";
import type { RegisterItem } from "../../domain/strategic/register-item.js";
import { Refusal } from "../../domain/refusal.js";
import type { Directory } from "../ports/directory.js";
import { accessPanel, type PanelAccess } from "./panel-access.js";

// Who may use a strategic panel's register and forward plan. Its members (not presenters, who
// see only the cases they present, nor analysts) read both and raise entries; its coordinators
// and chairs lead it: they review entries at a meeting, pass one to another owner and close it,
// as the entry's owner may review and close their own; only coordinators keep the forward plan.
// An operational panel's coordinators and chairs raise an entry from an escalation they decided,
// on their area's strategic panel, whether or not they sit on it.

export type RegisterUse = "read" | "raise" | "plan";

const READERS: readonly PanelRole[] = ["coordinator", "chair", "member", "deputy"];
const LEADS: readonly PanelRole[] = ["coordinator", "chair"];

/** Whether a role reads the register and forward plan: on the Register page and on the agenda alike. */
export const readsRegister = (role: PanelRole): boolean => READERS.includes(role);

/** Whether a role leads the register: reviews, passes on and closes any entry. */
export const leadsRegister = (role: PanelRole): boolean => LEADS.includes(role);

/** Who may review or close an entry: its leads, and the entry's own owner. */
export const mayReviewItem = (role: PanelRole, personId: string, item: RegisterItem): boolean =>
  leadsRegister(role) || item.ownerId === personId;

/** Whether someone with this role may be given an entry to own: a member of the strategic panel. */
export const mayOwnItem = (role: PanelRole | undefined): boolean => !!role && READERS.includes(role);

const notStrategic = () =>
  new Refusal("not-found", "This panel keeps no register: only a strategic MACE does.", {
    code: "not-strategic",
  });

/** The strategic panel named and the person's place on it; anyone not allowed `use` is refused. */
export async function accessRegister(
  ports: { catalogue: Catalogue; directory: Directory },
  personId: string,
  panelId: unknown,
  use: RegisterUse,
): Promise<PanelAccess> {
  const access = await accessPanel(ports, personId, panelId, use === "plan" ? "coordinators" : "members");
  if (access.panel.tier !== "strategic") throw notStrategic();
  if (!readsRegister(access.role))
    throw new Refusal(
      "not-allowed",
      "The register is for the strategic panel's members. A presenter sees only the cases they present.",
      { code: "members-only" },
    );
  return access;
}

/** Refuses anyone who may not review or close this entry, saying who can. */
export function refuseUnlessReviewer(access: PanelAccess, personId: string, item: RegisterItem): void {
  if (!mayReviewItem(access.role, personId, item))
    throw new Refusal(
      "not-allowed",
      `Only the panel's coordinators and chairs, or the entry's owner (${item.ownerName}), can do this.`,
      { code: "leads-or-owner-only" },
    );
}

/** Refuses anyone but the panel's coordinators and chairs. */
export function refuseUnlessLead(access: PanelAccess): void {
  if (!leadsRegister(access.role))
    throw new Refusal(
      "not-allowed",
      "Only the panel's coordinators and chairs can pass an entry to another owner.",
      {
        code: "leads-only",
      },
    );
}

/** The area's strategic panel, if it has one. */
export const strategicPanelOf = (catalogue: Catalogue, areaId: string) =>
  [...catalogue.panels.values()].find((p) => p.areaId === areaId && p.tier === "strategic");

/**
 * An operational panel's coordinator or chair, raising an entry from an escalation they decided:
 * the operational panel and the area's strategic panel, or a refusal saying why not.
 */
export async function accessEscalation(
  ports: { catalogue: Catalogue; directory: Directory },
  personId: string,
  panelId: unknown,
) {
  const access = await accessPanel(ports, personId, panelId, "members");
  if (!leadsRegister(access.role))
    throw new Refusal(
      "not-allowed",
      "Only the panel's coordinators and chairs can raise an escalation on the strategic register.",
      { code: "leads-only" },
    );
  const strategic = strategicPanelOf(ports.catalogue, access.panel.areaId);
  if (!strategic || strategic.id === access.panel.id)
    throw new Refusal("not-found", "This area has no strategic MACE to raise it with.", {
      code: "no-strategic-panel",
    });
  return { ...access, strategic };
}
