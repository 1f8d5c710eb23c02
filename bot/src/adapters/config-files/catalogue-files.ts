import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  buildCatalogue,
  CatalogueError,
  type Catalogue,
  type CatalogueSource,
} from "../../domain/catalogue/catalogue.js";

/** Reads every area file in the folder and validates the whole catalogue before the service starts. */
export function loadCatalogue(dir: string): Catalogue {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith(".json"))
      .sort();
  } catch {
    throw new CatalogueError([`${dir}: the catalogue folder cannot be read`]);
  }
  const sources: CatalogueSource[] = [];
  const problems: string[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      sources.push({ fileName: file, content: JSON.parse(readFileSync(file, "utf8")) });
    } catch (e) {
      problems.push(`${file}: not valid JSON (${(e as Error).message})`);
    }
  }
  if (problems.length) throw new CatalogueError(problems);
  return buildCatalogue(sources);
}
