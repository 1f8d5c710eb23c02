import { MessageBar, MessageBarBody, Subtitle2, makeStyles } from "@fluentui/react-components";
import { useState } from "react";
import { api, type ReportResponse, type ReportScope, type ReportSection, type TokenSource } from "./api.js";
import { ReportTableView } from "./ReportTable.js";
import { openDownload } from "./openDownload.js";

// One section of a report: its headline figures in a sentence each, then each table with the
// chart drawn from it, and each table as CSV.

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "24px", marginTop: "16px" },
  heading: { margin: 0 },
  summary: { margin: 0, paddingLeft: "20px", display: "flex", flexDirection: "column", gap: "4px" },
});

export function ReportSectionView({
  token,
  areaId,
  scope,
  answer,
  section,
}: {
  token: TokenSource;
  areaId: string;
  scope: ReportScope;
  answer: ReportResponse;
  section: ReportSection;
}) {
  const styles = useStyles();
  const [csvProblem, setCsvProblem] = useState<string | null>(null);
  const downloadCsv = async (tableId: string) => {
    setCsvProblem(null);
    try {
      await openDownload(await api.reportTableCsv(token, areaId, scope, tableId));
    } catch (e) {
      setCsvProblem((e as Error).message);
    }
  };
  return (
    <section className={styles.section} aria-labelledby={`section-${section.id}`}>
      <Subtitle2 as="h2" id={`section-${section.id}`} className={styles.heading}>
        {section.title}
      </Subtitle2>
      {section.summary.length > 0 && (
        <ul className={styles.summary} aria-label={`${section.title}: the headline figures`}>
          {section.summary.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {csvProblem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{csvProblem}</MessageBarBody>
        </MessageBar>
      )}
      {section.tables.map((table) => (
        <ReportTableView
          key={table.id}
          table={table}
          chart={section.charts.find((c) => c.tableId === table.id)}
          svg={answer.charts[table.id]}
          suppressed={answer.report.suppressedBelow !== null}
          onCsv={() => void downloadCsv(table.id)}
        />
      ))}
      {section.tables.length === 0 && <p>There are no figures in this section for the period.</p>}
    </section>
  );
}
