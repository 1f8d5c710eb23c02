import assert from "node:assert/strict";
import { reportFigureTables } from "../../bot/src/adapters/tables/report-figure-tables.js";
import { tableFactory, type TableFactory } from "../../bot/src/adapters/tables/storage.js";
import type { ReportResponse } from "../../bot/src/adapters/http/contract/index.js";
import type { MonthFigures } from "../../bot/src/domain/reports/month-figures.js";
import { auditOfArea } from "../support/audit.js";
import { azurite } from "../support/azurite.js";
import { call, type Request } from "../support/http.js";
import { monthFigures } from "../support/month-figures.js";
import { PEOPLE } from "../support/people.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";
import { fileInZip, zipEntries } from "../support/zip.js";

// Merton's reports through the tab's API, against Azurite, on 1 December 2026 (the quarter is
// October to December). Each panel's months are saved straight into the figures table, as the
// figures run would leave them: pre-MACE received 9 referrals in October (6 from the police, 3
// from children's social care) and 4 in November, strategic MACE 2 in November. Its analyst reads
// them a section at a time with the charts, takes the Word document and the CSVs, exact for the
// panel and with small counts suppressed for the partnership board; people who work cases and
// not figures are refused; Lambeth's coordinator replaces Lambeth's population baseline.

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const QUARTER = ["2026-10", "2026-11", "2026-12"];
const PANELS = ["merton-pre-mace", "merton-strategic-mace"];

const seeded: Record<string, Parameters<typeof monthFigures>[0]> = {
  "merton-pre-mace|2026-10": {
    referrals: {
      received: 9,
      byKind: { individual: 7, group: 2 },
      byAgency: { "mer-police": 6, "mer-csc": 3 },
      byOutcome: { accepted: 6, declined: 3 },
    },
  },
  "merton-pre-mace|2026-11": {
    referrals: {
      received: 4,
      byKind: { individual: 4 },
      byAgency: { "mer-police": 4 },
      byOutcome: { waiting: 4 },
    },
  },
  "merton-strategic-mace|2026-11": {
    referrals: {
      received: 2,
      byKind: { "location-of-concern": 2 },
      byAgency: { "mer-csc": 2 },
      byOutcome: { accepted: 2 },
    },
  },
};

type Problem = { error: { code: string; message: string; fields?: { field: string; message: string }[] } };
type Row = Record<string, string | number | null>;

describe("Reports through the tab's API", function () {
  this.timeout(60_000);
  let service: TestService;
  let tables: TableFactory;
  const now = new Date("2026-12-01T12:00:00Z");

  const api = async <T = Record<string, unknown>>(person: string, path: string, request: Request = {}) =>
    call<T>(service, path, { ...request, token: await signInAs(service, person) });
  const report = (person: string, query: string) =>
    api<ReportResponse & Problem>(person, `/api/areas/merton/reports?${query}`);
  const rowsOf = (r: ReportResponse, tableId: string): Row[] =>
    r.report.sections.flatMap((s) => s.tables).find((t) => t.id === tableId)?.rows as Row[];

  before(async () => {
    service = await startTestService({}, { now: () => now, figuresOnTimer: false });
    tables = tableFactory({
      kind: "connection-string",
      connectionString: (await azurite()).connectionString,
    });
    const store = reportFigureTables(tables);
    for (const panelId of PANELS)
      for (const month of QUARTER) {
        const figures: MonthFigures = monthFigures({
          areaId: "merton",
          panelId,
          month,
          builtAt: "2026-12-01T02:00:00.000Z",
          ...seeded[`${panelId}|${month}`],
        });
        await store.save(figures);
      }
  });
  after(() => service.close());

  it("shows Merton's analyst the area's referrals for the quarter, with their charts, and audits the view", async () => {
    const res = await report(PEOPLE.mertonAnalyst.id, "section=referrals&period=quarter&theme=dark");
    assert.equal(res.status, 200, res.text);
    const { report: shown, sections, charts, canWorkOut, baseline, months } = res.body;
    assert.equal(shown.period.label, "Quarter 3, 2026/27");
    assert.deepEqual(months, QUARTER);
    assert.deepEqual(
      shown.sections.map((s) => s.id),
      ["referrals"],
    );
    assert.ok(sections.some((s) => s.id === "disproportionality"));
    assert.equal(shown.sections[0]?.summary[0], "15 referrals received.");
    assert.deepEqual(
      rowsOf(res.body, "referrals-by-kind").map((r) => [r["kind"], r["referrals"]]),
      [
        ["Individual child or young adult", 11],
        ["Group or cohort", 2],
        ["Person of concern", 0],
        ["Location of concern", 2],
        ["Total", 15],
      ],
    );
    assert.deepEqual(
      rowsOf(res.body, "referrals-by-agency").map((r) => [r["agency"], r["referrals"]]),
      [
        ["Police", 10],
        ["Children's Social Care", 5],
        ["Total", 15],
      ],
    );
    assert.ok(charts["referrals-by-kind"]?.startsWith("<svg"), "the chart is SVG");
    assert.ok(charts["referrals-by-kind"]?.includes("#292929"), "in the dark theme");
    assert.equal(canWorkOut, true);
    assert.deepEqual(baseline, {
      source: "Invented for demonstration: not a census or school census count",
      invented: true,
      year: 2021,
    });
    const audit = (await auditOfArea(tables, "merton")).map((a) => a.value);
    const viewed = audit.filter((a) => a.action === "report.viewed" && a.actorId === PEOPLE.mertonAnalyst.id);
    assert.deepEqual(
      viewed.map((a) => [a.panelId, a.reference, a.via]),
      [["", "2026-10..2026-12", "tab report: referrals"]],
    );
  });

  it("shows a panel's report with that panel's figures only", async () => {
    const res = await report(
      PEOPLE.mertonChair.id,
      "section=referrals&period=quarter&panelId=merton-pre-mace",
    );
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.report.panelId, "merton-pre-mace");
    assert.deepEqual(
      rowsOf(res.body, "referrals-by-outcome").map((r) => [r["outcome"], r["referrals"]]),
      [
        ["Accepted", 6],
        ["Declined", 3],
        ["More information asked for", 0],
        ["Withdrawn by the referrer", 0],
        ["Waiting for a decision", 4],
        ["Total", 13],
      ],
    );
    // A chair reads the figures; coordinators, analysts and administrators keep them.
    assert.equal(res.body.canWorkOut, false);
  });

  it("refuses those who work cases and not figures, and other areas' people, saying who can see it", async () => {
    for (const person of [PEOPLE.mertonPoliceOfficer, PEOPLE.mertonSocialWorker, PEOPLE.lambethCoordinator]) {
      const res = await report(person.id, "section=referrals&period=quarter");
      assert.equal(res.status, 403, `${person.displayName}: ${res.text}`);
      assert.equal(
        res.body.error.message,
        "Only the coordinators, chairs and analysts of Merton's panels, and its administrators, can see its reports. Ask a coordinator if you need them.",
      );
    }
    const admin = await report(PEOPLE.mertonAdministrator.id, "section=cohort&period=year");
    assert.equal(admin.status, 200, "Merton's administrator, on no panel, reads the area's report");
  });

  it("answers a period it cannot report in words", async () => {
    const res = await report(PEOPLE.mertonAnalyst.id, "section=referrals&period=custom&from=2026-10");
    assert.equal(res.status, 400);
    assert.deepEqual(res.body.error.fields, [{ field: "to", message: "give both months" }]);
    const none = await report(PEOPLE.mertonAnalyst.id, "section=risk-factor-matrix&period=quarter");
    assert.equal(none.status, 404);
    assert.match(none.body.error.message, /^This report has no such section\. Choose one of: Referrals, /);
  });

  it("gives the Word document with the figures, charts and OFFICIAL-SENSITIVE in its header and footer, audited", async () => {
    const res = await api(PEOPLE.mertonAnalyst.id, "/api/areas/merton/reports/document.docx?period=quarter");
    assert.equal(res.status, 200, res.text);
    assert.equal(res.headers.get("content-type"), DOCX);
    assert.match(res.headers.get("content-disposition") ?? "", /merton-report-2026-10-to-2026-12\.docx/);
    const xml = fileInZip(res.bytes, "word/document.xml") ?? "";
    for (const text of ["Merton: Quarter 3, 2026/27", "15 referrals received.", "Referrals received by kind"])
      assert.ok(xml.includes(text), text);
    assert.ok(xml.includes('<w:t xml:space="preserve">11</w:t>') || xml.includes("<w:t>11</w:t>"));
    assert.ok(xml.includes("OFFICIAL-SENSITIVE"), "the body opens with the marking too");
    const marked = zipEntries(res.bytes).filter((e) => /^word\/(header|footer)\d*\.xml$/.test(e.name));
    assert.ok(marked.length >= 2);
    for (const part of marked)
      assert.ok(part.data.toString("utf8").includes("OFFICIAL-SENSITIVE"), part.name);
    assert.ok(zipEntries(res.bytes).some((e) => e.name.startsWith("word/media/") && e.name.endsWith(".png")));
    const audit = (await auditOfArea(tables, "merton")).map((a) => a.value);
    assert.ok(audit.some((a) => a.action === "report.exported" && a.via === "Word document, for the panel"));
  });

  it("gives the partnership board's copy with counts below 5 suppressed, and says so", async () => {
    const res = await api(
      PEOPLE.mertonCoordinator.id,
      "/api/areas/merton/reports/document.docx?period=quarter&panelId=merton-pre-mace&sharing=board",
    );
    assert.equal(res.status, 200, res.text);
    assert.match(
      res.headers.get("content-disposition") ?? "",
      /merton-pre-mace-report-2026-10-to-2026-12-board/,
    );
    const xml = fileInZip(res.bytes, "word/document.xml") ?? "";
    assert.ok(xml.includes("Prepared for the partnership board: figures below 5 are suppressed."));
    assert.ok(xml.includes("fewer than 5"));
  });

  it("gives each table as a marked CSV, exact for the panel and suppressed for the board", async () => {
    const path =
      "/api/areas/merton/reports/tables/referrals-by-kind.csv?period=quarter&panelId=merton-pre-mace";
    const exact = await api(PEOPLE.mertonAnalyst.id, path);
    assert.equal(exact.status, 200, exact.text);
    assert.equal(
      exact.text,
      [
        "OFFICIAL-SENSITIVE",
        "Kind of referral,Referrals,Referrals: share",
        "Individual child or young adult,11,84.6%",
        "Group or cohort,2,15.4%",
        "Person of concern,0,0.0%",
        "Location of concern,0,0.0%",
        "Total,13,100.0%",
        "",
      ].join("\n"),
    );
    const board = await api(PEOPLE.mertonAnalyst.id, `${path}&sharing=board`);
    assert.equal(
      board.text.split("\n").slice(2, 7).join("\n"),
      [
        // The one small count hides the next smallest too, so that neither is the exact total less the other.
        "Individual child or young adult,suppressed,suppressed",
        "Group or cohort,fewer than 5,suppressed",
        "Person of concern,0,0.0%",
        "Location of concern,0,0.0%",
        "Total,13,100.0%",
      ].join("\n"),
    );
    const unknown = await api<Problem>(
      PEOPLE.mertonAnalyst.id,
      "/api/areas/merton/reports/tables/children.csv?period=quarter",
    );
    assert.equal(unknown.status, 404);
  });

  it("works a month out again for its keepers, month by month, and refuses the rest", async () => {
    const done = await api<{ month: string; panels: number; builtAt: string }>(
      PEOPLE.mertonAnalyst.id,
      "/api/areas/merton/report-figures/2026-09",
      { method: "POST" },
    );
    assert.equal(done.status, 200, done.text);
    assert.deepEqual([done.body.month, done.body.panels], ["2026-09", 2]);
    const member = await api<Problem>(
      PEOPLE.mertonPoliceOfficer.id,
      "/api/areas/merton/report-figures/2026-09",
      {
        method: "POST",
      },
    );
    assert.equal(member.status, 403);
    const future = await api<Problem>(PEOPLE.mertonAnalyst.id, "/api/areas/merton/report-figures/2027-01", {
      method: "POST",
    });
    assert.equal(future.status, 400);
  });

  it("names the report an area's terms of reference owe, as they name it, and how often", async () => {
    const res = await api<ReportResponse>(
      PEOPLE.lambethCoordinator.id,
      "/api/areas/lambeth/reports?section=referrals&period=year",
    );
    assert.equal(res.status, 200, res.text);
    assert.match(res.body.report.title, /^Report to the LSCP Contextual Safeguarding Subgroup: Lambeth, /);
    assert.equal(res.body.periodicReport?.period, "year");
    const merton = await report(PEOPLE.mertonAnalyst.id, "section=referrals&period=quarter");
    assert.equal(merton.body.periodicReport, null, "Merton's terms of reference name none");
  });

  it("replaces an area's population baseline from a CSV, and changes nothing when a row is wrong", async () => {
    const leila = PEOPLE.lambethCoordinator.id;
    const before = await api(leila, "/api/areas/lambeth/population-baseline.csv");
    assert.equal(before.status, 200, before.text);
    assert.equal(before.text.split("\n").slice(0, 2).join("\n"), "OFFICIAL-SENSITIVE\nEthnic group,Children");
    const bad = await api<Problem>(leila, "/api/areas/lambeth/population-baseline", {
      method: "PUT",
      body: {
        source: "ONS mid-year estimate",
        year: 2024,
        csv: "ethnicity,children\nwhite-irish,900\nWhte British,12000\n",
      },
    });
    assert.equal(bad.status, 400);
    assert.equal(
      bad.body.error.message,
      "Nothing was changed: one row needs correcting. Row 3: 'Whte British' is not one of the ethnic groups the form asks.",
    );
    const unchanged = await api(leila, "/api/areas/lambeth/population-baseline.csv");
    assert.equal(unchanged.text, before.text);

    // The downloaded file, edited, loads again as it is: its marking line is not a row.
    const edited = before.text.replace(/^(White: Irish,)\d+$/m, "$11234");
    const good = await api<{
      source: string;
      invented: boolean;
      year: number;
      children: Record<string, number>;
    }>(leila, "/api/areas/lambeth/population-baseline", {
      method: "PUT",
      body: { source: "ONS mid-year estimate", year: 2024, csv: edited },
    });
    assert.equal(good.status, 200, good.text);
    assert.deepEqual(
      [good.body.source, good.body.invented, good.body.year],
      ["ONS mid-year estimate", false, 2024],
    );
    assert.equal(good.body.children["white-irish"], 1234);
    const shown = await api<ReportResponse>(
      leila,
      "/api/areas/lambeth/reports?section=referrals&period=quarter",
    );
    assert.deepEqual(shown.body.baseline, { source: "ONS mid-year estimate", invented: false, year: 2024 });
    const audit = (await auditOfArea(tables, "lambeth")).map((a) => a.value);
    assert.ok(audit.some((a) => a.action === "population-baseline.replaced" && a.actorId === leila));

    const chair = await api<Problem>(PEOPLE.mertonChair.id, "/api/areas/merton/population-baseline", {
      method: "PUT",
      body: { source: "ONS mid-year estimate", year: 2024, csv: edited },
    });
    assert.equal(chair.status, 403);
  });
});
