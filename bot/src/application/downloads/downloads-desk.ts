import { withPorts } from "../with-ports.js";
import type { DownloadPorts } from "./download-ports.js";
import { openDownloadLink, sealDownloadLink } from "./download-links.js";

// Download links: sealed for a file someone may see, opened once.

export const downloadsDesk = (ports: DownloadPorts) => ({
  link: withPorts(ports, sealDownloadLink),
  open: withPorts(ports, openDownloadLink),
});
export type DownloadsDesk = ReturnType<typeof downloadsDesk>;

export type { DownloadLink, LinkedFile, LinkHolder, OpenedLink } from "./download-links.js";
