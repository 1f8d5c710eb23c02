import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import type { ReportChart, ReportSection, ReportTable } from "../../domain/reports/report.js";
import type { ChartTheme } from "../http/contract/reports.js";
import { FONT, svgPng } from "./svg-png.js";
import { xmlText } from "./xml-text.js";

// A report's charts, each drawn from its table with Vega-Lite: SVG for the tab in the person's
// Teams theme, and a PNG of the same chart for the Word document. Only numbers are drawn: a count
// hidden for sharing ("fewer than 5") is left out of the chart as it is out of the totals.

interface Palette {
  background: string;
  text: string;
  grid: string;
  series: string[];
}

// Teams' own colours for each theme; high contrast uses the system's yellow, cyan and white.
const PALETTES: Record<ChartTheme, Palette> = {
  light: {
    background: "#ffffff",
    text: "#242424",
    grid: "#e0e0e0",
    series: ["#0f6cbd", "#c239b3", "#107c10", "#ca5010", "#4f6bed", "#616161"],
  },
  dark: {
    background: "#292929",
    text: "#ffffff",
    grid: "#525252",
    series: ["#479ef5", "#ef85c8", "#54b054", "#f4b183", "#93a4f4", "#c8c8c8"],
  },
  contrast: {
    background: "#000000",
    text: "#ffffff",
    grid: "#ffffff",
    series: ["#ffff00", "#1aebff", "#ffffff", "#3ff23f", "#ff7ff0", "#c0c0c0"],
  },
};

const WIDTH = 560;
/** Room for a bar chart's category labels: agencies' names are long. */
const LABELS = 260;

interface Point {
  category: string;
  series: string;
  value: number;
}

/** The table's rows as points to draw: its total row and any hidden count left out. */
function pointsOf(table: ReportTable, chart: ReportChart): Point[] {
  const rows = table.hasTotal ? table.rows.slice(0, -1) : table.rows;
  const label = (key: string) => table.columns.find((c) => c.key === key)?.label ?? key;
  return rows.flatMap((row) =>
    chart.values.flatMap((key) => {
      const value = row[key];
      return typeof value === "number"
        ? [{ category: String(row[chart.category] ?? ""), series: label(key), value }]
        : [];
    }),
  );
}

function specOf(table: ReportTable, chart: ReportChart, theme: ChartTheme): TopLevelSpec {
  const palette = PALETTES[theme];
  const points = pointsOf(table, chart);
  const categories = [...new Set(points.map((p) => p.category))];
  const seriesLabels = chart.values.map((key) => table.columns.find((c) => c.key === key)?.label ?? key);
  const valueKind = table.columns.find((c) => c.key === chart.values[0])?.kind;
  const nothing = points.every((p) => p.value === 0);
  const value = {
    field: "value",
    type: "quantitative" as const,
    title: chart.values.length === 1 ? (seriesLabels[0] ?? "") : "",
    // Counts are whole; a chart of nothing but zeros still shows a scale from 0 to 1.
    axis: valueKind === "share" ? { format: ".0%" } : { format: "d", tickMinStep: 1 },
    scale: nothing ? { domain: [0, 1] } : { domainMin: 0 },
    ...(chart.kind === "stacked-bar" ? { stack: "zero" as const } : { stack: null }),
  };
  const category = {
    field: "category",
    type: chart.kind === "line" ? ("ordinal" as const) : ("nominal" as const),
    sort: categories,
    title: table.columns.find((c) => c.key === chart.category)?.label ?? "",
    axis: chart.kind === "line" ? { labelAngle: categories.length > 6 ? -45 : 0 } : { labelLimit: LABELS },
  };
  const color = {
    field: "series",
    type: "nominal" as const,
    title: null,
    sort: seriesLabels,
    scale: { domain: seriesLabels, range: palette.series },
    legend: chart.values.length > 1 ? { orient: "bottom" as const, labelLimit: WIDTH, columns: 2 } : null,
  };
  const grouped = chart.kind === "bar" && chart.values.length > 1;
  const base = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: chart.title,
    title: chart.title,
    width: chart.kind === "line" ? WIDTH : WIDTH - LABELS,
    background: palette.background,
    data: { values: points },
    config: {
      font: FONT,
      view: { stroke: null },
      title: { color: palette.text, fontSize: 14, anchor: "start" as const },
      axis: {
        labelColor: palette.text,
        titleColor: palette.text,
        domainColor: palette.text,
        tickColor: palette.text,
        gridColor: palette.grid,
        labelFontSize: 11,
        titleFontSize: 12,
      },
      legend: { labelColor: palette.text, titleColor: palette.text },
    },
  };
  if (chart.kind === "line")
    return {
      ...base,
      height: 240,
      mark: { type: "line", point: true, strokeWidth: 2 },
      encoding: { x: category, y: value, color },
    } as TopLevelSpec;
  return {
    ...base,
    height: { step: grouped ? 12 : 22 },
    mark: { type: "bar", ...(theme === "contrast" && { stroke: palette.text, strokeWidth: 1 }) },
    encoding: { y: category, x: value, color, ...(grouped && { yOffset: { field: "series" } }) },
  } as TopLevelSpec;
}

/**
 * One chart of a report as SVG text, in the theme asked for. Vega escapes markup in labels but
 * keeps characters XML cannot hold, so those are left out of the whole document.
 */
export async function chartSvg(table: ReportTable, chart: ReportChart, theme: ChartTheme): Promise<string> {
  const view = new vega.View(vega.parse(compile(specOf(table, chart, theme)).spec), { renderer: "none" });
  try {
    return xmlText(await view.toSVG());
  } finally {
    view.finalize();
  }
}

/** A section's charts as SVG, by the table each is drawn from. */
export async function sectionCharts(
  section: ReportSection,
  theme: ChartTheme,
): Promise<Record<string, string>> {
  const drawn = await Promise.all(
    section.charts.flatMap((chart) => {
      const table = section.tables.find((t) => t.id === chart.tableId);
      return table ? [chartSvg(table, chart, theme).then((svg) => [chart.tableId, svg] as const)] : [];
    }),
  );
  return Object.fromEntries(drawn);
}

/** A chart's SVG as a PNG `width` pixels wide, drawn with the bundled font whatever the machine has. */
export function chartPng(svg: string, width: number): { png: Buffer; width: number; height: number } {
  return svgPng(svg, { mode: "width", value: width });
}
