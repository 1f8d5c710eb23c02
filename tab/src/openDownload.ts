import { hostedInTeams } from "./teams.js";

// How the tab hands a file to the person: every file is made by the service and opened through
// a download link it signs for one person and one file, lasting a minute and opening once. Blob
// downloads fail in the new Teams client after the first file and on mobile, so in Teams the link
// goes to Teams itself (app.openLink), which downloads it or opens the system's browser; outside
// Teams, the browser opens it. The link carries its own credential, so neither needs a sign-in.

/** Opens a download link the service made (`/downloads/…`). */
export async function openDownload(link: { url: string }): Promise<void> {
  const url = new URL(link.url, window.location.origin).href;
  if (hostedInTeams()) {
    const { app } = await import("./teamsSdk.js");
    await app.openLink(url);
    return;
  }
  // A blocked new window still gets the file: the page itself opens it, and an attachment
  // leaves the page where it is.
  if (!window.open(url, "_blank")) window.location.assign(url);
}
