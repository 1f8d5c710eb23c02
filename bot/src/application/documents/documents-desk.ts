import { withPorts } from "../with-ports.js";
import { attachToCase, attachToReferral } from "./attach-document.js";
import type { DocumentPorts } from "./document-ports.js";
import {
  caseDocumentFile,
  downloadCaseDocument,
  downloadReferralDocument,
  referralDocumentFile,
} from "./document-downloads.js";
import { referralDocuments, subjectDocuments } from "./list-documents.js";
import { reviewDocument } from "./review-document.js";

// Documents attached to cases and referrals: the one way in for the tab and its download links.

export const documentsDesk = (ports: DocumentPorts) => ({
  ofSubject: withPorts(ports, subjectDocuments),
  ofReferral: withPorts(ports, referralDocuments),
  attachToCase: withPorts(ports, attachToCase),
  attachToReferral: withPorts(ports, attachToReferral),
  review: withPorts(ports, reviewDocument),
  caseDocumentFile: withPorts(ports, caseDocumentFile),
  referralDocumentFile: withPorts(ports, referralDocumentFile),
  downloadCaseDocument: withPorts(ports, downloadCaseDocument),
  downloadReferralDocument: withPorts(ports, downloadReferralDocument),
});
export type DocumentsDesk = ReturnType<typeof documentsDesk>;

export type { DocumentView } from "./document-views.js";
export type { SubjectDocuments } from "./list-documents.js";
