import express, { Router, type NextFunction, type Request, type Response } from "express";
import type { DocumentsDesk } from "../../application/documents/documents-desk.js";
import type { Download } from "../../application/documents/document-downloads.js";
import type { DownloadsDesk } from "../../application/downloads/downloads-desk.js";
import { attachment } from "./attachment.js";
import { holderOf, throughDownloadLink } from "./download-routes.js";
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENT_SIZE_WORDS } from "../../domain/documents/file-check.js";
import { signedIn } from "./authenticate.js";
import {
  AttachQuery,
  DocumentLinkBody,
  FILE_NAME_HEADER,
  ReviewDocumentBody,
  type DocumentLinkResponse,
  type DocumentResponse,
  type ReferralDocumentsResponse,
  type SubjectDocumentsResponse,
} from "./contract/documents.js";
import { HttpProblem } from "./errors.js";
import { route } from "./route.js";

// Documents attached to a subject's cases and to referrals. The file is sent as the request's body
// (at most 10 MB, whatever it says it is), and read back only through a download link (the file's
// route answers nothing else): who may do what is decided by the documents desk.

/** The file's bytes; one over the limit is refused in words before any of it is kept. */
function fileBody(req: Request, res: Response, next: NextFunction): void {
  express.raw({ type: () => true, limit: MAX_DOCUMENT_BYTES })(req, res, (err?: unknown) => {
    if ((err as { type?: string } | undefined)?.type === "entity.too.large")
      return next(
        new HttpProblem(
          413,
          "too-large",
          `The file is larger than ${MAX_DOCUMENT_SIZE_WORDS}. Attach a smaller copy, or split it into parts. Nothing was saved.`,
          [{ field: "file", message: `Larger than ${MAX_DOCUMENT_SIZE_WORDS}.` }],
        ),
      );
    next(err);
  });
}

const bytesOf = (req: Request): Uint8Array => (Buffer.isBuffer(req.body) ? req.body : new Uint8Array());

/** The file's name from its header; one that is not URI-encoded is no name, and is refused as none. */
function nameOf(req: Request): string {
  const raw = req.get(FILE_NAME_HEADER) ?? "";
  try {
    return decodeURIComponent(raw).slice(0, 400);
  } catch {
    return "";
  }
}

/** The document itself, answered only through its download link. */
function send(res: Response, { document, body, size }: Download): void {
  res.status(200).set({
    "Content-Type": document.contentType,
    "Content-Length": String(size),
    "Content-Disposition": attachment(document.name),
  });
  body.on("error", (err) => res.destroy(err));
  body.pipe(res);
}

const onlyByLink = (res: Response) => {
  if (!throughDownloadLink(res)) throw new HttpProblem(404, "not-found", "There is nothing at this address.");
};

export function documentsRoutes(deps: { documents: DocumentsDesk; downloads: DownloadsDesk }): Router {
  const router = Router();
  const subject = "/areas/:areaId/subjects/:subjectId/documents";
  const referral = "/panels/:panelId/referrals/:referralId/documents";
  const caller = (req: Request) => {
    const { id, name } = signedIn(req);
    return { id, name };
  };

  router.get(
    subject,
    route(async (req, res) => {
      const found = await deps.documents.ofSubject(
        caller(req),
        req.params["areaId"],
        req.params["subjectId"],
        "tab case history",
      );
      res.json(found satisfies SubjectDocumentsResponse);
    }),
  );

  router.post(
    subject,
    fileBody,
    route(async (req, res) => {
      const query = AttachQuery.parse(req.query);
      const document = await deps.documents.attachToCase(
        caller(req),
        req.params["areaId"],
        req.params["subjectId"],
        { kind: query.kind, name: nameOf(req), panelId: query.panelId },
        bytesOf(req),
        "tab case history",
      );
      res.status(201).json({ document } satisfies DocumentResponse);
    }),
  );

  router.post(
    `${subject}/:documentId/review`,
    route(async (req, res) => {
      const document = await deps.documents.review(
        caller(req),
        req.params["areaId"],
        req.params["subjectId"],
        req.params["documentId"],
        ReviewDocumentBody.parse(req.body),
        "tab case history",
      );
      res.json({ document } satisfies DocumentResponse);
    }),
  );

  router.post(
    `${subject}/:documentId/link`,
    route(async (req, res) => {
      const file = await deps.documents.caseDocumentFile(
        caller(req),
        req.params["areaId"],
        req.params["subjectId"],
        req.params["documentId"],
        DocumentLinkBody.parse(req.body ?? {}),
      );
      res.json(deps.downloads.link(holderOf(req), file) satisfies DocumentLinkResponse);
    }),
  );

  router.get(
    `${subject}/:documentId/file`,
    route(async (req, res) => {
      onlyByLink(res);
      const download = await deps.documents.downloadCaseDocument(
        caller(req),
        req.params["areaId"],
        req.params["subjectId"],
        req.params["documentId"],
        req.query,
        "download link",
      );
      send(res, download);
    }),
  );

  router.get(
    referral,
    route(async (req, res) => {
      const documents = await deps.documents.ofReferral(
        caller(req),
        req.params["panelId"],
        req.params["referralId"],
        "tab referrals",
      );
      res.json({ documents } satisfies ReferralDocumentsResponse);
    }),
  );

  router.post(
    referral,
    fileBody,
    route(async (req, res) => {
      const { kind } = AttachQuery.parse(req.query);
      const document = await deps.documents.attachToReferral(
        caller(req),
        req.params["panelId"],
        req.params["referralId"],
        { kind, name: nameOf(req) },
        bytesOf(req),
        "tab referrals",
      );
      res.status(201).json({ document } satisfies DocumentResponse);
    }),
  );

  router.post(
    `${referral}/:documentId/link`,
    route(async (req, res) => {
      const file = await deps.documents.referralDocumentFile(
        caller(req),
        req.params["panelId"],
        req.params["referralId"],
        req.params["documentId"],
      );
      res.json(deps.downloads.link(holderOf(req), file) satisfies DocumentLinkResponse);
    }),
  );

  router.get(
    `${referral}/:documentId/file`,
    route(async (req, res) => {
      onlyByLink(res);
      const download = await deps.documents.downloadReferralDocument(
        caller(req),
        req.params["panelId"],
        req.params["referralId"],
        req.params["documentId"],
        "download link",
      );
      send(res, download);
    }),
  );

  return router;
}
