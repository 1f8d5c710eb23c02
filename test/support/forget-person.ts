import { directoryTables } from "../../bot/src/adapters/tables/directory-tables.js";
import { keyOf } from "../../bot/src/adapters/tables/entity-store.js";
import { TABLES, tableFactory } from "../../bot/src/adapters/tables/storage.js";
import { azurite } from "./azurite.js";

/**
 * Takes someone a suite added out of the shared Azurite again (their role on a panel and their
 * directory record), so that later suites see only the demo people.
 */
export async function forgetPerson(personId: string, areaId: string, panelId: string): Promise<void> {
  const tables = tableFactory({
    kind: "connection-string",
    connectionString: (await azurite()).connectionString,
  });
  await directoryTables(tables).removeRole(panelId, personId);
  const rows: [(typeof TABLES)[keyof typeof TABLES], string, string][] = [
    [TABLES.memberships, keyOf(personId), "~profile"],
    [TABLES.people, "person", keyOf(personId)],
    [TABLES.people, `area|${keyOf(areaId)}`, keyOf(personId)],
  ];
  for (const [table, pk, rk] of rows)
    await tables(table)
      .deleteEntity(pk, rk)
      .catch(() => undefined);
}
