import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import { Refusal } from "../../domain/refusal.js";
import type { DownloadPorts } from "./download-ports.js";

// Every file the tab downloads (minutes, the action log, calendars, reports, documents, PDFs, the
// map's image) is opened through a link the service seals for one person and one file, named by
// the service's own address for it with its parameters. The link is the credential: it is opened
// by Teams' browser or the system's, which carry no sign-in, so it lasts a minute and opens once,
// its use recorded in storage so that no instance opens it twice. It is made only after the same
// check as the view, and opening it checks again, as the person it was made for, and audits the
// download. The link is sealed (AES-256-GCM), not only signed: it passes through browser
// histories, Teams and proxies' logs, which should learn neither who it is for nor which record it
// opens.

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

const IV_BYTES = 12;
const TAG_BYTES = 16;
// A version of the sealing, authenticated with the link, so a later change of layout cannot be
// read as this one.
const SEALED_AS = Buffer.from("mace-download-link-v1");

const keys = new Map<string, Buffer>();
/** The sealing key, derived from the configured secret so the secret itself is never the cipher's key. */
function sealingKey(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "", SEALED_AS, 32));
    keys.set(secret, key);
  }
  return key;
}

function seal(secret: string, link: Link): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", sealingKey(secret), iv).setAAD(SEALED_AS);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(link), "utf8"), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString("base64url");
}

/** The link's contents, or undefined if the token is not one sealed with this secret. */
function unseal(secret: string, token: string): unknown {
  const bytes = Buffer.from(token, "base64url");
  // One spelling only: base64url decoding ignores stray characters and the last one's spare bits.
  if (bytes.toString("base64url") !== token || bytes.length <= IV_BYTES + TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv("aes-256-gcm", sealingKey(secret), bytes.subarray(0, IV_BYTES))
      .setAAD(SEALED_AS)
      .setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const opened = Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]);
    return JSON.parse(opened.toString("utf8"));
  } catch {
    return undefined;
  }
}

const refusedLink = (message: string, code: string) => new Refusal("not-allowed", message, { code });

/** A link to the file for the person, already found allowed to see it. */
export function sealDownloadLink(ports: DownloadPorts, holder: LinkHolder, file: LinkedFile): DownloadLink {
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
  const token = seal(ports.links.key, Link.parse(link));
  return { url: `/downloads/${token}`, expiresAt: new Date(expires * 1000).toISOString() };
}

function verified(key: string, token: unknown, now: Date): Link {
  const broken = () =>
    refusedLink(
      "This download link is not one the service made. Go back to the page in MACE panels and choose the download again.",
      "bad-link",
    );
  if (typeof token !== "string" || token.length > 4000 || !/^[A-Za-z0-9_-]+$/.test(token)) throw broken();
  const link = Link.safeParse(unseal(key, token));
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
