import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { presentersOf, type PresenterPlace } from "../../domain/cohort/case.js";
import type { Actor } from "../../domain/people/actor.js";
import { ALLOCATED_WORKER_FIELDS } from "../../domain/referrals/form.js";
import type { Referral } from "../../domain/referrals/referral.js";
import { localDay } from "../../domain/schedule/dates.js";
import type { Casework, StoredCase } from "../ports/casework.js";
import type { Directory, DirectoryChanges } from "../ports/directory.js";
import { auditPeople } from "./people-audit.js";

// Presenters come from the work: an accepted referral's referrer, and the allocated worker and
// manager its form named (000 §2, 001 "Case presentation"), present its case and get the presenter
// role on the panel for it; the role goes when the last case they present leaves the panel.

interface PresenterPorts {
  catalogue: Catalogue;
  directory: Directory & DirectoryChanges;
  casework: Casework;
  now: () => Date;
}

/**
 * Who presents an accepted referral's case, and which of them may be given the role: the
 * referrer when their agency is in the area (a transfer's referrer is the other area's
 * coordinator), and each named email that is one of the area's people, each with why they present.
 */
export async function presentersOfReferral(
  ports: Pick<PresenterPorts, "catalogue" | "directory">,
  referral: Referral,
): Promise<{ presenterIds: string[]; grantable: string[]; roles: PresenterPlace[] }> {
  const [workerField, managerField] = ALLOCATED_WORKER_FIELDS;
  const emailOf = (field: string): string | null => {
    const v = referral.values[field];
    return typeof v === "string" && v.trim() !== "" ? v.trim().toLowerCase() : null;
  };
  const wanted = [
    { email: emailOf(workerField), role: "worker" as const },
    { email: emailOf(managerField), role: "manager" as const },
  ].filter((w) => w.email !== null);
  const people = wanted.length ? await ports.directory.peopleIn(referral.areaId) : [];
  const namedRoles: PresenterPlace[] = wanted.flatMap((w) =>
    people.filter((p) => p.email.toLowerCase() === w.email).map((p) => ({ personId: p.id, role: w.role })),
  );
  const named = namedRoles.map((r) => r.personId);
  const referrer = referral.submitted.by;
  const referrerInArea = ports.catalogue.agencies.get(referral.referrer.agencyId)?.areaId === referral.areaId;
  return {
    presenterIds: [...new Set([referrer, ...named])],
    grantable: [...new Set([...(referrerInArea ? [referrer] : []), ...named])],
    roles: [{ personId: referrer, role: "referrer" }, ...namedRoles],
  };
}

/** Gives the presenter role to those with no role on the panel; nobody's role is lowered. */
export async function grantPresenters(
  ports: PresenterPorts,
  actor: Actor,
  panel: { id: string; areaId: string },
  personIds: string[],
  via: string,
): Promise<void> {
  if (!personIds.length) return;
  const members = await ports.directory.membersOf(panel.id);
  const newcomers = personIds.filter((id) => !members.some((m) => m.personId === id));
  for (const personId of newcomers)
    await ports.directory.setRole(
      { personId, panelId: panel.id, role: "presenter", deputyFor: null },
      actor.name,
    );
  if (newcomers.length)
    await auditPeople(
      ports,
      actor,
      panel.areaId,
      newcomers.map((personId) => ({ action: "role.granted", personId, panelId: panel.id })),
      via,
    );
}

/**
 * A case has left the panel: each of its presenters whose only place on the panel is presenting,
 * and who presents none of its other open cases, loses the presenter role there.
 */
export async function endPresenters(
  ports: PresenterPorts,
  actor: Actor,
  closed: StoredCase,
  via: string,
): Promise<void> {
  const presenters = presentersOf(closed);
  if (!presenters.length) return;
  const [members, open] = await Promise.all([
    ports.directory.membersOf(closed.panelId),
    ports.casework.casesAndDrift(closed.areaId, closed.panelId, localDay(ports.now())),
  ]);
  const stillPresenting = new Set(
    open.cases
      .filter((c) => c.value.status === "open" && c.value.subjectId !== closed.subjectId)
      .flatMap((c) => presentersOf(c.value)),
  );
  const leaving = presenters.filter(
    (id) => !stillPresenting.has(id) && members.some((m) => m.personId === id && m.role === "presenter"),
  );
  for (const personId of leaving) await ports.directory.removeRole(closed.panelId, personId);
  if (leaving.length)
    await auditPeople(
      ports,
      actor,
      closed.areaId,
      leaving.map((personId) => ({ action: "role.removed", personId, panelId: closed.panelId })),
      via,
    );
}
