import { z } from "zod";
import { DateTime } from "luxon";
import { mayBeReviewed, type AttachedDocument } from "../../domain/documents/document.js";
import type { Actor } from "../../domain/people/actor.js";
import { Refusal } from "../../domain/refusal.js";
import {
  accessCaseDocuments,
  refuseUnlessChairOf,
  seesDocument,
  type CaseDocumentsAccess,
} from "../access/document-access.js";
import { auditEntry } from "../audit/audit-trail.js";
import type { DocumentPlace } from "../ports/documents.js";
import { ConcurrencyConflict, type Versioned } from "../ports/versioned.js";
import { documentView, type DocumentView } from "./document-views.js";
import type { DocumentPorts } from "./document-ports.js";

// A chair marks a risk assessment on their panel's case reviewed (000 §8), with a note; the
// history then shows who reviewed it and when. Once reviewed it stays so: a later review is a new
// assessment, attached as such.

export const ReviewInput = z.strictObject({
  note: z.string().trim().max(2000, "Keep the note to 2,000 characters."),
  version: z.string().min(1).max(200),
  /** The referral the document came with, when it was attached to the referral. */
  referralId: z.uuid().nullable().optional(),
});

export const noSuchDocument = () =>
  new Refusal(
    "not-found",
    "There is no such document here. Reload the page to see the documents as they are now.",
    {
      code: "unknown-document",
    },
  );

/** A document of the subject's record this person may see: under the subject, or one of its referrals. */
export async function documentSeen(
  ports: Pick<DocumentPorts, "documents">,
  seen: CaseDocumentsAccess,
  documentId: unknown,
  referralId: string | null | undefined,
): Promise<Versioned<AttachedDocument>> {
  const id = z.uuid().safeParse(documentId);
  if (!id.success) throw noSuchDocument();
  const place: DocumentPlace = referralId ? { referralId } : { subjectId: seen.subject.id };
  const found = await ports.documents.get(seen.access.areaId, place, id.data);
  if (!found || !seesDocument(seen, found.value)) throw noSuchDocument();
  return found;
}

export async function reviewDocument(
  ports: DocumentPorts,
  actor: Actor,
  areaId: unknown,
  subjectId: unknown,
  documentId: unknown,
  body: unknown,
  via: string,
): Promise<DocumentView> {
  const input = ReviewInput.safeParse(body);
  if (!input.success)
    throw new Refusal("invalid", "The review could not be read. Reload the page and try again.", {
      fields: input.error.issues.map((i) => ({ field: i.path.join(".") || "note", message: i.message })),
    });
  const seen = await accessCaseDocuments(ports, actor.id, areaId, subjectId);
  const read = await documentSeen(ports, seen, documentId, input.data.referralId);
  const d = read.value;
  if (!mayBeReviewed(d))
    throw new Refusal("invalid", "Only a risk assessment is marked reviewed.", { code: "not-reviewable" });
  refuseUnlessChairOf(seen, d);
  if (d.review)
    throw new Refusal(
      "not-now",
      `${d.name} was marked reviewed by ${d.review.by.name} on ${DateTime.fromISO(d.review.at, { zone: "Europe/London" }).toFormat("d LLLL yyyy")}. Attach a new assessment to review it again.`,
      { code: "already-reviewed" },
    );
  if (input.data.version !== read.etag) throw new ConcurrencyConflict("Documents", read);
  const at = ports.now().toISOString();
  const reviewed = await ports.documents.replace(
    { ...d, review: { by: { id: actor.id, name: actor.name.slice(0, 200) }, at, note: input.data.note } },
    read.etag,
    actor.id,
  );
  await ports.casework.appendAudit(seen.access.areaId, [
    auditEntry(ports.now(), {
      areaId: seen.access.areaId,
      panelId: d.owner.panelId,
      actorId: actor.id,
      action: "document.reviewed",
      subjectId: seen.subject.id,
      referralId: d.owner.kind === "referral" ? d.owner.referralId : null,
      reference: d.reference,
      documentId: d.id,
      via,
    }),
  ]);
  return documentView(ports.catalogue, reviewed, false);
}
