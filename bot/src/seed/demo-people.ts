import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readPeopleCsv } from "../application/people/people-csv.js";
import type { Membership, PanelRole, Person } from "../domain/people/membership.js";

// Invented people for local demos and tests, one import file per area (`people/<area>.csv`), read
// by the same import a real administrator runs. None is a real officer from the source documents.

const FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), "people");

/** Each area's import file, as an administrator would upload it. */
export const DEMO_PEOPLE_FILES: { areaId: string; text: string }[] = readdirSync(FOLDER)
  .filter((f) => f.endsWith(".csv"))
  .sort()
  .map((f) => ({ areaId: f.replace(/\.csv$/, ""), text: readFileSync(path.join(FOLDER, f), "utf8") }));

const rows = DEMO_PEOPLE_FILES.flatMap(({ areaId, text }) =>
  readPeopleCsv(text).map((r) => ({ ...r, areaId })),
);

export const DEMO_PEOPLE: Person[] = [...new Map(rows.map((r) => [r.objectId, r])).values()].map((r) => ({
  id: r.objectId,
  displayName: r.displayName,
  email: r.email,
  jobTitle: r.jobTitle,
  agencyId: r.agency,
  ...(r.approvesReferrals === "yes" ? { approvesReferralsIn: [r.areaId] } : {}),
}));

export const DEMO_MEMBERSHIPS: Membership[] = rows
  .filter((r) => r.panel)
  .map((r) => ({ personId: r.objectId, panelId: r.panel, role: r.role as PanelRole }));

/** The demo areas' first administrators (invented), by object id. */
export const DEMO_ADMINISTRATORS = new Map([
  ["merton", ["00000000-0000-4000-8000-000000000111"]],
  ["lambeth", ["00000000-0000-4000-8000-000000000112"]],
  ["staffordshire", ["00000000-0000-4000-8000-000000000113"]],
  ["wandsworth", ["00000000-0000-4000-8000-000000000506"]],
]);

/** The same, as a deployment names them in AREA_ADMINISTRATORS. */
export const DEMO_AREA_ADMINISTRATORS = [...DEMO_ADMINISTRATORS]
  .map(([area, ids]) => `${area}:${ids.join(",")}`)
  .join(";");
