import { directoryTables } from "../bot/src/adapters/tables/directory-tables.js";
import { TABLES, tableFactory } from "../bot/src/adapters/tables/storage.js";
import { accessPanel } from "../bot/src/application/access/panel-access.js";
import type { Catalogue } from "../bot/src/domain/catalogue/catalogue.js";
import type { PanelRole, Person } from "../bot/src/domain/people/membership.js";
import { roundTripCounter } from "../scripts/lib/round-trips.js";

// Deciding a request's access must cost one storage round trip (the person's own partition)
// whatever the number of people and panels: measured with 10,000 people across every panel.

const PEOPLE = 10_000;
/** Writes in flight while the directory fills; Azurite keeps up with this many. */
const IN_FLIGHT = 64;
const ROLES: PanelRole[] = ["member", "presenter", "chair"];

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Adds the invented people through the directory's own changes, as the People page does. */
async function fillDirectory(catalogue: Catalogue, connection: string): Promise<void> {
  const directory = directoryTables(
    tableFactory({ kind: "connection-string", connectionString: connection }),
  );
  const panels = [...catalogue.panels.values()];
  const agencies = [...catalogue.agencies.values()];
  const addOne = async (n: number) => {
    const panel = panels[n % panels.length];
    const agency = agencies.find((a) => a.areaId === panel?.areaId);
    if (!panel || !agency) throw new Error("the catalogue has a panel without an agency in its area");
    const person: Person = {
      id: `bench-person-${String(n).padStart(5, "0")}`,
      displayName: `Bench Person ${n}`,
      email: `bench.person.${n}@bench.example`,
      jobTitle: "Practitioner",
      agencyId: agency.id,
    };
    await directory.savePerson(person, panel.areaId, "bench");
    await directory.setRole(
      { personId: person.id, panelId: panel.id, role: ROLES[n % ROLES.length] ?? "member", deputyFor: null },
      "bench",
    );
  };
  let next = 0;
  const worker = async () => {
    while (next < PEOPLE) {
      const n = next++;
      await addOne(n);
      if ((n + 1) % 1000 === 0) console.log(`  ${n + 1}/${PEOPLE} people added`);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
}

/**
 * One access decision (a member opening Merton pre-MACE) through the real Tables adapter, counted,
 * and its time as a ratio to one raw Azurite round trip measured interleaved.
 */
export async function accessDecisionCost(
  catalogue: Catalogue,
  connection: string,
  memberId: string,
  runs: number,
): Promise<void> {
  console.log(
    `\nAccess decision (a member opening Merton pre-MACE, ${PEOPLE.toLocaleString("en-GB")} people)`,
  );
  const started = Date.now();
  await fillDirectory(catalogue, connection);
  console.log(`  directory filled in ${Math.round((Date.now() - started) / 1000)} s`);

  const trips = roundTripCounter();
  const counted = tableFactory({ kind: "connection-string", connectionString: connection }, trips.options);
  const ports = { catalogue, directory: directoryTables(counted) };
  const panels = counted(TABLES.panels);
  const raw: number[] = [];
  const decide: number[] = [];
  const perDecision: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = process.hrtime.bigint();
    await panels.getEntity("merton", "merton-pre-mace");
    raw.push(Number(process.hrtime.bigint() - t));

    const before = trips.count();
    t = process.hrtime.bigint();
    const access = await accessPanel(ports, memberId, "merton-pre-mace");
    decide.push(Number(process.hrtime.bigint() - t));
    perDecision.push(trips.count() - before);
    if (access.role !== "member") throw new Error(`the benchmark's member is ${access.role} here`);
  }
  const most = Math.max(...perDecision);
  console.log(`  storage round trips per decision: ${most} at most (goal: 1)`);
  console.log(
    `  server time: ${(median(decide) / median(raw)).toFixed(1)} × one raw Azurite round trip (medians of ${runs})`,
  );
  if (most > 1) process.exitCode = 1;
}
