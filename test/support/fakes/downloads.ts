import type { UsedLinks } from "../../../bot/src/application/downloads/download-ports.js";
import {
  downloadsDesk,
  type LinkHolder,
  type OpenedLink,
} from "../../../bot/src/application/downloads/downloads-desk.js";
import { AlreadyExists } from "../../../bot/src/application/ports/versioned.js";
import { FakeTable, insertRow, keyOf } from "./records.js";

// Download links on fakes: the used links' rows keyed as the table adapter keys them, and the
// desk that signs and opens links with a test key.

export function fakeUsedLinks(now: () => Date): UsedLinks {
  const table = new FakeTable(now);
  return {
    async use(areaId, linkId, expiresAt) {
      try {
        insertRow(table, "Documents", {
          pk: keyOf(areaId),
          rk: `link|${expiresAt}|${linkId}`,
          value: { linkId, expiresAt },
          by: "download link",
        });
        return true;
      } catch (e) {
        if (e instanceof AlreadyExists) return false;
        throw e;
      }
    },
    async forget(areaId, before, most) {
      const pk = keyOf(areaId);
      const expired = table
        .list<{ linkId: string; expiresAt: string }>(
          pk,
          (rk) => rk.startsWith("link|") && rk < `link|${before}`,
        )
        .slice(0, most)
        .map((r) => `link|${r.value.expiresAt}|${r.value.linkId}`);
      if (expired.length) table.transact(expired.map((rk) => ({ op: "delete" as const, pk, rk })));
      return expired.length;
    },
  };
}

export const TEST_LINK_KEY = "a-test-key-that-signs-download-links";

/** The downloads desk on fake used links, signing with the test key. */
export function downloadsOn(ports: { now: () => Date }) {
  const usedLinks = fakeUsedLinks(ports.now);
  const desk = downloadsDesk({ usedLinks, now: ports.now, links: { key: TEST_LINK_KEY, seconds: 60 } });
  return { desk, usedLinks };
}

/** A person as they signed in to the tab, for a link made for them. */
export const holder = (person: { id: string }): LinkHolder => ({
  id: person.id,
  tenantId: "test-tenant",
  guest: false,
  upn: undefined,
});

/** The token of a link's address. */
export const tokenOf = (url: string) => url.replace("/downloads/", "");

export type { OpenedLink };
