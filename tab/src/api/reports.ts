// An area's and a panel's reports, read for a period and scope: a section, the document and a table's
// CSV; the month's figures worked out again, and the population baseline.

import type {
  BaselineReplacementBody,
  BaselineResponse,
  ChartTheme,
  ReportResponse,
  ReportScope,
  Sharing,
  WorkOutMonthResponse,
} from "../../../bot/src/adapters/http/contract/index.js";
import type { TokenSource } from "../tokens.js";
import { file, request } from "./request.js";

/** A report's period and scope as the service reads them: no panel is the area's report. */
function reportQuery(scope: ReportScope, more: Record<string, string>): string {
  const params = new URLSearchParams({ period: scope.period });
  if (scope.period === "custom") {
    params.set("from", scope.from ?? "");
    params.set("to", scope.to ?? "");
  }
  if (scope.panelId) params.set("panelId", scope.panelId);
  for (const [name, value] of Object.entries(more)) params.set(name, value);
  return params.toString();
}

const reportsOf = (areaId: string) => `/api/areas/${encodeURIComponent(areaId)}/reports`;

export const reportCalls = {
  /** One section of an area's or a panel's report, its charts drawn for the theme shown. */
  report: (token: TokenSource, areaId: string, scope: ReportScope, section: string, theme: ChartTheme) =>
    request<ReportResponse>(`${reportsOf(areaId)}?${reportQuery(scope, { section, theme })}`, token),
  /** Works one month's figures out again for every panel of the area. */
  workOutMonth: (token: TokenSource, areaId: string, month: string) =>
    request<WorkOutMonthResponse>(
      `/api/areas/${encodeURIComponent(areaId)}/report-figures/${encodeURIComponent(month)}`,
      token,
      { method: "POST", body: "{}" },
    ),
  reportDocx: (token: TokenSource, areaId: string, scope: ReportScope, sharing: Sharing) =>
    file(`${reportsOf(areaId)}/document.docx?${reportQuery(scope, { sharing })}`, token),
  reportTableCsv: (token: TokenSource, areaId: string, scope: ReportScope, tableId: string) =>
    file(
      `${reportsOf(areaId)}/tables/${encodeURIComponent(tableId)}.csv?${reportQuery(scope, { sharing: "panel" })}`,
      token,
    ),
  baselineCsv: (token: TokenSource, areaId: string) =>
    file(`/api/areas/${encodeURIComponent(areaId)}/population-baseline.csv`, token),
  replaceBaseline: (token: TokenSource, areaId: string, body: BaselineReplacementBody) =>
    request<BaselineResponse>(`/api/areas/${encodeURIComponent(areaId)}/population-baseline`, token, {
      method: "PUT",
      body: JSON.stringify(body),
    }),
};
