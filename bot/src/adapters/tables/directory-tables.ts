import type { Directory } from "../../application/ports/directory.js";
import { keyOf } from "./entity-store.js";
import { peopleByIds, type Repositories } from "./repositories.js";

// The directory port over the People, Memberships and PanelMembers tables: a person by point
// read, their panels as one partition, a panel's members as one partition of the mirror table.

export function directoryTables(repos: Repositories): Directory {
  return {
    person: async (id) => (await repos.people.get("person", keyOf(id)))?.value,
    people: (ids) => peopleByIds(repos, ids),
    async approversIn(areaId) {
      const people = await repos.people.listPartition("person");
      return people.map((p) => p.value).filter((p) => p.approvesReferralsIn?.includes(areaId));
    },
    membershipsOf: async (personId) =>
      (await repos.memberships.listPartition(keyOf(personId))).map((m) => m.value),
    roleOn: async (panelId, personId) =>
      (await repos.panelMembers.get(keyOf(panelId), keyOf(personId)))?.value.role,
    membersOf: async (panelId) =>
      (await repos.panelMembers.listPartition(keyOf(panelId))).map((m) => m.value),
  };
}
