import { Router, type Request } from "express";
import type { LinkDesk } from "../../application/links/link-desk.js";
import { subjectMapPng } from "../charts/subject-map-png.js";
import { attachment } from "./attachment.js";
import { signedIn } from "./authenticate.js";
import {
  EndLinkBody,
  LinkId,
  NewLinkBody,
  NewSubjectBody,
  SubjectId,
  SubjectMapQuery,
  SubjectSearchQuery,
  type LinkResponse,
  type SubjectMapResponse,
  type SubjectResponse,
  type SubjectsResponse,
} from "./contract/index.js";
import { MARKING } from "./contract/map-drawing.js";
import { route } from "./route.js";

// The tab's API for links between an area's subjects and the map they make. Who may do what is
// the application's to decide (application/access/subject-access.ts).

export function linksRoutes(deps: { links: LinkDesk }): Router {
  const { links } = deps;
  const router = Router();
  const actor = (req: Request) => {
    const user = signedIn(req);
    return { id: user.id, name: user.name };
  };
  const area = (req: Request) => req.params["areaId"];

  router.get(
    "/areas/:areaId/subjects",
    route(async (req, res) => {
      const { q } = SubjectSearchQuery.parse(req.query);
      const subjects = await links.find(actor(req), area(req), q, "tab subject search");
      res.json({ subjects } satisfies SubjectsResponse);
    }),
  );

  router.post(
    "/areas/:areaId/subjects",
    route(async (req, res) => {
      const subject = await links.record(actor(req), area(req), NewSubjectBody.parse(req.body), "tab links");
      res.status(201).json({ subject } satisfies SubjectResponse);
    }),
  );

  router.post(
    "/areas/:areaId/links",
    route(async (req, res) => {
      const link = await links.add(actor(req), area(req), NewLinkBody.parse(req.body), "tab links");
      res.status(201).json({ link } satisfies LinkResponse);
    }),
  );

  router.post(
    "/areas/:areaId/links/:linkId/end",
    route(async (req, res) => {
      const linkId = LinkId.parse(req.params["linkId"]);
      const { reason } = EndLinkBody.parse(req.body);
      const link = await links.end(actor(req), area(req), linkId, reason, "tab links");
      res.json({ link } satisfies LinkResponse);
    }),
  );

  router.get(
    "/areas/:areaId/subjects/:subjectId/map",
    route(async (req, res) => {
      const subjectId = SubjectId.parse(req.params["subjectId"]);
      const query = SubjectMapQuery.parse(req.query);
      const map = await links.map(actor(req), area(req), subjectId, query, "tab map");
      res.json(map satisfies SubjectMapResponse);
    }),
  );

  // The same map as an image for a briefing, laid out as the page lays it out: read, checked and
  // audited again as what the image shows.
  router.get(
    "/areas/:areaId/subjects/:subjectId/map.png",
    route(async (req, res) => {
      const subjectId = SubjectId.parse(req.params["subjectId"]);
      const query = SubjectMapQuery.parse(req.query);
      const map = await links.map(actor(req), area(req), subjectId, query, "map image");
      const reference = map.nodes.find((n) => n.id === map.centre)?.reference ?? subjectId;
      res
        .type("image/png")
        .set("Content-Disposition", attachment(`${MARKING}-map-${reference}-${map.to}.png`))
        .send(await subjectMapPng(map));
    }),
  );

  return router;
}
