import { randomUUID } from "node:crypto";
import { directoryTables } from "../../bot/src/adapters/tables/directory-tables.js";
import { tableFactory } from "../../bot/src/adapters/tables/storage.js";
import type { Person } from "../../bot/src/domain/people/membership.js";
import { azurite } from "./azurite.js";

/**
 * A Merton social worker no other suite knows, presenting on pre-MACE: in the shared Azurite the
 * demo practitioners' own referrals include every suite's, this one's only what a suite makes.
 * `forgetPerson(id, "merton", "merton-pre-mace")` takes them out again.
 */
export async function newMertonPractitioner(displayName: string): Promise<Person> {
  const tables = tableFactory({
    kind: "connection-string",
    connectionString: (await azurite()).connectionString,
  });
  const directory = directoryTables(tables);
  const person: Person = {
    id: randomUUID(),
    displayName,
    email: `${displayName.toLowerCase().replace(/\W+/g, ".")}@merton.example`,
    jobTitle: "Social worker, Contextual Harm team",
    agencyId: "mer-csc",
  };
  await directory.savePerson(person, "merton", "test");
  await directory.setRole({ personId: person.id, panelId: "merton-pre-mace", role: "presenter" }, "test");
  return person;
}
