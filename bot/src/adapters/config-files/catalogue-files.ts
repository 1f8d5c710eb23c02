import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  buildCatalogue,
  CatalogueError,
  type Catalogue,
  type CatalogueSource,
} from "../../domain/catalogue/catalogue.js";

function readJsonFiles(dir: string, what: string, problems: string[]): CatalogueSource[] {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith(".json"))
      .sort();
  } catch {
    problems.push(`${dir}: the ${what} folder cannot be read`);
    return [];
  }
  const sources: CatalogueSource[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      sources.push({ fileName: file, content: JSON.parse(readFileSync(file, "utf8")) });
    } catch (e) {
      problems.push(`${file}: not valid JSON (${(e as Error).message})`);
    }
  }
  return sources;
}

/**
 * Reads every area file in the folder, and the agenda templates in the folder beside it
 * (`agenda-templates`), and validates the whole catalogue before the service starts.
 */
export function loadCatalogue(
  dir: string,
  templatesDir = path.join(dir, "..", "agenda-templates"),
): Catalogue {
  const problems: string[] = [];
  const areas = readJsonFiles(dir, "catalogue", problems);
  const templates = readJsonFiles(templatesDir, "agenda templates", problems);
  if (problems.length) throw new CatalogueError(problems);
  return buildCatalogue(areas, templates);
}
