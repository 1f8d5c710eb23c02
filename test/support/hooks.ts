import { stopAzurite } from "./azurite.js";
import { stopBrowser } from "./browser.js";
import { channelActivities, leakedDetails } from "./channel-watch.js";

export const mochaHooks = {
  async afterAll(): Promise<void> {
    await stopBrowser();
    await stopAzurite();
    // DESIGN.md §6: nothing identifying is ever posted in a channel, whatever the suite did.
    const leaks = leakedDetails();
    if (leaks.length) {
      throw new Error(
        `The bot posted a seeded subject's details to a channel:\n${leaks.map((l) => `  "${l.detail}" in ${l.activity}`).join("\n")}`,
      );
    }
    const count = channelActivities().length;
    if (count)
      console.log(
        `\n  Channel privacy: ${count} activities sent to channels, none with a seeded subject's details.`,
      );
  },
};
