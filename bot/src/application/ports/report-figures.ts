import type { Month, MonthFigures } from "../../domain/reports/month-figures.js";

// Each panel's figures month by month, kept apart from the casework they are worked out from: a
// report reads one key range of an area's months, however many years of record lie behind them.

export interface ReportFigureStore {
  /** The figures of every panel of the area for the months from `from` to `to`, inclusive, in month order. */
  monthsOf(areaId: string, from: Month, to: Month): Promise<MonthFigures[]>;
  /** Stores a panel's month as worked out again, whatever was there: working a month out twice gives the same row. */
  save(f: MonthFigures): Promise<void>;
}
