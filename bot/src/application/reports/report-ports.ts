import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { Month, MonthFigures } from "../../domain/reports/month-figures.js";
import type { Casework } from "../ports/casework.js";
import type { Directory } from "../ports/directory.js";
import type { PopulationBaselines } from "../ports/population-baselines.js";
import type { ReportFigureStore } from "../ports/report-figures.js";

/** What reports need; each use case declares the part it uses. */
export interface ReportPorts {
  catalogue: Catalogue;
  directory: Directory;
  /** Per area, the object ids and user principal names (lower case) configuration names as administrators. */
  administrators: Map<string, string[]>;
  figures: ReportFigureStore;
  baselines: PopulationBaselines;
  /** Report views and exports are audited in the area's trail. */
  casework: Pick<Casework, "appendAudit">;
  now: () => Date;
  /** A copy shared beyond the panel shows counts below this as "fewer than N" (configuration). */
  suppressBelow: number;
  /** Works one month out again for every panel of the area, and stores it (the figures run). */
  workOutMonth: (areaId: string, month: Month) => Promise<MonthFigures[]>;
}
