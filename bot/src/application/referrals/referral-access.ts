import { DateTime } from "luxon";
import { z } from "zod";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { ReferralKind, referredElsewhere, type Panel } from "../../domain/catalogue/panel.js";
import type { Person } from "../../domain/people/membership.js";
import { reachedPanel, type Referral } from "../../domain/referrals/referral.js";
import { PanelIdInput, roleOnPanel } from "../access/panel-access.js";
import type { Directory } from "../ports/directory.js";
import type { Versioned } from "../ports/versioned.js";
import { Refusal } from "../../domain/refusal.js";
import type { ReferralPorts } from "./referral-ports.js";

// Who may do what with a referral: practitioners in a panel's referring agencies refer to it; its
// coordinators list and triage; the referrer, the named manager and the coordinators read one.

export const ReferralIdInput = z.uuid();

export type PanelInArea = Panel & { areaId: string };

export function panelOf(catalogue: Catalogue, panelId: unknown): PanelInArea {
  const parsed = PanelIdInput.safeParse(panelId);
  const panel = parsed.success ? catalogue.panels.get(parsed.data) : undefined;
  if (!panel) throw new Refusal("not-found", "There is no such panel. Start the referral again.");
  return panel;
}

export function areaOf(catalogue: Catalogue, areaId: string) {
  const area = catalogue.areas.find((a) => a.id === areaId);
  if (!area) throw new Refusal("not-found", "There is no such area.");
  return area;
}

export function kindOf(raw: unknown): ReferralKind {
  const kind = ReferralKind.safeParse(raw);
  if (!kind.success) throw new Refusal("invalid", "Choose what kind of referral to make.");
  return kind.data;
}

export function takesKind(panel: PanelInArea, kind: ReferralKind): void {
  if (!panel.referralRules?.kinds.includes(kind))
    throw new Refusal(
      "invalid",
      referredElsewhere(panel.referralRules, kind) ?? `${panel.name} does not take this kind of referral.`,
    );
}

export const notInDirectory = () =>
  new Refusal(
    "not-allowed",
    "You are not in the MACE panels directory yet. Ask your panel coordinator to add you.",
  );

export async function personOf(ports: Pick<ReferralPorts, "directory">, id: string): Promise<Person> {
  const found = await ports.directory.person(id);
  if (!found) throw notInDirectory();
  return found;
}

/** Panels this person may refer to: their agency is one of the panel area's referring agencies. */
export function referablePanels(catalogue: Catalogue, person: Person): PanelInArea[] {
  const agency = catalogue.agencies.get(person.agencyId);
  if (!agency) return [];
  return [...catalogue.panels.values()].filter(
    (p) => p.areaId === agency.areaId && p.referralRules?.referringAgencyKinds.includes(agency.kind),
  );
}

export function mayRefer(catalogue: Catalogue, person: Person, panel: PanelInArea): void {
  if (!referablePanels(catalogue, person).some((p) => p.id === panel.id))
    throw new Refusal(
      "not-allowed",
      `Only practitioners in ${panel.name}'s referring agencies can refer to it. Ask your panel coordinator if you think you should be able to.`,
    );
}

export async function requireCoordinator(
  ports: Pick<ReferralPorts, "directory">,
  personId: string,
  panel: Panel,
): Promise<void> {
  if ((await roleOnPanel(ports, personId, panel.id)) !== "coordinator")
    throw new Refusal("not-allowed", `Only ${panel.name}'s coordinators can triage its referrals.`);
}

export { reachedPanel } from "../../domain/referrals/referral.js";

export const noSuchReferral = () => new Refusal("not-found", "There is no such referral on this panel.");

export const changedBy = (reference: string, current: { updatedBy: string; updatedAt: string }) =>
  new Refusal(
    "conflict",
    `${reference} was changed by ${current.updatedBy} at ${DateTime.fromISO(current.updatedAt, { zone: "Europe/London" }).toFormat("HH:mm")}. Reload and try again.`,
    { changedBy: { name: current.updatedBy, at: current.updatedAt } },
  );

/**
 * The stored referral as this person may see it: its referrer, its named manager, or (once it has
 * reached the panel) the panel's coordinators. Anyone else is told it does not exist, exactly as
 * for an id that does not: the version is compared only after that, so it reveals nothing.
 */
export async function visibleReferral(
  ports: Pick<ReferralPorts, "casework"> & { directory: Directory },
  actor: { id: string },
  panel: PanelInArea,
  referralId: unknown,
  version?: string,
): Promise<Versioned<Referral>> {
  const found = await storedReferral(ports, panel, referralId);
  const r = found.value;
  if (r.submitted.by !== actor.id && r.managerId !== actor.id) {
    const coordinator = (await roleOnPanel(ports, actor.id, panel.id)) === "coordinator";
    if (!coordinator || !reachedPanel(r)) throw noSuchReferral();
  }
  if (version !== undefined && version !== found.etag) throw changedBy(r.reference, found);
  return found;
}

/** The stored referral; with `version`, refused if it changed since that version was read. */
export async function storedReferral(
  ports: Pick<ReferralPorts, "casework">,
  panel: PanelInArea,
  referralId: unknown,
  version?: string,
): Promise<Versioned<Referral>> {
  const id = ReferralIdInput.safeParse(referralId);
  const found = id.success ? await ports.casework.referral(panel.areaId, panel.id, id.data) : undefined;
  if (!found) throw noSuchReferral();
  if (version !== undefined && version !== found.etag) throw changedBy(found.value.reference, found);
  return found;
}
