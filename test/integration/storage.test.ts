import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { loadCatalogue } from "../../bot/src/adapters/config-files/catalogue-files.js";
import { ConcurrencyConflict } from "../../bot/src/application/ports/versioned.js";
import { keyOf, StoredEntityInvalid } from "../../bot/src/adapters/tables/entity-store.js";
import {
  repositories,
  seedCatalogue,
  type Repositories,
} from "../../bot/src/adapters/tables/repositories.js";
import { ensureTables, tableFactory, TABLES } from "../../bot/src/adapters/tables/storage.js";
import { azurite } from "../support/azurite.js";

describe("Storage in Azure Tables (Azurite)", () => {
  let repos: Repositories;
  let tables: ReturnType<typeof tableFactory>;
  const catalogue = loadCatalogue("bot/config/areas");

  before(async () => {
    const { connectionString } = await azurite();
    tables = tableFactory({ kind: "connection-string", connectionString });
    await ensureTables(tables);
    repos = repositories(tables);
    await seedCatalogue(repos, catalogue);
  });

  it("holds the whole panel catalogue after seeding, one partition per area", async () => {
    const merton = await repos.panels.listPartition("merton");
    assert.deepEqual(merton.map((p) => p.value.id).sort(), ["merton-pre-mace", "merton-strategic-mace"]);
    const staffs = await repos.panels.listPartition("staffordshire");
    assert.equal(staffs.length, 9);
    const preMace = await repos.panels.get("merton", "merton-pre-mace");
    assert.equal(preMace?.value.schedule.startTime, "09:30");
    const marve = await repos.panels.get("wandsworth", "wandsworth-marve");
    assert.equal(marve?.value.channel, null);
  });

  it("seeding again changes nothing: the stored versions stay the same", async () => {
    const before = (await repos.panels.listPartition("lambeth")).map((p) => p.etag);
    await seedCatalogue(repos, catalogue);
    const after = (await repos.panels.listPartition("lambeth")).map((p) => p.etag);
    assert.deepEqual(after, before);
  });

  it("refuses a second coordinator's edit made on a version that has since changed, and says who changed it", async () => {
    const opened = await repos.panels.get("merton", "merton-strategic-mace");
    assert.ok(opened);
    const first = {
      ...opened.value,
      channel: { teamId: "team-1", channelId: "channel-a", name: "Strategic" },
    };
    const second = { ...opened.value, channel: { teamId: "team-1", channelId: "channel-b", name: "Other" } };

    await repos.panels.replace(first, opened.etag, "Priya Okafor");
    await assert.rejects(
      () => repos.panels.replace(second, opened.etag, "Leila Haddad"),
      (e: unknown) =>
        e instanceof ConcurrencyConflict && /changed by Priya Okafor at \d\d:\d\d/.test(e.message),
    );
    const stored = await repos.panels.get("merton", "merton-strategic-mace");
    assert.equal(stored?.value.channel?.channelId, "channel-a");
  });

  it("reports an entity that no longer matches its schema instead of using it", async () => {
    const id = randomUUID();
    await tables(TABLES.conversations).createEntity({
      partitionKey: "personal",
      rowKey: id,
      scope: "personal",
      key: 42,
    });
    await assert.rejects(
      () => repos.conversations.get("personal", id),
      (e: unknown) => e instanceof StoredEntityInvalid && /key/.test(e.message),
    );
  });

  it("keeps a conversation reference for proactive messages", async () => {
    const key = `19:${randomUUID()}@thread.tacv2`;
    await repos.conversations.upsert(
      {
        scope: "channel",
        key,
        teamId: "team-1",
        teamName: "Merton MACE",
        reference: { conversation: { id: key } },
      },
      "bot",
    );
    const stored = await repos.conversations.get("channel", keyOf(key));
    assert.deepEqual(stored?.value.reference, { conversation: { id: key } });
  });
});
