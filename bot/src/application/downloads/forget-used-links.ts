import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { UsedLinks } from "./download-ports.js";

// A used download link's row only refuses that link a second time; once the link has expired it
// is refused on that alone, so the row is forgotten. A few at a time, on the service's beat.

/** How many of an area's expired links' rows go at each beat: one transaction's worth. */
const AT_A_TIME = 100;

/** Forgets the rows of used download links that have expired, in every area; how many it forgot. */
export async function forgetExpiredLinks(ports: {
  catalogue: Pick<Catalogue, "areas">;
  usedLinks: Pick<UsedLinks, "forget">;
  now: () => Date;
}): Promise<number> {
  // Kept five minutes past expiry, so an instance whose clock runs behind still finds the use.
  const before = new Date(ports.now().getTime() - 5 * 60_000).toISOString();
  const forgotten = await Promise.all(
    ports.catalogue.areas.map((a) => ports.usedLinks.forget(a.id, before, AT_A_TIME)),
  );
  return forgotten.reduce((n, m) => n + m, 0);
}
