import type { Directory, DirectoryChanges } from "../../../bot/src/application/ports/directory.js";
import { loadCatalogue } from "../../../bot/src/adapters/config-files/catalogue-files.js";
import { Membership, Person } from "../../../bot/src/domain/people/membership.js";
import { DEMO_MEMBERSHIPS, DEMO_PEOPLE } from "../../../bot/src/seed/demo-people.js";
import { Calls, FakeTable, keyOf } from "./records.js";

// The directory ports in memory, keyed as directory-tables.ts keys People, Memberships and
// PanelMembers, so people and members come back in the same order: a person's own partition
// holds their record, panels and areas administered; the mirrors list a panel's members, an
// area's administrators and its people.

export interface FakeDirectory extends Directory, DirectoryChanges {
  readonly calls: Calls;
  /** Adds (or replaces) people and their places on panels, as the demo import does. */
  seed(people: Person[], memberships: Membership[]): void;
}

const PROFILE = "~profile";
const ADMIN = "~admin|";
const areas = new Map([...loadCatalogue("bot/config/areas").agencies.values()].map((a) => [a.id, a.areaId]));

export function fakeDirectory(now: () => Date): FakeDirectory {
  const people = new FakeTable(now);
  const byPerson = new FakeTable(now);
  const byPanel = new FakeTable(now);
  const calls = new Calls();
  const counted = <T>(name: string, answer: () => T): Promise<T> => {
    calls.count(name);
    return Promise.resolve(answer());
  };
  const upsert = (table: FakeTable, pk: string, rk: string, value: object, by: string) =>
    table.write({ op: "upsert", pk, rk, value, by });
  const remove = (table: FakeTable, pk: string, rk: string) => {
    if (table.get(pk, rk)) table.transact([{ op: "delete", pk, rk }]);
  };

  const writePerson = (person: Person, areaId: string, by: string, previousAreaId?: string) => {
    const p = Person.parse(person);
    upsert(byPerson, keyOf(p.id), PROFILE, p, by);
    upsert(people, "person", keyOf(p.id), p, by);
    upsert(people, `area|${keyOf(areaId)}`, keyOf(p.id), p, by);
    if (previousAreaId && previousAreaId !== areaId)
      remove(people, `area|${keyOf(previousAreaId)}`, keyOf(p.id));
  };
  const writeRole = (membership: Membership, by: string) => {
    const m = Membership.parse(membership);
    upsert(byPerson, keyOf(m.personId), keyOf(m.panelId), m, by);
    upsert(byPanel, keyOf(m.panelId), keyOf(m.personId), m, by);
  };
  const changes: DirectoryChanges = {
    savePerson: (person, areaId, by, previousAreaId) =>
      counted("savePerson", () => writePerson(person, areaId, by, previousAreaId)),
    setRole: (membership, by) => counted("setRole", () => writeRole(membership, by)),
    removeRole: (panelId, personId) =>
      counted("removeRole", () => {
        remove(byPerson, keyOf(personId), keyOf(panelId));
        remove(byPanel, keyOf(panelId), keyOf(personId));
      }),
    setAdministrator: (areaId, personId, administrator, by) =>
      counted("setAdministrator", () => {
        const row = { areaId, personId };
        if (administrator) {
          upsert(byPerson, keyOf(personId), `${ADMIN}${keyOf(areaId)}`, row, by);
          upsert(byPanel, `admins|${keyOf(areaId)}`, keyOf(personId), row, by);
        } else {
          remove(byPerson, keyOf(personId), `${ADMIN}${keyOf(areaId)}`);
          remove(byPanel, `admins|${keyOf(areaId)}`, keyOf(personId));
        }
      }),
  };
  const everyoneIn = (areaId: string) => people.list<Person>(`area|${keyOf(areaId)}`).map((p) => p.value);
  const panelRows = (personId: string) =>
    byPerson.list<Membership>(keyOf(personId), (rk) => !rk.startsWith("~")).map((m) => m.value);

  return {
    calls,
    ...changes,
    seed(added, memberships) {
      for (const p of added) writePerson(p, areas.get(p.agencyId) ?? "", "seed");
      for (const m of memberships) writeRole(m, "seed");
    },
    person: (id) => counted("person", () => people.get<Person>("person", keyOf(id))?.value),
    people: (ids) =>
      counted(
        "people",
        () =>
          new Map(
            people
              .list<Person>("person")
              .map((p) => p.value)
              .filter((p) => ids.includes(p.id))
              .map((p) => [p.id, p]),
          ),
      ),
    approversIn: (areaId) =>
      counted("approversIn", () =>
        everyoneIn(areaId).filter((p) => p.approvesReferralsIn?.includes(areaId) && !p.suspended),
      ),
    membershipsOf: (personId) => counted("membershipsOf", () => panelRows(personId)),
    accessOf: (personId) =>
      counted("accessOf", () => ({
        person: byPerson.get<Person>(keyOf(personId), PROFILE)?.value,
        memberships: panelRows(personId),
        administers: byPerson.range<{ areaId: string }>(keyOf(personId), ADMIN).map((r) => r.value.areaId),
      })),
    membersOf: (panelId) =>
      counted("membersOf", () => byPanel.list<Membership>(keyOf(panelId)).map((m) => m.value)),
    peopleIn: (areaId) => counted("peopleIn", () => everyoneIn(areaId)),
    administratorsOf: (areaId) =>
      counted("administratorsOf", () =>
        byPanel.list<{ personId: string }>(`admins|${keyOf(areaId)}`).map((a) => a.value.personId),
      ),
  };
}

/** A directory holding the invented demo people and their panels. */
export function demoDirectory(now: () => Date): FakeDirectory {
  const directory = fakeDirectory(now);
  directory.seed(DEMO_PEOPLE, DEMO_MEMBERSHIPS);
  return directory;
}
