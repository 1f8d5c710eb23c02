import { Router, type Request, type Response } from "express";
import type { HistoryDesk, SubjectAccessRecord } from "../../application/history/history-desk.js";
import { subjectAccessDocx } from "../documents/subject-access-docx.js";
import { signedIn } from "./authenticate.js";
import { SubjectAccessQuery, type HistoryResponse } from "./contract/index.js";
import { route } from "./route.js";

// A subject's record across the area's panels: its case history for the tab, and the subject
// access export for the area's administrators, by the subject or by the reference a request
// quotes. Who may see which is decided by the history desk.

async function sendExport(res: Response, record: SubjectAccessRecord): Promise<void> {
  res
    .type("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    .set("Content-Disposition", `attachment; filename="${record.subject.reference}-subject-access.docx"`)
    .send(await subjectAccessDocx(record));
}

export function subjectsRoutes(deps: { history: HistoryDesk }): Router {
  const router = Router();
  const base = "/areas/:areaId/subjects/:subjectId";
  const caller = (req: Request) => {
    const { id, name, upn } = signedIn(req);
    return upn ? { id, name, upn } : { id, name };
  };

  router.get(
    `${base}/history`,
    route(async (req, res) => {
      const history = await deps.history.view(
        caller(req),
        req.params["areaId"],
        req.params["subjectId"],
        "tab case history",
      );
      res.json(history satisfies HistoryResponse);
    }),
  );

  router.get(
    `${base}/subject-access.docx`,
    route(async (req, res) => {
      const record = await deps.history.exportForSubjectAccess(
        caller(req),
        req.params["areaId"],
        req.params["subjectId"],
        "subject access export",
      );
      await sendExport(res, record);
    }),
  );

  router.get(
    "/areas/:areaId/subject-access.docx",
    route(async (req, res) => {
      const record = await deps.history.exportByReference(
        caller(req),
        req.params["areaId"],
        SubjectAccessQuery.parse(req.query).reference,
        "subject access request",
      );
      await sendExport(res, record);
    }),
  );

  return router;
}
