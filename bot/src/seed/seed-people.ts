import type { PeopleDesk } from "../application/people/people-desk.js";
import { DEMO_PEOPLE_FILES } from "./demo-people.js";

/**
 * Adds the invented demo people through the import a real administrator runs, as each area's
 * first administrator; importing twice changes nothing.
 */
export async function seedDemoPeople(
  people: PeopleDesk,
  administrators: Map<string, string[]>,
): Promise<void> {
  for (const { areaId, text } of DEMO_PEOPLE_FILES) {
    const [administrator] = administrators.get(areaId) ?? [];
    if (!administrator)
      throw new Error(`The demo people of ${areaId} need its administrator in AREA_ADMINISTRATORS`);
    const result = await people.applyImport(
      { id: administrator, name: "Demo import" },
      areaId,
      text,
      undefined,
    );
    if (result.counts.problem) {
      const problems = result.rows
        .filter((r) => r.problems.length)
        .map((r) => `line ${r.line}: ${r.problems.join("; ")}`);
      throw new Error(`The demo people of ${areaId} did not import:\n  ${problems.join("\n  ")}`);
    }
  }
}
