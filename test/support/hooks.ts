import { stopAzurite } from "./azurite.js";
import { stopBrowser } from "./browser.js";

export const mochaHooks = {
  async afterAll(): Promise<void> {
    await stopBrowser();
    await stopAzurite();
  },
};
