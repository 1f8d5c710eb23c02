import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import http, { type IncomingHttpHeaders } from "node:http";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import pino from "pino";
import { loadCatalogue } from "../../bot/src/adapters/config-files/catalogue-files.js";
import { createApp, type AppDependencies } from "../../bot/src/adapters/http/app.js";
import { loadSettings } from "../../bot/src/settings.js";
import { chromiumBrowser } from "../support/browser.js";

// The built tab (npm test builds it first) as a browser gets it: the page names this build's
// hashed files, which browsers keep for a year and get compressed; the page itself is checked
// every time. The tab's source maps help locally; in Azure they would publish the tab's source
// to anyone, so the service there does not serve them. Only the tab's files are asked for here.

const FOR_A_YEAR = "public, max-age=31536000, immutable";

interface TabServer {
  url: string;
  close(): void;
}

async function tabServer(env: "local" | "azure"): Promise<TabServer> {
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
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

/** A plain request: unlike fetch, it asks for no compression and undoes none. */
function get(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on("error", reject);
  });
}

/** The script the tab's page loads, as named in the page. */
function entryScript(page: string): string {
  const src = /<script type="module" src="\.\/([^"]+)"/.exec(page)?.[1];
  assert.ok(src, "the page loads no script");
  return src;
}

describe("The tab's files", () => {
  let local: TabServer;
  let azure: TabServer;
  before(async () => {
    [local, azure] = await Promise.all([tabServer("local"), tabServer("azure")]);
  });
  after(() => {
    local?.close();
    azure?.close();
  });

  it("serve the page naming this build's hashed script and styles, checked with the service every time", async () => {
    for (const path of ["/tab/", "/tab/consent"]) {
      const page = await get(`${local.url}${path}`);
      assert.equal(page.status, 200);
      assert.match(page.headers["content-type"] ?? "", /^text\/html/);
      assert.equal(page.headers["cache-control"], "no-cache");
      assert.match(String(page.headers["content-security-policy"]), /script-src 'self'/);
      const text = page.body.toString("utf8");
      assert.match(entryScript(text), /^app-[A-Z0-9]{8}\.js$/);
      assert.match(text, /<link rel="stylesheet" href="\.\/app-[A-Z0-9]{8}\.css" \/>/);
    }
  });

  it("keep the script for a year, sent brotli or gzip compressed to browsers that accept it", async () => {
    const script = entryScript((await get(`${local.url}/tab/`)).body.toString("utf8"));
    const stored = readFileSync(`tab/dist/${script}`);
    const asked = [
      { accept: "gzip, deflate, br, zstd", encoding: "br", decompress: brotliDecompressSync },
      { accept: "gzip", encoding: "gzip", decompress: gunzipSync },
      { accept: "", encoding: undefined, decompress: (b: Buffer) => b },
    ];
    for (const { accept, encoding, decompress } of asked) {
      const res = await get(`${local.url}/tab/${script}`, accept ? { "Accept-Encoding": accept } : {});
      assert.equal(res.status, 200);
      assert.equal(res.headers["content-encoding"], encoding, `asked for ${accept || "no compression"}`);
      assert.match(res.headers["content-type"] ?? "", /^application\/javascript/);
      assert.match(res.headers["vary"] ?? "", /Accept-Encoding/);
      assert.equal(res.headers["cache-control"], FOR_A_YEAR);
      assert.ok(decompress(res.body).equals(stored), `the ${encoding ?? "plain"} script is the built file`);
      if (encoding) assert.ok(res.body.length < stored.length / 2);
    }
  });

  it("answer a script that is not there with 404, not the page", async () => {
    const res = await get(`${local.url}/tab/chunks/Gone-ABCDEFGH.js`, { "Accept-Encoding": "br" });
    assert.equal(res.status, 404);
    assert.notEqual(res.headers["cache-control"], FOR_A_YEAR);
  });

  it("include the source map locally, and not in Azure, where the code itself is still served", async () => {
    const script = entryScript((await get(`${local.url}/tab/`)).body.toString("utf8"));
    assert.equal((await get(`${local.url}/tab/${script}.map`)).status, 200);
    assert.equal((await get(`${azure.url}/tab/${script}.map`)).status, 404);
    assert.equal((await get(`${azure.url}/tab/${script}`)).status, 200);
  });

  it("fetch a page's chunk only when that page is opened", async () => {
    const page = await (await chromiumBrowser()).newPage();
    const scripts: string[] = [];
    page.on("request", (req) => {
      if (req.resourceType() === "script") scripts.push(new URL(req.url()).pathname);
    });
    // A chunk the Content-Security-Policy refused would show here, and the page would not open.
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) problems.push(m.text());
    });
    try {
      await page.goto(`${local.url}/tab/`, { waitUntil: "networkidle" });
      assert.ok(scripts.some((s) => /^\/tab\/app-[A-Z0-9]{8}\.js$/.test(s)));
      assert.ok(!scripts.some((s) => /\/PolicyPage-/.test(s)), "the privacy page came with the sign-in");

      await page.goto(`${local.url}/tab/privacy`);
      await page.getByRole("heading", { name: "Privacy" }).waitFor();
      assert.ok(scripts.some((s) => /^\/tab\/chunks\/PolicyPage-[A-Z0-9]{8}\.js$/.test(s)));
      assert.ok(!scripts.some((s) => /\/(Referrals|Meetings|People)-/.test(s)), "other pages came too");
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
});
