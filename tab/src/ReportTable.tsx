import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { Cell, Column, ReportChart, ReportTable } from "./api.js";

// One table of a report with the chart drawn from it beside it: the chart is the service's SVG
// shown as an image, and the table holds every figure it draws, for screen readers and for
// reading the exact numbers.

const useStyles = makeStyles({
  pair: { display: "flex", flexWrap: "wrap", gap: "16px 24px", alignItems: "flex-start" },
  chart: { maxWidth: "100%", height: "auto", flex: "1 1 360px", minWidth: 0 },
  figures: { flex: "1 1 360px", display: "flex", flexDirection: "column", gap: "8px", minWidth: 0 },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    color: tokens.colorNeutralForeground1,
    "& th, & td": {
      padding: "4px 8px",
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      verticalAlign: "top",
    },
    "& thead th": { borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}` },
  },
  caption: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
    paddingBottom: "4px",
  },
  label: { textAlign: "left" },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  total: { fontWeight: tokens.fontWeightSemibold },
  notes: { margin: 0, paddingLeft: "18px", color: tokens.colorNeutralForeground2 },
});

const whole = new Intl.NumberFormat("en-GB");
const oneDecimal = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * A cell as people read it: a share as a percentage, a ratio to two places; a suppressed count
 * is already words ("fewer than 5") and shows as given. A share or ratio with no value was left
 * out of a copy for sharing, or has nothing to compare with.
 */
export function cellText(value: Cell, column: Column, suppressed: boolean): string {
  if (value === null) return suppressed ? "suppressed" : "not available";
  if (typeof value === "string") return value;
  switch (column.kind) {
    case "share":
      return `${oneDecimal.format(value * 100)}%`;
    case "ratio":
      return twoDecimals.format(value);
    case "days":
      return oneDecimal.format(value);
    default:
      return whole.format(value);
  }
}

/** The SVG text the service drew, as an image's address. */
const imageOf = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

export function ReportTableView({
  table,
  chart,
  svg,
  suppressed,
  onCsv,
}: {
  table: ReportTable;
  chart: ReportChart | undefined;
  svg: string | undefined;
  /** The figures are a copy for sharing, with small counts suppressed. */
  suppressed: boolean;
  onCsv: () => void;
}) {
  const styles = useStyles();
  const [first, ...rest] = table.columns;
  const align = (c: Column) => (c.kind === "label" ? styles.label : styles.number);
  return (
    <div className={styles.pair} data-table-id={table.id}>
      {chart && svg && (
        <img
          className={styles.chart}
          src={imageOf(svg)}
          alt={`${chart.title}: a chart. The table beside it holds the figures.`}
        />
      )}
      <div className={styles.figures}>
        <table className={styles.table}>
          <caption className={styles.caption}>{table.caption}</caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c.key} scope="col" className={align(c)}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr
                key={`${String(row[first?.key ?? ""])}-${i}`}
                className={table.hasTotal && i === table.rows.length - 1 ? styles.total : undefined}
              >
                {first && (
                  <th scope="row" className={align(first)}>
                    {cellText(row[first.key] ?? null, first, suppressed)}
                  </th>
                )}
                {rest.map((c) => (
                  <td key={c.key} className={align(c)}>
                    {cellText(row[c.key] ?? null, c, suppressed)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {table.notes.length > 0 && (
          <ul className={styles.notes}>
            {table.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        )}
        <div>
          <Button size="small" aria-label={`CSV of ${table.caption}`} onClick={onCsv}>
            CSV
          </Button>
        </div>
      </div>
    </div>
  );
}
