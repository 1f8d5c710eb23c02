import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { Refusal } from "../../domain/refusal.js";
import type { DownloadPorts } from "./download-ports.js";

// Every file the tab downloads (minutes, the action log, calendars, reports, documents, PDFs, the
// map's image) is opened through a link the service signs for one person and one file, named by
// the service's own address for it with its parameters. The link is the credential: it is opened
// by Teams' browser or the system's, which carry no sign-in, so it lasts a minute and opens once,
// its use recorded in storage so that no instance opens it twice. It is made only after the same
// check as the view, and opening it checks again, as the person it was made for, and audits the
// download.

const Link = z.strictObject({
  /** The link's own id: its use is recorded under it. */
  l: z.uuid(),
  /** Who it was made for: their id, tenant, whether a guest, and the name the directory signs them in by. */
  u: z.string().min(1).max(64),
  t: z.string().max(64),
  g: z.boolean().optional(),
  n: z.string().max(320).optional(),
  /** The area whose partition records the link's use. */
  a: z.string().min(1).max(80),
  /** The file: the service's path for it, with its query. */
  f: z.string().startsWith("/").max(1500),
  /** Seconds since 1970 when it stops working. */
  e: z.number().int(),
});
type Link = z.infer<typeof Link>;

/** The person a link is made for, as they signed in. */
export interface LinkHolder {
  id: string;
  tenantId: string;
  guest: boolean | undefined;
  upn: string | undefined;
}

/** A file to link to: the service's path for it and the area it belongs to. */
export interface LinkedFile {
  areaId: string;
  path: string;
}

export interface DownloadLink {
  /** The path to open, on the service. */
  url: string;
  expiresAt: string;
}

/** An opened link: the file and the person to serve it to. */
export interface OpenedLink {
  holder: LinkHolder;
  file: LinkedFile;
}

const signature = (key: string, payload: string) => createHmac("sha256", key).update(payload).digest();

const refusedLink = (message: string, code: string) => new Refusal("not-allowed", message, { code });

/** A link to the file for the person, already found allowed to see it. */
export function signDownloadLink(ports: DownloadPorts, holder: LinkHolder, file: LinkedFile): DownloadLink {
  const expires = Math.floor(ports.now().getTime() / 1000) + ports.links.seconds;
  const link: Link = {
    l: randomUUID(),
    u: holder.id,
    t: holder.tenantId,
    ...(holder.guest !== undefined && { g: holder.guest }),
    ...(holder.upn !== undefined && { n: holder.upn }),
    a: file.areaId,
    f: file.path,
    e: expires,
  };
  const payload = Buffer.from(JSON.stringify(Link.parse(link))).toString("base64url");
  const token = `${payload}.${signature(ports.links.key, payload).toString("base64url")}`;
  return { url: `/downloads/${token}`, expiresAt: new Date(expires * 1000).toISOString() };
}

function verified(key: string, token: unknown, now: Date): Link {
  const broken = () =>
    refusedLink(
      "This download link is not one the service made. Go back to the page in MACE panels and choose the download again.",
      "bad-link",
    );
  if (typeof token !== "string" || token.length > 4000) throw broken();
  const [payload = "", mac = "", ...rest] = token.split(".");
  // One spelling only: base64url decoding ignores stray characters and the last one's spare bits.
  if (rest.length || !/^[A-Za-z0-9_-]{43}$/.test(mac)) throw broken();
  const given = Buffer.from(mac, "base64url");
  if (given.toString("base64url") !== mac) throw broken();
  const expected = signature(key, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw broken();
  let link;
  try {
    link = Link.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
  } catch {
    throw broken();
  }
  if (!link.success) throw broken();
  if (link.data.e * 1000 <= now.getTime())
    throw refusedLink(
      "This download link has expired: links last a minute. Go back to the page in MACE panels and choose the download again.",
      "link-expired",
    );
  return link.data;
}

/** Opens a link once: checked, its use recorded; the file is then made as its person may see it now. */
export async function openDownloadLink(ports: DownloadPorts, token: unknown): Promise<OpenedLink> {
  const link = verified(ports.links.key, token, ports.now());
  if (!(await ports.usedLinks.use(link.a, link.l, new Date(link.e * 1000).toISOString())))
    throw refusedLink(
      "This download link has been used already: each link opens once. Go back to the page in MACE panels and choose the download again.",
      "link-used",
    );
  return {
    holder: { id: link.u, tenantId: link.t, guest: link.g, upn: link.n },
    file: { areaId: link.a, path: link.f },
  };
}
