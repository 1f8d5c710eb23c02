import { withPorts } from "../with-ports.js";
import { viewCohort, type CohortPorts } from "./view-cohort.js";

// A panel's cohort: its open and closed cases, a page at a time, for the tab's Cohort page and
// its CSV.

export const cohortDesk = (ports: CohortPorts) => ({
  view: withPorts(ports, viewCohort),
});
export type CohortDesk = ReturnType<typeof cohortDesk>;

export { COHORT_PAGE_SIZE } from "./view-cohort.js";
export type { CohortCase, CohortList, CohortPage, CohortPorts, CohortRequest } from "./view-cohort.js";
