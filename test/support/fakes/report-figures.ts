import type { ReportFigureStore } from "../../../bot/src/application/ports/report-figures.js";
import { MonthFigures } from "../../../bot/src/domain/reports/month-figures.js";
import { Calls, FakeTable, keyOf } from "./records.js";

// Each panel's figures month by month in memory, keyed as report-figure-tables.ts keys them: an
// area's months one partition, month first, so a period is one range in month order.

export function fakeReportFigures(now: () => Date): ReportFigureStore & { calls: Calls } {
  const table = new FakeTable(now);
  const calls = new Calls();
  const row = (month: string, panelId: string) => `${month}|${keyOf(panelId)}`;
  return {
    calls,
    monthsOf(areaId, from, to) {
      calls.count("monthsOf");
      const found = table.list<MonthFigures>(keyOf(areaId), (rk) => rk >= `${from}|` && rk < `${to}}`);
      return Promise.resolve(found.map((f) => f.value));
    },
    save(f) {
      calls.count("save");
      const value = MonthFigures.parse(f);
      table.write({
        op: "upsert",
        pk: keyOf(f.areaId),
        rk: row(f.month, f.panelId),
        value,
        by: "figures run",
      });
      return Promise.resolve();
    },
  };
}
