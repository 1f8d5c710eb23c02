import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TeamsAppManifest } from "@microsoft/app-manifest";
import { packageApp, placeholders, readPng, render, schemaErrors } from "../../scripts/lib/app-package.js";
import { zipEntries } from "../support/zip.js";

const SAMPLE = {
  APP_VERSION: "1.0.0",
  TEAMS_APP_ID: "0f2c6f53-3d1b-4c47-9a5e-6f4b2f0d9a11",
  BOT_ID: "5f0c3a8e-7f7e-4a53-9d5a-1a2b3c4d5e6f",
  AAD_APP_CLIENT_ID: "7c9d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f",
  TAB_ENDPOINT: "https://mace-panels.azurewebsites.net",
  TAB_DOMAIN: "mace-panels.azurewebsites.net",
};

describe("The Teams app manifest", () => {
  const template = readFileSync("manifest/manifest.json", "utf8");
  const manifest = JSON.parse(render(template, SAMPLE)) as TeamsAppManifest;

  it("validates against the Teams schema bundled in @microsoft/app-manifest, offline", async () => {
    const version = manifest.manifestVersion;
    const errors = await schemaErrors(manifest);
    assert.deepEqual(errors, []);
    assert.ok(Number(version.split(".")[1]) >= 19, "manifest version 1.19 or later");
  });

  it("would reject a manifest that breaks the schema, so the check above has teeth", async () => {
    const broken = { ...manifest, accentColor: "indigo", botz: [] } as unknown as TeamsAppManifest;
    const errors = await schemaErrors(broken);
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
    assert.deepEqual(manifest.configurableTabs?.[0]?.scopes, ["team", "groupChat"]);
    assert.ok(manifest.configurableTabs?.[0]?.context?.includes("channelTab"));
    assert.deepEqual(manifest.webApplicationInfo, {
      id: SAMPLE.AAD_APP_CLIENT_ID,
      resource: `api://mace-panels.azurewebsites.net/${SAMPLE.AAD_APP_CLIENT_ID}`,
    });
    assert.deepEqual(manifest.validDomains, ["mace-panels.azurewebsites.net"]);
  });

  it("is on the newest schema bundled, v1.30, and can be added to a panel's Teams meeting: its chat, side panel and stage", () => {
    assert.equal(manifest.manifestVersion, "1.30");
    assert.equal(
      (manifest as { $schema?: string }).$schema,
      "https://developer.microsoft.com/en-us/json-schemas/teams/v1.30/MicrosoftTeams.schema.json",
    );
    const [tab] = manifest.configurableTabs ?? [];
    assert.deepEqual(tab?.context, ["channelTab", "meetingChatTab", "meetingSidePanel", "meetingStage"]);
    assert.equal(tab?.configurationUrl, "https://mace-panels.azurewebsites.net/tab/configure");
  });

  it("asks, in each meeting it is added to, only the consents to share its agenda to the stage and for the service to read which meeting the chat is", () => {
    assert.deepEqual(manifest.authorization?.permissions?.resourceSpecific, [
      { name: "MeetingStage.Write.Chat", type: "Delegated" },
      { name: "ChatSettings.Read.Chat", type: "Application" },
    ]);
  });

  it("leaves no placeholder unfilled", () => {
    const names = placeholders(template);
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

describe("The app package (npm run manifest)", () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), "app-package-"));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it("zips the filled manifest and both icons at the root, and the manifest in it is valid", async () => {
    const out = path.join(folder, "build", "appPackage.test.zip");
    const result = await packageApp("manifest", SAMPLE, out);
    assert.ok("written" in result, JSON.stringify(result));
    const entries = zipEntries(readFileSync(out));
    assert.deepEqual(
      entries.map((e) => e.name),
      ["manifest.json", "color.png", "outline.png"],
    );
    const [packed, color, outline] = entries;
    const manifest = JSON.parse(packed?.data.toString("utf8") ?? "") as TeamsAppManifest;
    assert.deepEqual(await schemaErrors(manifest), []);
    assert.equal(manifest.id, SAMPLE.TEAMS_APP_ID);
    assert.equal(manifest.manifestVersion, "1.30");
    assert.deepEqual(manifest.configurableTabs?.[0]?.context, [
      "channelTab",
      "meetingChatTab",
      "meetingSidePanel",
      "meetingStage",
    ]);
    assert.deepEqual(manifest.authorization?.permissions?.resourceSpecific, [
      { name: "MeetingStage.Write.Chat", type: "Delegated" },
      { name: "ChatSettings.Read.Chat", type: "Application" },
    ]);
    assert.ok(color?.data.equals(readFileSync("manifest/color.png")));
    assert.ok(outline?.data.equals(readFileSync("manifest/outline.png")));
  });

  it("writes nothing and names each value that is missing", async () => {
    const out = path.join(folder, "appPackage.test.zip");
    const result = await packageApp("manifest", { ...SAMPLE, BOT_ID: "", TAB_DOMAIN: undefined }, out);
    assert.ok("problems" in result);
    assert.deepEqual(result.missing, ["BOT_ID", "TAB_DOMAIN"]);
    assert.deepEqual(result.problems, ["BOT_ID has no value", "TAB_DOMAIN has no value"]);
    assert.throws(() => readFileSync(out), /ENOENT/);
  });

  it("refuses an icon of the wrong size, saying which and what Teams needs", async () => {
    for (const file of ["manifest.json", "color.png"])
      copyFileSync(`manifest/${file}`, path.join(folder, file));
    copyFileSync("manifest/color.png", path.join(folder, "outline.png"));
    const result = await packageApp(folder, SAMPLE, path.join(folder, "appPackage.test.zip"));
    assert.ok("problems" in result);
    assert.deepEqual(result.problems, [
      `the outline icon ${path.join(folder, "outline.png")} is 192×192: Teams needs 32×32`,
    ]);
  });
});
