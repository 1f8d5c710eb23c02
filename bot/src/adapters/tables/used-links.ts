import { z } from "zod";
import type { UsedLinks } from "../../application/downloads/download-ports.js";
import { AlreadyExists } from "../../application/ports/versioned.js";
import { EntityStore, keyOf } from "./entity-store.js";
import { TABLES, type TableFactory } from "./storage.js";

// A row per download link used, in `Documents` beside the documents (where links have always been
// recorded), one partition per area: `link|{expiresAt}|{id}`, written once, so a second use of a
// link is refused whichever instance it reaches, and ordered by expiry, so the rows of links
// already expired (refused on that alone) are one key range to forget.

const UsedLink = z.strictObject({
  areaId: z.string().max(80),
  linkId: z.uuid(),
  expiresAt: z.iso.datetime(),
});

export function usedLinks(tables: TableFactory): UsedLinks {
  const links = new EntityStore(tables(TABLES.documents), UsedLink, (l) => ({
    partitionKey: keyOf(l.areaId),
    rowKey: `link|${l.expiresAt}|${l.linkId}`,
  }));
  return {
    async use(areaId, linkId, expiresAt) {
      try {
        await links.insert({ areaId, linkId, expiresAt }, "download link");
        return true;
      } catch (e) {
        if (e instanceof AlreadyExists) return false;
        throw e;
      }
    },
    async forget(areaId, before, most) {
      const { values } = await links.listPage(keyOf(areaId), "link|", most, undefined, `link|${before}`);
      if (!values.length) return 0;
      await links.client.submitTransaction(values.map((l) => links.deleteAction(l.value)));
      return values.length;
    },
  };
}
