import { Router } from "express";
import type { CohortCase, CohortDesk, CohortList, CohortPage } from "../../application/cohort/cohort-desk.js";
import { PAGE_SIZE } from "../../application/paging/pages.js";
import { signedIn } from "./authenticate.js";
import { CohortCsvQuery, CohortQuery, type CohortResponse } from "./contract/index.js";
import { markedCsv } from "./marked-csv.js";
import { route } from "./route.js";

const decision = (c: CohortCase) => c.lastDecision?.label ?? (c.lastDecision ? "Decision recorded" : "");

/** The cohort as CSV, for the panel's members: the same columns as the page's list. */
function csvOf(list: CohortList, cases: CohortCase[]): string {
  const when = list === "open" ? ["Next meeting", "Open actions", "Overdue actions"] : ["Closed"];
  return markedCsv(
    cases.map((c) => [
      c.reference,
      c.name ?? "Not shown before sign-in",
      c.kind,
      c.risk ?? "",
      ...(list === "open" ? [c.nextMeetingDate ?? "", c.openActions, c.overdueActions] : [c.closedOn ?? ""]),
      decision(c),
      c.lastDecision?.on ?? "",
    ]),
    ["Reference", "Name", "Kind", "Risk", ...when, "Last decision", "Decided on"],
  );
}

export function cohortRoutes(deps: { cohort: CohortDesk }): Router {
  const router = Router();

  router.get(
    "/panels/:panelId/cohort",
    route(async (req, res) => {
      const q = CohortQuery.parse(req.query);
      const page = await deps.cohort.view(
        signedIn(req),
        req.params["panelId"],
        {
          list: q.list,
          ...(q.after !== undefined && { after: q.after }),
          ...(q.pageSize !== undefined && { pageSize: q.pageSize }),
        },
        "tab cohort",
      );
      res.json(page satisfies CohortResponse);
    }),
  );

  router.get(
    "/panels/:panelId/cohort.csv",
    route(async (req, res) => {
      const { list } = CohortCsvQuery.parse(req.query);
      // The export is the whole list: every page of it, each page read (and audited) in turn.
      const pages: CohortPage[] = [];
      let after: string | undefined;
      do {
        const page = await deps.cohort.view(
          signedIn(req),
          req.params["panelId"],
          { list, pageSize: PAGE_SIZE.max, ...(after && { after }) },
          "tab cohort CSV",
          true,
        );
        pages.push(page);
        after = page.next ?? undefined;
      } while (after);
      const panelId = pages[0]?.panelId ?? "cohort";
      res
        .type("text/csv; charset=utf-8")
        .set("Content-Disposition", `attachment; filename="${panelId}-cohort-${list}.csv"`)
        .send(
          csvOf(
            list,
            pages.flatMap((p) => p.cases),
          ),
        );
    }),
  );

  return router;
}
