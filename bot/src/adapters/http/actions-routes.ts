import { PAGE_SIZE } from "../../application/paging/pages.js";
import { Router } from "express";
import type { ActionLog, ActionView } from "../../application/actions/action-log.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { Repositories } from "../tables/repositories.js";
import { signedIn } from "./authenticate.js";
import {
  ActionDone,
  ActionExtend,
  ActionFilter,
  ActionId,
  ActionNotPossible,
  ActionReassign,
  ActionUpdate,
  IsoDate,
  NewAction,
  type ActionResponse,
  type ActionsResponse,
} from "./contract/index.js";
import { panelAccess, versionOf } from "./panel-access.js";
import { markedCsv } from "./marked-csv.js";
import { route } from "./route.js";
import type { Directory } from "../../application/ports/directory.js";

/** The action log as CSV, for circulating to the agencies: reference, not names of children. */
function csvOf(actions: ActionView[]): string {
  return markedCsv(
    actions.map((a) => [
      a.reference,
      a.meetingId,
      a.caseReference ?? "",
      a.title,
      a.text,
      // An outside owner is shown with the member who answers for it.
      a.outsideOwner ? a.owner : a.ownerName,
      a.ownerAgency,
      a.dueDate,
      a.status === "done"
        ? "Done"
        : a.status === "not-possible"
          ? "Not possible"
          : a.overdue
            ? "Overdue"
            : "Open",
      a.completed
        ? `${a.completed.byName} ${a.completed.at.slice(0, 10)}`
        : a.closed
          ? `${a.closed.byName} ${a.closed.at.slice(0, 10)}: ${a.closed.reason}`
          : "",
      a.updates.at(-1)?.text ?? "",
    ]),
    [
      "Reference",
      "Meeting",
      "Case",
      "Title",
      "Action",
      "Owner",
      "Agency",
      "Due",
      "Status",
      "Completed",
      "Latest update",
    ],
  );
}

export function actionsRoutes(deps: {
  catalogue: Catalogue;
  repos: Repositories;
  directory: Directory;
  actionLog: ActionLog;
}): Router {
  const router = Router();
  const panelFor = panelAccess(deps.catalogue, deps.directory);

  const listed = async (req: Parameters<typeof panelFor>[0], via: string, whole?: { after?: string }) => {
    const { panel, role } = await panelFor(req);
    const f = ActionFilter.parse(req.query);
    const page = whole
      ? { after: whole.after, pageSize: PAGE_SIZE.max }
      : { after: f.after, pageSize: f.pageSize };
    return deps.actionLog.list(
      signedIn(req),
      role,
      panel.id,
      { meetingId: f.meetingId, status: f.status, ownerId: f.owner, agencyId: f.agency, overdue: f.overdue },
      via,
      {
        ...(page.after !== undefined && { after: page.after }),
        ...(page.pageSize !== undefined && { pageSize: page.pageSize }),
      },
    );
  };

  router.get(
    "/panels/:panelId/actions",
    route(async (req, res) => {
      const { panel, role } = await panelFor(req);
      const { actions, next } = await listed(req, "tab action log");
      // Who could not be reminded is for the people who chase actions.
      const undelivered =
        role === "coordinator" || role === "chair" ? await deps.actionLog.undelivered(panel.id) : [];
      res.json({ actions, next, undelivered } satisfies ActionsResponse);
    }),
  );

  router.get(
    "/panels/:panelId/actions.csv",
    route(async (req, res) => {
      // The export is the whole log: every page of it, each page read (and audited) in turn.
      const actions = [];
      let after: string | undefined;
      do {
        const page = await listed(req, "tab action log CSV", { after });
        actions.push(...page.actions);
        after = page.next ?? undefined;
      } while (after);
      res
        .type("text/csv; charset=utf-8")
        .set("Content-Disposition", `attachment; filename="${String(req.params["panelId"])}-actions.csv"`)
        .send(csvOf(actions));
    }),
  );

  router.post(
    "/panels/:panelId/meetings/:meetingId/actions",
    route(async (req, res) => {
      const { panel } = await panelFor(req, "coordinators");
      const meetingId = IsoDate.parse(req.params["meetingId"]);
      const input = NewAction.parse(req.body);
      const action = await deps.actionLog.create(signedIn(req), panel.id, meetingId, input, "tab actions");
      res.status(201).json({ action } satisfies ActionResponse);
    }),
  );

  router.post(
    "/panels/:panelId/actions/:actionId/done",
    route(async (req, res) => {
      const { panel, role } = await panelFor(req);
      const actionId = ActionId.parse(req.params["actionId"]);
      const version = versionOf(req, "action");
      const { note } = ActionDone.parse(req.body);
      const action = await deps.actionLog.complete(
        signedIn(req),
        role,
        panel.id,
        actionId,
        note,
        version,
        "tab actions",
      );
      res.json({ action } satisfies ActionResponse);
    }),
  );

  router.post(
    "/panels/:panelId/actions/:actionId/updates",
    route(async (req, res) => {
      const { panel, role } = await panelFor(req);
      const actionId = ActionId.parse(req.params["actionId"]);
      const version = versionOf(req, "action");
      const { text } = ActionUpdate.parse(req.body);
      const action = await deps.actionLog.addUpdate(
        signedIn(req),
        role,
        panel.id,
        actionId,
        text,
        version,
        "tab actions",
      );
      res.json({ action } satisfies ActionResponse);
    }),
  );

  // Extending, reassigning and closing as not possible: on the version the person read.
  const reshape = (
    path: string,
    change: (
      req: Parameters<typeof panelFor>[0],
      role: Awaited<ReturnType<typeof panelFor>>["role"],
      panelId: string,
      actionId: string,
      version: string,
    ) => Promise<ActionView>,
  ) =>
    router.post(
      `/panels/:panelId/actions/:actionId/${path}`,
      route(async (req, res) => {
        const { panel, role } = await panelFor(req);
        const actionId = ActionId.parse(req.params["actionId"]);
        const version = versionOf(req, "action");
        const action = await change(req, role, panel.id, actionId, version);
        res.json({ action } satisfies ActionResponse);
      }),
    );
  reshape("extend", (req, role, panelId, actionId, version) =>
    deps.actionLog.extend(
      signedIn(req),
      role,
      panelId,
      actionId,
      ActionExtend.parse(req.body),
      version,
      "tab actions",
    ),
  );
  reshape("reassign", (req, role, panelId, actionId, version) =>
    deps.actionLog.reassign(
      signedIn(req),
      role,
      panelId,
      actionId,
      ActionReassign.parse(req.body),
      version,
      "tab actions",
    ),
  );
  reshape("not-possible", (req, role, panelId, actionId, version) =>
    deps.actionLog.closeAsNotPossible(
      signedIn(req),
      role,
      panelId,
      actionId,
      ActionNotPossible.parse(req.body).reason,
      version,
      "tab actions",
    ),
  );

  return router;
}
