import express, { Router, type NextFunction, type Request, type Response } from "express";
import type { Logger } from "pino";
import type { PeopleDesk } from "../../application/people/people-desk.js";
import { PEOPLE_CSV_TEMPLATE } from "../../application/people/people-desk.js";
import { MAX_CSV_BYTES } from "../../application/people/people-csv.js";
import type { PeopleFinder } from "../../application/ports/people-finder.js";
import type { DirectoryAccess } from "../graph/directory-access.js";
import { DirectoryProblem } from "../graph/graph-directory.js";
import { signedIn } from "./authenticate.js";
import {
  AreaId,
  DirectoryQuery,
  PanelId,
  PersonChange,
  PersonId,
  RoleChange,
  type AreaPeopleResponse,
  type DirectoryResponse,
  type ImportResponse,
} from "./contract/index.js";
import { HttpProblem } from "./errors.js";
import { route } from "./route.js";

// The People page's API: thin over the application's people desk, which decides who may do what.

const VIA = "tab";

const DIRECTORY_STATUS: Record<DirectoryProblem["kind"], number> = {
  "sign-in": 403,
  "no-access": 403,
  busy: 503,
  unavailable: 502,
  rejected: 502,
};

const csvBody = express.text({
  type: ["text/csv", "text/plain", "application/vnd.ms-excel"],
  limit: MAX_CSV_BYTES,
});

/** The import file itself, or a refusal in words: too big, or not sent as a CSV file. */
function importFile(req: Request, res: Response, next: NextFunction): void {
  csvBody(req, res, (err?: unknown) => {
    if ((err as { type?: string } | undefined)?.type === "entity.too.large")
      return next(
        new HttpProblem(
          413,
          "file-too-large",
          `The file is larger than ${MAX_CSV_BYTES / 1024} KB. Split it into smaller files. Nothing was imported.`,
        ),
      );
    if (err) return next(err);
    if (typeof req.body !== "string")
      return next(
        new HttpProblem(
          415,
          "not-a-csv-file",
          "Send the CSV file itself, as text/csv. Nothing was imported.",
        ),
      );
    next();
  });
}

export function peopleRoutes(deps: {
  people: PeopleDesk;
  directoryAccess: DirectoryAccess | undefined;
  log: Logger;
}): Router {
  const { people } = deps;
  const router = Router();

  const caller = (req: Request) => {
    const { id, name, upn } = signedIn(req);
    return upn ? { id, name, upn } : { id, name };
  };
  const areaOf = (req: Request) => AreaId.parse(req.params["areaId"]);
  const personOf = (req: Request) => PersonId.parse(req.params["personId"]);
  const panelOf = (req: Request) => PanelId.parse(req.params["panelId"]);
  /** The signed-in person's way into the directory, when Microsoft Graph is configured. */
  const finderFor = (req: Request): PeopleFinder | undefined => {
    const user = signedIn(req);
    return deps.directoryAccess?.({ id: user.id, name: user.name, token: req.accessToken ?? "" });
  };
  /** Directory errors become problems for the person searching; Graph's own words go to the log. */
  const plainly = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (e) {
      if (e instanceof DirectoryProblem) {
        deps.log.warn({ kind: e.kind, detail: e.detail }, "directory request failed");
        throw new HttpProblem(DIRECTORY_STATUS[e.kind], `directory-${e.kind}`, e.message);
      }
      throw e;
    }
  };

  router.get(
    "/areas/:areaId/people",
    route(async (req, res) => {
      res.json((await people.view(caller(req), areaOf(req), VIA)) satisfies AreaPeopleResponse);
    }),
  );

  // A blank file to fill in; it holds no one's details.
  router.get(
    "/areas/:areaId/people/template.csv",
    route(async (req, res) => {
      const areaId = areaOf(req);
      await people.requireManager(caller(req), areaId);
      res
        .type("text/csv; charset=utf-8")
        .set("Content-Disposition", `attachment; filename="${areaId}-people-template.csv"`)
        .send(PEOPLE_CSV_TEMPLATE);
    }),
  );

  router.put(
    "/areas/:areaId/people/:personId",
    route(async (req, res) => {
      const details = PersonChange.parse(req.body);
      await people.savePerson(caller(req), areaOf(req), { ...details, id: personOf(req) }, VIA);
      res.status(204).end();
    }),
  );

  router.put(
    "/panels/:panelId/members/:personId",
    route(async (req, res) => {
      const { role, deputyFor } = RoleChange.parse(req.body);
      await people.setRole(caller(req), panelOf(req), personOf(req), { role, deputyFor }, VIA);
      res.status(204).end();
    }),
  );

  router.delete(
    "/panels/:panelId/members/:personId",
    route(async (req, res) => {
      await people.removeRole(caller(req), panelOf(req), personOf(req), VIA);
      res.status(204).end();
    }),
  );

  for (const [method, administrator] of [
    ["put", true],
    ["delete", false],
  ] as const) {
    router[method](
      "/areas/:areaId/administrators/:personId",
      route(async (req, res) => {
        await people.setAdministrator(caller(req), areaOf(req), personOf(req), administrator, VIA);
        res.status(204).end();
      }),
    );
  }

  router.get(
    "/areas/:areaId/directory",
    route(async (req, res) => {
      const areaId = areaOf(req);
      const { q } = DirectoryQuery.parse(req.query);
      const finder = finderFor(req);
      if (!finder) {
        await people.requireManager(caller(req), areaId);
        throw new HttpProblem(
          503,
          "directory-not-connected",
          "MACE panels is not connected to your organisation's directory here. Import people from a CSV file with their Entra object ids instead.",
        );
      }
      const found = await plainly(() => people.searchDirectory(caller(req), areaId, finder, q));
      res.json({ people: found } satisfies DirectoryResponse);
    }),
  );

  router.post(
    "/areas/:areaId/people/import/preview",
    importFile,
    route(async (req, res) => {
      const preview = await plainly(() =>
        people.previewImport(caller(req), areaOf(req), req.body as string, finderFor(req)),
      );
      res.json(preview satisfies ImportResponse);
    }),
  );

  router.post(
    "/areas/:areaId/people/import/apply",
    importFile,
    route(async (req, res) => {
      const done = await plainly(() =>
        people.applyImport(caller(req), areaOf(req), req.body as string, finderFor(req)),
      );
      res.json(done satisfies ImportResponse);
    }),
  );

  return router;
}
