import { Router, type Request, type Response } from "express";
import type { Logger } from "pino";
import {
  accessFileSource,
  type DownloadAccessPorts,
  type FileSource,
} from "../../application/access/download-access.js";
import type { DownloadsDesk, LinkHolder } from "../../application/downloads/downloads-desk.js";
import { signedIn } from "./authenticate.js";
import { DownloadLinkBody, type DownloadLinkResponse } from "./contract/downloads.js";
import { HttpProblem, problemOf } from "./errors.js";
import { route } from "./route.js";

// Download links for the tab's files, and the links themselves. The tab asks for a link to a file
// by its path on the service; the link is signed only for the files listed here, after the check
// of the page each comes from. `GET /downloads/<token>` needs no sign-in (Teams opens it in its own
// browser, or the system's, which carry none): the signed link is the credential. It is opened
// once, as the person it was made for, through the file's own route, which checks again and audits
// the download as the page's read is audited. A link that cannot be opened gets a page in words.

const AREA = "([a-z0-9-]{1,80})";
const PANEL = "([a-z0-9-]{1,80})";
const MEETING = "\\d{4}-\\d{2}-\\d{2}";
const SUBJECT = "([A-Za-z0-9-]{1,64})";

/** The files a link may be made to, each with the page whose check it passes (by the ids in its path). */
const FILES: { path: RegExp; source: (ids: string[], query: URLSearchParams) => FileSource }[] = [
  {
    path: new RegExp(`^/api/panels/${PANEL}/(actions\\.csv|cohort\\.csv|calendar\\.ics)$`),
    source: ([panelId = ""]) => ({ from: "panel", panelId }),
  },
  {
    path: new RegExp(
      `^/api/panels/${PANEL}/meetings/${MEETING}/(minutes\\.docx|minutes\\.pdf|agenda\\.pdf)$`,
    ),
    source: ([panelId = ""]) => ({ from: "panel", panelId }),
  },
  {
    path: new RegExp(
      `^/api/areas/${AREA}/(reports/document\\.docx|reports/tables/[a-z0-9-]{1,80}\\.csv|population-baseline\\.csv)$`,
    ),
    source: ([areaId = ""]) => ({ from: "reports", areaId }),
  },
  {
    path: new RegExp(`^/api/areas/${AREA}/people/template\\.csv$`),
    source: ([areaId = ""]) => ({ from: "people", areaId }),
  },
  {
    path: new RegExp(`^/api/areas/${AREA}/(subjects/[A-Za-z0-9-]{1,64}/)?subject-access\\.docx$`),
    source: ([areaId = ""], query) => {
      const reference = query.get("reference");
      return { from: "subject-access", areaId, ...(reference !== null && { reference }) };
    },
  },
  {
    path: new RegExp(`^/api/areas/${AREA}/subjects/${SUBJECT}/map\\.png$`),
    source: ([areaId = "", subjectId = ""]) => ({ from: "subject-record", areaId, subjectId }),
  },
];

const noSuchFile = () =>
  new HttpProblem(404, "no-such-file", "There is no such file to download. Reload the page and try again.");

/** The signed-in person, as a link carries them. */
export function holderOf(req: Request): LinkHolder {
  const { id, tenantId, guest, upn } = signedIn(req);
  return { id, tenantId, guest, upn };
}

const noSuchLink = () =>
  new HttpProblem(
    404,
    "no-such-link",
    "This is not a download link. Go back to the page in MACE panels and choose the download again.",
  );

/** `POST /api/downloads`: a link to one of the files above, for the signed-in person. */
export function downloadLinkRoutes(deps: DownloadAccessPorts & { downloads: DownloadsDesk }): Router {
  const router = Router();
  router.post(
    "/downloads",
    route(async (req, res) => {
      const { path } = DownloadLinkBody.parse(req.body);
      const url = new URL(path, "http://service");
      const file = FILES.map((f) => ({ match: f.path.exec(url.pathname), f })).find((m) => m.match);
      if (!file?.match?.[1]) throw noSuchFile();
      const { id, name, upn } = signedIn(req);
      const areaId = await accessFileSource(
        deps,
        { id, name, ...(upn && { upn }) },
        file.f.source(file.match.slice(1), url.searchParams),
      );
      const link = deps.downloads.link(holderOf(req), { areaId, path: url.pathname + url.search });
      res.json(link satisfies DownloadLinkResponse);
    }),
  );
  return router;
}

const escaped = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** What went wrong, as a page for someone who opened the link in a browser. */
function refusalPage(res: Response, log: Logger, thrown: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const problem = problemOf(thrown);
  if (!problem) log.error({ reason: (thrown as Error | undefined)?.message }, "download failed");
  const status = problem?.status ?? 500;
  const message =
    problem?.message ??
    "Something went wrong making this file. Go back to MACE panels in Teams and choose the download again; if it happens again, tell your panel's coordinator.";
  res
    .status(status)
    .type("html")
    .set("Content-Disposition", "inline")
    .send(
      `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Download not available - MACE panels</title>` +
        `<meta name="viewport" content="width=device-width, initial-scale=1"></head>` +
        `<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem">` +
        `<h1>This download is not available</h1><p>${escaped(message)}</p></body></html>`,
    );
}

/** The query of a file's path, as Express would have parsed it for the file's route. */
function queryOf(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of params) {
    const held = query[key];
    query[key] = held === undefined ? value : [...(Array.isArray(held) ? held : [held]), value];
  }
  return query;
}

/** `GET /downloads/<token>`: the file, once, through its own route in `files`. */
export function downloadRoutes(
  deps: { downloads: DownloadsDesk; directory: DownloadAccessPorts["directory"]; log: Logger },
  files: Router,
): Router {
  const router = Router();
  // Express answers HEAD with the GET handler: a link checker's or download manager's probe
  // would spend the link and audit a download nobody received.
  router.head("/:token", (_req, res) => {
    res.status(405).set("Allow", "GET").end();
  });
  router.get("/:token", (req, res) => {
    const refused = (err: unknown) => refusalPage(res, deps.log, err);
    void (async () => {
      const { holder, file } = await deps.downloads.open(req.params["token"]);
      const person = await deps.directory.person(holder.id);
      req.user = { ...holder, name: person?.displayName ?? "" };
      const url = new URL(file.path, "http://service");
      req.url = url.pathname.replace(/^\/api/, "") + url.search;
      req.query = queryOf(url.searchParams);
      // The file's route knows it is answering a link (documents are served through nothing else).
      res.locals["downloadLink"] = true;
      res.set("Cache-Control", "no-store");
      files(req, res, (err?: unknown) => refused(err ?? noSuchFile()));
    })().catch(refused);
  });
  // Anything else under /downloads is no link at all: said in words too.
  router.use((_req, res) => refusalPage(res, deps.log, noSuchLink()));
  return router;
}

/** Whether a request came through a download link (documents are served only so). */
export const throughDownloadLink = (res: Response): boolean => res.locals["downloadLink"] === true;
