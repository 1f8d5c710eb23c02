import type { Page } from "playwright-core";

// The tab opens every file through a download link, with window.open outside Teams (app.openLink
// in it). In the browser tests the page records the links it opens instead, and the test fetches
// each as the browser would: without a sign-in, the link being the credential.

type WithLinks = Window & { openedLinks: string[] };

/** Records the links the page opens rather than opening them; call before the page loads. */
export async function catchOpenedLinks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const opened: string[] = [];
    Object.defineProperty(window, "openedLinks", { value: opened });
    window.open = ((url?: string | URL) => {
      opened.push(String(url));
      return window;
    }) as typeof window.open;
  });
}

export interface Downloaded {
  url: string;
  status: number;
  /** The name the file is offered under (Content-Disposition). */
  name: string;
  bytes: Buffer;
  text: string;
}

/** Fetches a link as a browser opening it would, with no sign-in. */
export async function fetchLink(page: Page, url: string): Promise<Downloaded> {
  const res = await page.request.get(url);
  const bytes = Buffer.from(await res.body());
  const name = /filename="([^"]*)"/.exec(res.headers()["content-disposition"] ?? "")?.[1] ?? "";
  return { url, status: res.status(), name, bytes, text: bytes.toString("utf8") };
}

/** The link that pressing opens, and the file fetched through it. */
export async function downloadedBy(page: Page, press: () => Promise<unknown>): Promise<Downloaded> {
  const before = await page.evaluate(() => (window as unknown as WithLinks).openedLinks.length);
  await press();
  const opened = await page.waitForFunction(
    (n) => (window as unknown as WithLinks).openedLinks[n] ?? false,
    before,
  );
  const url = (await opened.jsonValue()) as string;
  return fetchLink(page, url);
}
