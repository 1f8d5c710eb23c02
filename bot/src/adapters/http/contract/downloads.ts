import { z } from "zod";

// Download links: the tab asks for one to a file it names by its path on the service, and opens it
// in Teams' browser (or the system's); the link needs no sign-in, once, for a minute.

export const DownloadLinkBody = z.strictObject({
  /** The file's path on the service, with its query: `/api/panels/merton-mace/actions.csv`. */
  path: z.string().startsWith("/api/").max(1500),
});
export type DownloadLinkBody = z.infer<typeof DownloadLinkBody>;

export interface DownloadLinkResponse {
  /** Opens the file once, until `expiresAt`, without a sign-in: the link is the credential. */
  url: string;
  expiresAt: string;
}
