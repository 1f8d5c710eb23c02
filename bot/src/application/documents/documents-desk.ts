import { withPorts } from "../with-ports.js";
import { attachToCase, attachToReferral } from "./attach-document.js";
import type { DocumentPorts } from "./document-ports.js";
import { linkToCaseDocument, linkToReferralDocument, openDownloadLink } from "./download-links.js";
import { referralDocuments, subjectDocuments } from "./list-documents.js";
import { reviewDocument } from "./review-document.js";

// Documents attached to cases and referrals: the one way in for the tab and the download link.

export const documentsDesk = (ports: DocumentPorts) => ({
  ofSubject: withPorts(ports, subjectDocuments),
  ofReferral: withPorts(ports, referralDocuments),
  attachToCase: withPorts(ports, attachToCase),
  attachToReferral: withPorts(ports, attachToReferral),
  review: withPorts(ports, reviewDocument),
  linkToCaseDocument: withPorts(ports, linkToCaseDocument),
  linkToReferralDocument: withPorts(ports, linkToReferralDocument),
  open: withPorts(ports, openDownloadLink),
});
export type DocumentsDesk = ReturnType<typeof documentsDesk>;

export type { DocumentView } from "./document-views.js";
export type { SubjectDocuments } from "./list-documents.js";
export type { DownloadLink } from "./download-links.js";
