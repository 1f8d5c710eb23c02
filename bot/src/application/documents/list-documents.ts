import { mayBeReviewed } from "../../domain/documents/document.js";
import type { Actor } from "../../domain/people/actor.js";
import {
  accessCaseDocuments,
  accessReferralDocuments,
  seesDocument,
  type CaseDocumentsAccess,
} from "../access/document-access.js";
import { auditEntry } from "../audit/audit-trail.js";
import { documentView, withScansNow, type DocumentView } from "./document-views.js";
import type { DocumentPorts } from "./document-ports.js";

// The documents of a subject's cases, with those that came with its referrals, oldest first; and a
// referral's own. Two round trips for a subject whatever it holds (the record's cases, then the
// subject's range and each referral's together), one for a referral; the view is audited once,
// naming the documents shown.

export interface SubjectDocuments {
  subject: { id: string; reference: string };
  /** The panels of the cases this person sees, where a document can be attached. */
  panels: { id: string; name: string; reference: string }[];
  documents: DocumentView[];
}

const mayReviewIn = (seen: CaseDocumentsAccess) => (view: DocumentView) =>
  seen.access.roles.get(view.attachedTo.panelId) === "chair" && mayBeReviewed(view) && !view.review;

export async function subjectDocuments(
  ports: DocumentPorts,
  actor: Actor,
  areaId: unknown,
  subjectId: unknown,
  via: string,
): Promise<SubjectDocuments> {
  const seen = await accessCaseDocuments(ports, actor.id, areaId, subjectId);
  const { areaId: area } = seen.access;
  const referralIds = [...new Set(seen.cases.flatMap((c) => c.referralIds))];
  const [own, ...ofReferrals] = await Promise.all([
    ports.documents.ofSubject(area, seen.subject.id),
    ...referralIds.map((id) => ports.documents.ofReferral(area, id)),
  ]);
  const found = [...(own ?? []), ...ofReferrals.flat()]
    .filter((d) => seesDocument(seen, d.value))
    .sort((a, b) => a.value.uploadedAt.localeCompare(b.value.uploadedAt));
  const current = await withScansNow(ports, found);
  const mayReview = mayReviewIn(seen);
  const documents = current.map((d) => {
    const view = documentView(ports.catalogue, d, false);
    return { ...view, mayReview: mayReview(view) };
  });
  if (documents.length)
    await ports.casework.appendAudit(area, [
      auditEntry(ports.now(), {
        areaId: area,
        panelId: "",
        actorId: actor.id,
        action: "documents.viewed",
        subjectId: seen.subject.id,
        reference: seen.subject.reference,
        shown: [...new Set(documents.map((d) => d.attachedTo.reference))],
        via,
      }),
    ]);
  return {
    subject: { id: seen.subject.id, reference: seen.subject.reference },
    panels: seen.cases.map((c) => ({
      id: c.panelId,
      name: ports.catalogue.panels.get(c.panelId)?.name ?? c.panelId,
      reference: c.reference,
    })),
    documents,
  };
}

export async function referralDocuments(
  ports: DocumentPorts,
  actor: Actor,
  panelId: unknown,
  referralId: unknown,
  via: string,
): Promise<DocumentView[]> {
  const { panel, referral } = await accessReferralDocuments(ports, actor.id, panelId, referralId);
  const found = await withScansNow(ports, await ports.documents.ofReferral(panel.areaId, referral.value.id));
  if (found.length)
    await ports.casework.appendAudit(panel.areaId, [
      auditEntry(ports.now(), {
        areaId: panel.areaId,
        panelId: panel.id,
        actorId: actor.id,
        action: "documents.viewed",
        subjectId: referral.value.subjectId,
        referralId: referral.value.id,
        reference: referral.value.reference,
        via,
      }),
    ]);
  return found.map((d) => documentView(ports.catalogue, d, false));
}
