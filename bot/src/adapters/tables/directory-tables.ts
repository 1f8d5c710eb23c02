import { z } from "zod";
import type { Directory, DirectoryChanges, PersonAccess } from "../../application/ports/directory.js";
import { Person } from "../../domain/people/membership.js";
import { EntityStore, isStatus, keyOf } from "./entity-store.js";
import { peopleByIds, repositories } from "./repositories.js";
import { TABLES, type TableFactory } from "./storage.js";

// The directory ports over People, Memberships and PanelMembers. A person's partition of
// Memberships holds everything that decides what they may do (their record, their panels and the
// areas they administer), so an access decision is one query whatever the number of people. The
// mirrors serve the other direction: a panel's members, an area's administrators and its people.

const AdminRow = z.strictObject({ areaId: z.string().max(80), personId: z.string().max(64) });
type AdminRow = z.infer<typeof AdminRow>;

const PROFILE = "~profile";
const ADMIN = "~admin|";

export function directoryTables(tables: TableFactory): Directory & DirectoryChanges {
  const repos = repositories(tables);
  const memberships = tables(TABLES.memberships);
  const profiles = new EntityStore(memberships, Person, (p) => ({
    partitionKey: keyOf(p.id),
    rowKey: PROFILE,
  }));
  const administers = new EntityStore(memberships, AdminRow, (a) => ({
    partitionKey: keyOf(a.personId),
    rowKey: `${ADMIN}${keyOf(a.areaId)}`,
  }));
  const areaAdministrators = new EntityStore(tables(TABLES.panelMembers), AdminRow, (a) => ({
    partitionKey: `admins|${keyOf(a.areaId)}`,
    rowKey: keyOf(a.personId),
  }));
  const areaPeople = (areaId: string) =>
    new EntityStore(tables(TABLES.people), Person, (p) => ({
      partitionKey: `area|${keyOf(areaId)}`,
      rowKey: keyOf(p.id),
    }));
  const gone = (e: unknown) => {
    if (!isStatus(e, 404)) throw e;
  };

  async function accessOf(personId: string): Promise<PersonAccess> {
    const found: PersonAccess = { person: undefined, memberships: [], administers: [] };
    const filter = `PartitionKey eq '${keyOf(personId).replace(/'/g, "''")}'`;
    for await (const entity of memberships.listEntities({ queryOptions: { filter } })) {
      const row = String(entity.rowKey);
      if (row === PROFILE) found.person = profiles.fromEntity(entity).value;
      else if (row.startsWith(ADMIN)) found.administers.push(administers.fromEntity(entity).value.areaId);
      else found.memberships.push(repos.memberships.fromEntity(entity).value);
    }
    return found;
  }

  return {
    person: async (id) => (await repos.people.get("person", keyOf(id)))?.value,
    people: (ids) => peopleByIds(repos, ids),
    async approversIn(areaId) {
      return (await areaPeople(areaId).listPartition(`area|${keyOf(areaId)}`))
        .map((p) => p.value)
        .filter((p) => p.approvesReferralsIn?.includes(areaId) && !p.suspended);
    },
    membershipsOf: async (personId) => (await accessOf(personId)).memberships,
    accessOf,
    membersOf: async (panelId) =>
      (await repos.panelMembers.listPartition(keyOf(panelId))).map((m) => m.value),
    peopleIn: async (areaId) =>
      (await areaPeople(areaId).listPartition(`area|${keyOf(areaId)}`)).map((p) => p.value),
    administratorsOf: async (areaId) =>
      (await areaAdministrators.listPartition(`admins|${keyOf(areaId)}`)).map((a) => a.value.personId),

    // Each change writes the person's own partition first: that is what access decisions read.
    async savePerson(person, areaId, by, previousAreaId) {
      await profiles.upsert(person, by);
      await repos.people.upsert(person, by);
      await areaPeople(areaId).upsert(person, by);
      if (previousAreaId && previousAreaId !== areaId)
        await tables(TABLES.people)
          .deleteEntity(`area|${keyOf(previousAreaId)}`, keyOf(person.id))
          .catch(gone);
    },
    async setRole(membership, by) {
      await repos.memberships.upsert(membership, by);
      await repos.panelMembers.upsert(membership, by);
    },
    async removeRole(panelId, personId) {
      await memberships.deleteEntity(keyOf(personId), keyOf(panelId)).catch(gone);
      await tables(TABLES.panelMembers).deleteEntity(keyOf(panelId), keyOf(personId)).catch(gone);
    },
    async setAdministrator(areaId, personId, administrator, by) {
      const row: AdminRow = { areaId, personId };
      if (administrator) {
        await administers.upsert(row, by);
        await areaAdministrators.upsert(row, by);
        return;
      }
      await memberships.deleteEntity(keyOf(personId), `${ADMIN}${keyOf(areaId)}`).catch(gone);
      await tables(TABLES.panelMembers)
        .deleteEntity(`admins|${keyOf(areaId)}`, keyOf(personId))
        .catch(gone);
    },
  };
}
