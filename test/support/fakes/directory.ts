import type { Directory } from "../../../bot/src/application/ports/directory.js";
import { Membership, Person } from "../../../bot/src/domain/people/membership.js";
import { DEMO_MEMBERSHIPS, DEMO_PEOPLE } from "../../../bot/src/seed/demo-people.js";
import { Calls, FakeTable, keyOf } from "./records.js";

// The directory port in memory, keyed as directory-tables.ts keys People, Memberships and
// PanelMembers, so people and members come back in the same order.

export interface FakeDirectory extends Directory {
  readonly calls: Calls;
  /** Adds (or replaces) people and their places on panels, as the seed does. */
  seed(people: Person[], memberships: Membership[]): void;
}

export function fakeDirectory(now: () => Date): FakeDirectory {
  const people = new FakeTable(now);
  const byPerson = new FakeTable(now);
  const byPanel = new FakeTable(now);
  const calls = new Calls();
  const counted = <T>(name: string, answer: () => T): Promise<T> => {
    calls.count(name);
    return Promise.resolve(answer());
  };
  const everyone = () => people.list<Person>("person").map((p) => p.value);

  return {
    calls,
    seed(added, memberships) {
      for (const p of added)
        people.write({ op: "upsert", pk: "person", rk: keyOf(p.id), value: Person.parse(p), by: "seed" });
      for (const m of memberships.map((x) => Membership.parse(x))) {
        byPerson.write({ op: "upsert", pk: keyOf(m.personId), rk: keyOf(m.panelId), value: m, by: "seed" });
        byPanel.write({ op: "upsert", pk: keyOf(m.panelId), rk: keyOf(m.personId), value: m, by: "seed" });
      }
    },
    person: (id) => counted("person", () => people.get<Person>("person", keyOf(id))?.value),
    people: (ids) =>
      counted(
        "people",
        () =>
          new Map(
            everyone()
              .filter((p) => ids.includes(p.id))
              .map((p) => [p.id, p]),
          ),
      ),
    approversIn: (areaId) =>
      counted("approversIn", () => everyone().filter((p) => p.approvesReferralsIn?.includes(areaId))),
    membershipsOf: (personId) =>
      counted("membershipsOf", () => byPerson.list<Membership>(keyOf(personId)).map((m) => m.value)),
    roleOn: (panelId, personId) =>
      counted("roleOn", () => byPanel.get<Membership>(keyOf(panelId), keyOf(personId))?.value.role),
    membersOf: (panelId) =>
      counted("membersOf", () => byPanel.list<Membership>(keyOf(panelId)).map((m) => m.value)),
  };
}

/** A directory holding the invented demo people and their panels. */
export function demoDirectory(now: () => Date): FakeDirectory {
  const directory = fakeDirectory(now);
  directory.seed(DEMO_PEOPLE, DEMO_MEMBERSHIPS);
  return directory;
}
