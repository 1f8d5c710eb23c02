import { mkdirSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const ARTEFACTS = "artefacts";
const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";

// Shared through the global object for the same reason as Azurite (see azurite.ts).
const shared = globalThis as { __maceBrowser?: Promise<Browser> | undefined };

/** Debian's Chromium, headless, with the flags that work on a machine with no outside network. */
export function chromiumBrowser(): Promise<Browser> {
  mkdirSync(ARTEFACTS, { recursive: true });
  shared.__maceBrowser ??= chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  return shared.__maceBrowser;
}

export async function stopBrowser(): Promise<void> {
  const browser = shared.__maceBrowser;
  shared.__maceBrowser = undefined;
  if (browser) await (await browser).close();
}
