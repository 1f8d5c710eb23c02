import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Cell, Column, ReportChart, ReportTable } from "./api.js";
import { useListWhenNarrow } from "./ResponsiveTable.js";

// One table of a report with the chart drawn from it beside it: the chart is the service's SVG
// shown as an image, and the table holds every figure it draws, for screen readers and for
// reading the exact numbers.

const useStyles = makeStyles({
  // The chart beside its table, the table the wider; one above the other on a narrow tab.
  pair: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 2fr) minmax(0, 3fr)",
    gap: "16px 24px",
    alignItems: "start",
    "@media (max-width: 800px)": { gridTemplateColumns: "minmax(0, 1fr)" },
  },
  chart: { width: "100%", height: "auto" },
  figures: { display: "flex", flexDirection: "column", gap: "8px" },
  alone: { gridColumn: "1 / -1" },
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
  const narrow = useListWhenNarrow();
  const first = table.columns[0];
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
      <div className={chart && svg ? styles.figures : mergeClasses(styles.figures, styles.alone)}>
        <table ref={narrow.ref} className={mergeClasses(styles.table, narrow.className)}>
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
                {table.columns.map((c, at) => {
                  const text = cellText(row[c.key] ?? null, c, suppressed);
                  // A row is headed by its label, when the table has one.
                  return at === 0 && c.kind === "label" ? (
                    <th key={c.key} scope="row" className={align(c)}>
                      {text}
                    </th>
                  ) : (
                    <td key={c.key} className={align(c)}>
                      {text}
                    </td>
                  );
                })}
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
