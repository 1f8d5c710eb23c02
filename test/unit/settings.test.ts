import assert from "node:assert/strict";
import { loadSettings, SettingsError } from "../../bot/src/settings.js";

const local = {
  STORAGE_CONNECTION_STRING: "UseDevelopmentStorage=true",
  DEV_SIGN_IN: "true",
};
const azure = {
  APP_ENV: "azure",
  HOST: "0.0.0.0",
  STORAGE_ACCOUNT_URL: "https://macepanels.table.core.windows.net",
  STORAGE_BLOB_URL: "https://macepanels.blob.core.windows.net",
  SECRET_DOCUMENT_LINK_KEY: "a-key-of-at-least-thirty-two-characters-for-links",
  BOT_ID: "11111111-1111-4111-8111-111111111111",
  BOT_TENANT_ID: "22222222-2222-4222-8222-222222222222",
  AAD_APP_CLIENT_ID: "33333333-3333-4333-8333-333333333333",
  AAD_APP_TENANT_ID: "22222222-2222-4222-8222-222222222222",
};

describe("Service settings", () => {
  it("name each area's first administrators by object id or user principal name, guests included", () => {
    const s = loadSettings({
      ...local,
      AREA_ADMINISTRATORS:
        "merton: 44444444-4444-4444-8444-444444444444 , Ines.Dalgaard@merton.example;lambeth:rhodri_partner.example#EXT#@lambeth.example",
    });
    assert.deepEqual(
      [...s.administrators],
      [
        ["merton", ["44444444-4444-4444-8444-444444444444", "ines.dalgaard@merton.example"]],
        ["lambeth", ["rhodri_partner.example#ext#@lambeth.example"]],
      ],
    );
  });

  it("refuse to start with an administrator named in a way Entra ID would not know", () => {
    assert.throws(
      () => loadSettings({ ...local, AREA_ADMINISTRATORS: "merton:Ines Dalgaard" }),
      (e: Error) =>
        e instanceof SettingsError &&
        /Ines Dalgaard in merton is neither an Entra object id nor a user principal name/.test(e.message),
    );
    assert.throws(
      () => loadSettings({ ...local, AREA_ADMINISTRATORS: "44444444-4444-4444-8444-444444444444" }),
      (e: Error) => e instanceof SettingsError && /should be an area id, a colon/.test(e.message),
    );
  });

  it("run locally on loopback with development sign-in and Azurite", () => {
    const s = loadSettings(local);
    assert.equal(s.host, "127.0.0.1");
    assert.equal(s.port, 3978);
    assert.equal(s.signIn.kind, "development");
    assert.equal(s.signIn.issuer, "http://localhost:3978/dev-idp");
  });

  it("in Azure validate Entra ID tokens for the tab's app registration and reach storage by managed identity", () => {
    const s = loadSettings(azure);
    assert.equal(s.signIn.kind, "entra");
    assert.equal(
      s.signIn.issuer,
      "https://login.microsoftonline.com/22222222-2222-4222-8222-222222222222/v2.0",
    );
    assert.deepEqual(s.signIn.audience, ["33333333-3333-4333-8333-333333333333"]);
    assert.equal(s.storage.kind, "managed-identity");
  });

  it("refuse development sign-in in Azure, so the service does not start", () => {
    assert.throws(
      () => loadSettings({ ...azure, DEV_SIGN_IN: "true" }),
      (e: unknown) => {
        return (
          e instanceof SettingsError &&
          /DEV_SIGN_IN: development sign-in can never be switched on in Azure/.test(e.message)
        );
      },
    );
  });

  it("refuse to listen beyond loopback when the bot endpoint has no app ID to authenticate callers", () => {
    assert.throws(() => loadSettings({ ...local, HOST: "0.0.0.0" }), /HOST: without BOT_ID .* loopback only/);
  });

  it("name every missing or malformed setting in one message", () => {
    assert.throws(
      () => loadSettings({ PORT: "eighty" }),
      (e: unknown) => e instanceof SettingsError && /PORT/.test(e.message),
    );
    assert.throws(
      () => loadSettings({}),
      (e: unknown) =>
        e instanceof SettingsError &&
        /STORAGE_CONNECTION_STRING or STORAGE_ACCOUNT_URL/.test(e.message) &&
        /AAD_APP_CLIENT_ID/.test(e.message),
    );
  });

  it("let development sign-in issue tokens that last as long as a test needs, an hour unless told", () => {
    const lifetime = (env: Record<string, string>) => {
      const { signIn } = loadSettings({ ...local, ...env });
      return signIn.kind === "development" ? [signIn.tokenSeconds, signIn.clockToleranceSeconds] : [];
    };
    assert.deepEqual(lifetime({}), [3600, 0]);
    assert.deepEqual(lifetime({ DEV_TOKEN_SECONDS: "3" }), [3, 0]);
    for (const wrong of ["1", "three", "86401"])
      assert.throws(() => loadSettings({ ...local, DEV_TOKEN_SECONDS: wrong }), /DEV_TOKEN_SECONDS/);
    assert.throws(
      () => loadSettings({ ...azure, DEV_TOKEN_SECONDS: "3" }),
      /DEV_TOKEN_SECONDS: only development sign-in/,
    );
  });

  it("check Entra ID tokens for the organisation's own tenant, guests' included, with a minute's clock drift", () => {
    const { signIn } = loadSettings({ ...azure, TAB_APP_ID_URI: "api://mace.example/33333333" });
    assert.equal(signIn.kind, "entra");
    assert.equal(signIn.tenantId, "22222222-2222-4222-8222-222222222222");
    assert.equal(signIn.clockToleranceSeconds, 60);
    assert.equal(
      signIn.kind === "entra" && signIn.consentScope,
      "api://mace.example/33333333/access_as_user",
    );
  });

  it("in Azure keep documents behind Defender's malware scan, with one link key for every instance", () => {
    const s = loadSettings(azure);
    assert.deepEqual(s.documents, {
      blobUrl: "https://macepanels.blob.core.windows.net",
      container: "documents",
      scan: { resultTag: "Malware Scanning scan result" },
      linkSeconds: 60,
      linkKey: azure.SECRET_DOCUMENT_LINK_KEY,
    });
    const refused = (env: Record<string, string>, words: RegExp) =>
      assert.throws(
        () => loadSettings(env),
        (e: Error) => e instanceof SettingsError && words.test(e.message),
      );
    refused(
      { ...azure, DOCUMENT_SCAN: "none" },
      /DOCUMENT_SCAN: in Azure uploads wait for Microsoft Defender/,
    );
    const { SECRET_DOCUMENT_LINK_KEY: _key, ...keyless } = azure;
    refused(keyless, /SECRET_DOCUMENT_LINK_KEY: required in Azure/);
    const { STORAGE_BLOB_URL: _blob, ...blobless } = azure;
    refused(blobless, /STORAGE_BLOB_URL: the blob endpoint documents are kept in is required/);
  });

  it("locally take uploads as clean when told nothing scans them", () => {
    assert.equal(loadSettings({ ...local, DOCUMENT_SCAN: "none" }).documents.scan, undefined);
  });
});
