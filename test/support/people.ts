import type { Person } from "../../bot/src/domain/people/membership.js";
import { DEMO_MEMBERSHIPS, DEMO_PEOPLE } from "../../bot/src/seed/demo-people.js";

/** The one demo person with `role` on `panelId` (from `agencyId`, where several hold it). */
function holder(panelId: string, role: string, agencyId?: string): Person {
  const found = DEMO_PEOPLE.filter(
    (p) =>
      (agencyId === undefined || p.agencyId === agencyId) &&
      DEMO_MEMBERSHIPS.some((m) => m.personId === p.id && m.panelId === panelId && m.role === role),
  );
  const [person] = found;
  if (!person || found.length > 1)
    throw new Error(
      `the demo data has ${found.length} ${role}s of ${panelId}${agencyId ? ` from ${agencyId}` : ""}`,
    );
  return person;
}

function named(displayName: string): Person {
  const person = DEMO_PEOPLE.find((p) => p.displayName === displayName);
  if (!person) throw new Error(`${displayName} is not one of the demo people`);
  return person;
}

/** The invented demo people, named by the part they play in the tests. */
export const PEOPLE = {
  mertonCoordinator: holder("merton-pre-mace", "coordinator"),
  mertonChair: holder("merton-pre-mace", "chair"),
  mertonSocialWorker: holder("merton-pre-mace", "presenter"),
  mertonPoliceOfficer: holder("merton-pre-mace", "member", "mer-police"),
  mertonNurse: holder("merton-pre-mace", "member", "mer-health"),
  mertonEducationLead: holder("merton-pre-mace", "member", "mer-education"),
  mertonAnalyst: holder("merton-pre-mace", "analyst"),
  lambethCoordinator: holder("lambeth-mave", "coordinator"),
  lambethPractitioner: holder("lambeth-mave", "presenter"),
  lambethManager: holder("lambeth-mave", "member"),
  wandsworthCoordinator: holder("wandsworth-marve", "coordinator"),
  wandsworthPoliceOfficer: holder("wandsworth-marve", "member", "wan-police"),
  wandsworthSocialWorker: named("Sade Okonjo"),
  wandsworthTeamManager: named("Mina Halvorsen"),
  mertonAdministrator: named("Ines Dalgaard"),
  lambethAdministrator: named("Rhodri Pennant"),
};

/** A demo person as the one doing something, found by name: "Priya Okafor". */
export function demoActor(displayName: string): { id: string; name: string } {
  const person = DEMO_PEOPLE.find((p) => p.displayName === displayName);
  if (!person) throw new Error(`${displayName} is not one of the demo people`);
  return { id: person.id, name: person.displayName };
}
