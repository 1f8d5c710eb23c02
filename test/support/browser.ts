import { mkdirSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const ARTEFACTS = "artefacts";
const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";

let browser: Promise<Browser> | undefined;

/** Debian's Chromium, headless, with the flags that work on a machine with no outside network. */
export function chromiumBrowser(): Promise<Browser> {
  mkdirSync(ARTEFACTS, { recursive: true });
  browser ??= chromium.launch({
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
  return browser;
}

export async function stopBrowser(): Promise<void> {
  if (browser) await (await browser).close();
  browser = undefined;
}
