import assert from "node:assert/strict";
import { SettingsError } from "../../bot/src/settings.js";
import { startTestService } from "../support/service.js";

describe("The first area administrators, from configuration", () => {
  it("stop the service at start-up when they name an area the catalogue does not have", async () => {
    await assert.rejects(
      startTestService({ AREA_ADMINISTRATORS: "atlantis:44444444-4444-4444-8444-444444444444" }),
      (e: Error) => e instanceof SettingsError && /no area atlantis in the panel catalogue/.test(e.message),
    );
  });
});
