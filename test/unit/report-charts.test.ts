import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chartPng, chartSvg } from "../../bot/src/adapters/charts/report-charts.js";
import { loadPopulationBaselines } from "../../bot/src/adapters/population/population-baselines.js";
import type { ReportChart, ReportTable } from "../../bot/src/domain/reports/report.js";
import { areas } from "../support/fakes/index.js";

// A report's charts are drawn from their tables' numbers only, in each Teams theme, and as a PNG
// for the Word copy; the demonstration areas' population baselines load from configuration.

const table: ReportTable = {
  id: "referrals-by-kind",
  caption: "Referrals received by kind",
  columns: [
    { key: "kind", label: "Kind of referral", kind: "label" },
    { key: "referrals", label: "Referrals", kind: "count" },
  ],
  rows: [
    { kind: "Individual child or young adult", referrals: 12 },
    { kind: "Group or cohort", referrals: "fewer than 5" },
    { kind: "Total", referrals: 12 },
  ],
  hasTotal: true,
  notes: [],
};
const chart: ReportChart = {
  tableId: table.id,
  kind: "bar",
  category: "kind",
  values: ["referrals"],
  title: "Referrals received by kind",
};

describe("Report charts", () => {
  it("draws the table's counts as SVG in the light, dark and high-contrast themes, leaving out hidden counts and the total", async () => {
    const light = await chartSvg(table, chart, "light");
    const dark = await chartSvg(table, chart, "dark");
    const contrast = await chartSvg(table, chart, "contrast");
    assert.ok(light.startsWith("<svg"));
    assert.ok(light.includes('fill="#ffffff"') && light.includes("#0f6cbd"));
    assert.ok(dark.includes('fill="#292929"') && dark.includes("#479ef5"));
    assert.ok(contrast.includes('fill="#000000"') && contrast.includes("#ffff00"));
    assert.ok(light.includes("Individual child or young adult"));
    assert.ok(!light.includes("Group or cohort"), "a count hidden for sharing is not drawn");
    assert.ok(!light.includes(">Total<"));
    assert.ok(light.includes("Referrals received by kind"));
  });

  it("makes a PNG of the chart with the bundled font, whatever fonts the machine has", async () => {
    const { png, width, height } = chartPng(await chartSvg(table, chart, "light"), 1200);
    assert.equal(png.subarray(1, 4).toString("ascii"), "PNG");
    assert.equal(width, 1200);
    assert.ok(height > 100);
  });

  it("draws a label pasted with characters XML cannot hold, leaving only those out, so the Word copy still has its chart", async () => {
    const pasted: ReportTable = {
      ...table,
      columns: [table.columns[0]!, { key: "referrals", label: "Referrals\u0002", kind: "count" }],
      rows: [
        { kind: "Kingsmead\u0001 Youth\uFFFF Service\uD800", referrals: 7 },
        { kind: "Fenwick & <Moor> Trust", referrals: 3 },
      ],
      hasTotal: false,
    };
    const svg = await chartSvg(pasted, { ...chart, title: "By agency\u000B" }, "light");
    assert.ok(svg.includes("Kingsmead Youth Service"));
    assert.ok(svg.includes("Fenwick &amp; &lt;Moor&gt; Trust"));
    assert.ok(svg.includes(">By agency<"));
    const notXml = [...svg].filter((ch) => {
      const c = ch.codePointAt(0) ?? 0;
      return (
        (c < 0x20 && ![0x9, 0xa, 0xd].includes(c)) ||
        c === 0xfffe ||
        c === 0xffff ||
        (c >= 0xd800 && c <= 0xdfff)
      );
    });
    assert.deepEqual(notXml, []);
    const { png } = chartPng(svg, 600);
    assert.equal(png.subarray(1, 4).toString("ascii"), "PNG");
  });
});

describe("Population baselines in configuration", () => {
  it("loads the five demonstration areas' invented figures, with their source", () => {
    const loaded = loadPopulationBaselines("bot/config/population", areas());
    assert.deepEqual([...loaded.keys()], ["havering", "lambeth", "merton", "staffordshire", "wandsworth"]);
    for (const b of loaded.values()) {
      assert.equal(b.invented, true);
      assert.match(b.source, /^Invented/);
      assert.equal(Object.keys(b.children).length, 19, `${b.areaId}: every group but "not known"`);
    }
    assert.equal(loaded.get("merton")?.children["white-british"], 20_370);
  });

  it("stops start-up naming a file with a bad row", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "population-"));
    writeFileSync(path.join(dir, "merton.csv"), "ethnicity,children\nwhite-british,100\nWhte British,5\n");
    writeFileSync(
      path.join(dir, "merton.json"),
      JSON.stringify({ source: "x y", invented: true, year: 2021 }),
    );
    assert.throws(
      () => loadPopulationBaselines(dir, areas()),
      new Error(
        `${path.join(dir, "merton.csv")}: Row 3: 'Whte British' is not one of the ethnic groups the form asks.`,
      ),
    );
  });
});
