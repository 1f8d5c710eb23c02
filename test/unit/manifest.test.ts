import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { inflateSync } from "node:zlib";
import { ManifestUtil, type TeamsAppManifest } from "@microsoft/app-manifest";

const require = createRequire(import.meta.url);

const SAMPLE = {
  APP_VERSION: "1.0.0",
  TEAMS_APP_ID: "0f2c6f53-3d1b-4c47-9a5e-6f4b2f0d9a11",
  BOT_ID: "5f0c3a8e-7f7e-4a53-9d5a-1a2b3c4d5e6f",
  AAD_APP_CLIENT_ID: "7c9d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f",
  TAB_ENDPOINT: "https://mace-panels.azurewebsites.net",
  TAB_DOMAIN: "mace-panels.azurewebsites.net",
};

function render(template: string, values: Record<string, string>): string {
  return template.replace(/\$\{\{([A-Z_]+)\}\}/g, (_m, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no sample value for ${name}`);
    return value;
  });
}

interface Png {
  width: number;
  height: number;
  colourType: number;
  pixels: Buffer;
}

function readPng(path: string): Png {
  const data = readFileSync(path);
  assert.equal(data.subarray(1, 4).toString(), "PNG");
  const width = data.readUInt32BE(16);
  const height = data.readUInt32BE(20);
  const colourType = data[25] ?? -1;
  const idat: Buffer[] = [];
  for (let at = 8; at < data.length;) {
    const length = data.readUInt32BE(at);
    if (data.subarray(at + 4, at + 8).toString() === "IDAT")
      idat.push(data.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return { width, height, colourType, pixels: inflateSync(Buffer.concat(idat)) };
}

describe("The Teams app manifest", () => {
  const template = readFileSync("manifest/manifest.json", "utf8");
  const manifest = JSON.parse(render(template, SAMPLE)) as TeamsAppManifest;

  it("validates against the Teams schema bundled in @microsoft/app-manifest, offline", async () => {
    const version = manifest.manifestVersion;
    const schema = require(
      `@microsoft/app-manifest/build/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`,
    );
    const errors = await ManifestUtil.validateManifestAgainstSchema(manifest, schema);
    assert.deepEqual(errors, []);
    assert.ok(Number(version.split(".")[1]) >= 19, "manifest version 1.19 or later");
  });

  it("would reject a manifest that breaks the schema, so the check above has teeth", async () => {
    const schema = require(
      `@microsoft/app-manifest/build/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
    const broken = { ...manifest, accentColor: "indigo", botz: [] } as unknown as TeamsAppManifest;
    const errors = await ManifestUtil.validateManifestAgainstSchema(broken, schema);
    assert.ok(
      errors.some((e) => /accentColor/.test(e)),
      errors.join("; "),
    );
    assert.ok(
      errors.some((e) => /botz|additional/i.test(e)),
      errors.join("; "),
    );
  });

  it("declares the bot in personal and team scopes, a static tab, a channel tab and SSO for the tab's app", () => {
    assert.deepEqual(manifest.bots?.[0]?.scopes, ["personal", "team"]);
    assert.equal(manifest.bots?.[0]?.botId, SAMPLE.BOT_ID);
    assert.equal(manifest.staticTabs?.[0]?.contentUrl, "https://mace-panels.azurewebsites.net/tab/");
    assert.deepEqual(manifest.configurableTabs?.[0]?.scopes, ["team"]);
    assert.deepEqual(manifest.webApplicationInfo, {
      id: SAMPLE.AAD_APP_CLIENT_ID,
      resource: `api://mace-panels.azurewebsites.net/${SAMPLE.AAD_APP_CLIENT_ID}`,
    });
    assert.deepEqual(manifest.validDomains, ["mace-panels.azurewebsites.net"]);
  });

  it("leaves no placeholder unfilled", () => {
    const names = [...template.matchAll(/\$\{\{([A-Z_]+)\}\}/g)].map((m) => m[1]);
    for (const name of names) assert.ok(name && name in SAMPLE, `${name} has no value`);
  });

  it("has a 192×192 colour icon and a 32×32 outline icon that is white on transparent", () => {
    const color = readPng("manifest/color.png");
    assert.deepEqual([color.width, color.height], [192, 192]);
    const outline = readPng("manifest/outline.png");
    assert.deepEqual([outline.width, outline.height], [32, 32]);
    assert.equal(outline.colourType, 6, "outline icon has an alpha channel");
    const stride = 1 + 32 * 4;
    let transparent = 0;
    for (let y = 0; y < 32; y++) {
      assert.equal(outline.pixels[y * stride], 0, "rows are unfiltered");
      for (let x = 0; x < 32; x++) {
        const [r, g, b, a] = outline.pixels.subarray(y * stride + 1 + x * 4, y * stride + 5 + x * 4);
        if (a === 0) transparent++;
        else assert.deepEqual([r, g, b], [255, 255, 255], `outline pixel ${x},${y} is white`);
      }
    }
    assert.ok(transparent > 32 * 32 * 0.5, "the outline icon's background is transparent");
  });
});
