import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import type { Readable } from "node:stream";
import { z } from "zod";
import { fileNameOf, type AttachedDocument } from "../../domain/documents/document.js";
import type { Actor } from "../../domain/people/actor.js";
import { Refusal } from "../../domain/refusal.js";
import { accessCaseDocuments, accessReferralDocuments } from "../access/document-access.js";
import { auditEntry } from "../audit/audit-trail.js";
import type { Versioned } from "../ports/versioned.js";
import { withScansNow } from "./document-views.js";
import { documentSeen, noSuchDocument } from "./review-document.js";
import type { DocumentPorts } from "./document-ports.js";

// A document is downloaded only through a link the service signs for one person and one document:
// it lasts a minute (DOCUMENT_LINK_SECONDS) and opens once, the use recorded in storage so that no
// instance opens it twice, and only for that person, signed in. Opening it checks again that the
// person may see the document, and audits the download naming the subject. A file not yet found clean by its scan is not offered.

const Link = z.strictObject({
  /** The link's own id: its use is recorded under it. */
  l: z.uuid(),
  a: z.string().max(80),
  /** Who it was made for. */
  u: z.string().max(64),
  d: z.uuid(),
  /** Under a subject (`s`), a referral through the subject's record (`sr`), or a referral on its panel (`r`). */
  at: z.discriminatedUnion("k", [
    z.strictObject({ k: z.literal("s"), s: z.string().max(64), r: z.uuid().nullable() }),
    z.strictObject({ k: z.literal("r"), p: z.string().max(80), r: z.uuid() }),
  ]),
  /** Seconds since 1970 when it stops working. */
  e: z.number().int(),
});
type Link = z.infer<typeof Link>;

const signature = (key: string, payload: string) => createHmac("sha256", key).update(payload).digest();

function signed(key: string, link: Link): string {
  const payload = Buffer.from(JSON.stringify(link)).toString("base64url");
  return `${payload}.${signature(key, payload).toString("base64url")}`;
}

const refusedLink = (message: string, code: string) => new Refusal("not-allowed", message, { code });

function verified(key: string, token: unknown, now: Date): Link {
  const broken = () =>
    refusedLink(
      "This download link is not one the service made. Go back to the documents and choose Download again.",
      "bad-link",
    );
  if (typeof token !== "string" || token.length > 2000) throw broken();
  const [payload = "", mac = ""] = token.split(".");
  const given = Buffer.from(mac, "base64url");
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
      "This download link has expired: links last a minute. Go back to the documents and choose Download again.",
      "link-expired",
    );
  return link.data;
}

function refuseUnlessClean(d: AttachedDocument): void {
  if (d.scan === "awaiting-scan")
    throw new Refusal("not-now", `${d.name} is waiting for its malware scan. Try again in a few minutes.`, {
      code: "awaiting-scan",
    });
  if (d.scan === "malicious")
    throw new Refusal(
      "not-allowed",
      `The malware scan found a threat in ${d.name}, so it cannot be downloaded. Ask the person who attached it to send a clean copy.`,
      { code: "malicious" },
    );
  if (d.scan === "scan-failed")
    throw new Refusal(
      "not-allowed",
      `The malware scan could not check ${d.name}, so it cannot be downloaded. Attach the file again to have it scanned afresh.`,
      { code: "scan-failed" },
    );
}

export interface DownloadLink {
  /** The path to open, on the service. */
  path: string;
  expiresAt: string;
}

function linkFor(
  ports: DocumentPorts,
  actor: Actor,
  read: Versioned<AttachedDocument>,
  at: Link["at"],
): DownloadLink {
  refuseUnlessClean(read.value);
  const expires = Math.floor(ports.now().getTime() / 1000) + ports.links.seconds;
  const token = signed(ports.links.key, {
    l: randomUUID(),
    a: read.value.areaId,
    u: actor.id,
    d: read.value.id,
    at,
    e: expires,
  });
  return { path: `/api/document-links/${token}`, expiresAt: new Date(expires * 1000).toISOString() };
}

const DownloadInput = z.strictObject({ referralId: z.uuid().nullable().optional() });

/** A link to a document of a subject's record, for whoever may see it. */
export async function linkToCaseDocument(
  ports: DocumentPorts,
  actor: Actor,
  areaId: unknown,
  subjectId: unknown,
  documentId: unknown,
  body: unknown,
): Promise<DownloadLink> {
  const input = DownloadInput.safeParse(body ?? {});
  if (!input.success) throw noSuchDocument();
  const seen = await accessCaseDocuments(ports, actor.id, areaId, subjectId);
  const referralId = input.data.referralId ?? null;
  const [read] = await withScansNow(ports, [await documentSeen(ports, seen, documentId, referralId)]);
  return linkFor(ports, actor, read!, { k: "s", s: seen.subject.id, r: referralId });
}

/** A link to a referral's document, for those who may see the referral. */
export async function linkToReferralDocument(
  ports: DocumentPorts,
  actor: Actor,
  panelId: unknown,
  referralId: unknown,
  documentId: unknown,
): Promise<DownloadLink> {
  const { panel, referral } = await accessReferralDocuments(ports, actor.id, panelId, referralId);
  const id = z.uuid().safeParse(documentId);
  const found = id.success
    ? await ports.documents.get(panel.areaId, { referralId: referral.value.id }, id.data)
    : undefined;
  if (!found) throw noSuchDocument();
  const [read] = await withScansNow(ports, [found]);
  return linkFor(ports, actor, read!, { k: "r", p: panel.id, r: referral.value.id });
}

export interface Download {
  document: AttachedDocument;
  body: Readable;
  size: number;
}

/** The document a link names, as its person may see it now, and the subject it is about (once known). */
async function documentOfLink(
  ports: DocumentPorts,
  link: Link,
): Promise<{ read: Versioned<AttachedDocument>; subjectId: string | null }> {
  if (link.at.k === "s") {
    const seen = await accessCaseDocuments(ports, link.u, link.a, link.at.s);
    return { read: await documentSeen(ports, seen, link.d, link.at.r), subjectId: seen.subject.id };
  }
  const { panel, referral } = await accessReferralDocuments(ports, link.u, link.at.p, link.at.r);
  const found = await ports.documents.get(panel.areaId, { referralId: referral.value.id }, link.d);
  if (!found) throw noSuchDocument();
  return { read: found, subjectId: referral.value.subjectId };
}

/**
 * Opens a link once, for the signed-in person it was made for: checked, its use recorded, the
 * person's sight of the document checked again, audited.
 */
export async function openDownloadLink(
  ports: DocumentPorts,
  actor: Actor,
  token: unknown,
  via: string,
): Promise<Download> {
  const link = verified(ports.links.key, token, ports.now());
  // Refused before its use is recorded: someone else holding it does not spend its owner's link.
  if (link.u !== actor.id)
    throw refusedLink(
      "This download link was made for someone else. Go to the documents and choose Download there yourself.",
      "not-your-link",
    );
  if (!(await ports.documents.useLink(link.a, link.l, new Date(link.e * 1000).toISOString())))
    throw refusedLink(
      "This download link has been used already: each link opens once. Go back to the documents and choose Download again.",
      "link-used",
    );
  const { read, subjectId } = await documentOfLink(ports, link);
  const d = read.value;
  refuseUnlessClean(d);
  const file = await ports.files.open(fileNameOf(d));
  if (!file)
    throw new Refusal("not-found", `${d.name} is no longer kept. Ask the panel's coordinator about it.`, {
      code: "file-gone",
    });
  await ports.casework.appendAudit(d.areaId, [
    auditEntry(ports.now(), {
      areaId: d.areaId,
      panelId: d.owner.panelId,
      actorId: link.u,
      action: "document.downloaded",
      subjectId,
      referralId: d.owner.kind === "referral" ? d.owner.referralId : null,
      reference: d.reference,
      documentId: d.id,
      via,
    }),
  ]);
  return { document: d, body: file.body, size: file.size };
}
