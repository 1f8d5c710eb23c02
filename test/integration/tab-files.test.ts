import assert from "node:assert/strict";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { loadCatalogue } from "../../bot/src/adapters/config-files/catalogue-files.js";
import { createApp, type AppDependencies } from "../../bot/src/adapters/http/app.js";
import { loadSettings } from "../../bot/src/settings.js";

// The built tab's source maps help locally; in Azure they would publish the tab's source to
// anyone, so the service there does not serve them. Only the tab's files are asked for here.

async function tabFileStatus(env: "local" | "azure", file: string): Promise<number> {
  const settings = loadSettings({
    STORAGE_CONNECTION_STRING: "UseDevelopmentStorage=true",
    DEV_SIGN_IN: "true",
  });
  const deps = {
    settings: { ...settings, env },
    catalogue: loadCatalogue("bot/config/areas"),
    validateToken: () => Promise.reject(new Error("no sign-in here")),
    log: pino({ level: "silent" }),
    now: () => new Date(),
    tabDir: "tab/dist",
  } as unknown as AppDependencies;
  const server = createApp(deps).listen(0, "127.0.0.1");
  await once(server, "listening");
  try {
    const { port } = server.address() as AddressInfo;
    return (await fetch(`http://127.0.0.1:${port}/tab/${file}`)).status;
  } finally {
    server.close();
  }
}

describe("The tab's files", () => {
  it("include the source map locally, and not in Azure, where the code itself is still served", async () => {
    assert.equal(await tabFileStatus("local", "app.js.map"), 200);
    assert.equal(await tabFileStatus("azure", "app.js.map"), 404);
    assert.equal(await tabFileStatus("azure", "app.js"), 200);
  });
});
