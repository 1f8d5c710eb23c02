import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import rrule from "rrule";
import { loadCatalogue } from "../../bot/src/adapters/config-files/catalogue-files.js";
import { seriesCalendar } from "../../bot/src/adapters/calendar/ics.js";
import { calendarSeries } from "../../bot/src/application/scheduling/calendar-file.js";
import { occurrencesBetween } from "../../bot/src/domain/schedule/occurrences.js";
import { seriesFor } from "../../bot/src/domain/schedule/series.js";

const catalogue = loadCatalogue("bot/config/areas");
const panel = (id: string) => {
  const p = catalogue.panels.get(id);
  assert.ok(p);
  return p;
};

describe("A panel's meetings as one recurring series", () => {
  it("Merton pre-MACE is the first Thursday monthly, with New Year's Day 2026 moved to Friday", () => {
    const plan = seriesFor(catalogue, panel("merton-pre-mace"), "2026-01-01", "2026-12-31");
    assert.deepEqual(plan?.pattern, {
      type: "relativeMonthly",
      interval: 1,
      daysOfWeek: ["thursday"],
      index: "first",
    });
    assert.equal(plan?.startDate, "2026-01-01");
    assert.equal(plan?.endDate, "2026-12-03");
    assert.deepEqual(plan?.moved, [{ original: "2026-01-01", date: "2026-01-02" }]);
  });

  it("Lambeth MAVE is every two weeks on Tuesday, and a Staffordshire district every two months", () => {
    assert.deepEqual(seriesFor(catalogue, panel("lambeth-mave"), "2027-01-01", "2027-12-31")?.pattern, {
      type: "weekly",
      interval: 2,
      daysOfWeek: ["tuesday"],
    });
    const district = seriesFor(catalogue, panel("staffordshire-tamworth"), "2027-01-01", "2027-12-31");
    assert.equal(district?.pattern.interval, 2);
  });

  it("a thresholding meeting that follows other panels is not a series", () => {
    assert.equal(
      seriesFor(catalogue, panel("staffordshire-pre-mace-thresholding"), "2027-01-01", "2027-12-31"),
      null,
    );
  });

  it("the iCalendar file's RRULE, read by a separate RRULE parser, gives the product's meetings", () => {
    for (const id of ["merton-pre-mace", "havering-mace", "lambeth-mave", "staffordshire-tamworth"]) {
      const plan = seriesFor(catalogue, panel(id), "2027-01-01", "2027-12-31");
      assert.ok(plan);
      const ics = seriesCalendar(calendarSeries(plan, []), { title: id, description: "test" });
      const series = ics.split("BEGIN:VEVENT")[1] ?? "";
      const dtstart = /DTSTART;TZID=Europe\/London:(\d{8}T\d{6})/.exec(series)?.[1];
      const rule = /RRULE:(.*)/.exec(series)?.[1]?.trim();
      assert.ok(dtstart && rule, ics);
      const expanded = rrule
        .rrulestr(`DTSTART:${dtstart}\nRRULE:${rule}`)
        .all()
        .map((d) => d.toISOString().slice(0, 10));
      const moved = new Map(plan.moved.map((m) => [m.original, m.date]));
      const expected = occurrencesBetween(catalogue, id, "2027-01-01", "2027-12-31").map((o) => o.date);
      assert.deepEqual(
        expanded.map((d) => moved.get(d) ?? d),
        expected,
        id,
      );
    }
  });

  it("writes the Europe/London time zone out, so BST and GMT are read right by every client", () => {
    const plan = seriesFor(catalogue, panel("merton-pre-mace"), "2026-01-01", "2026-12-31");
    assert.ok(plan);
    const ics = seriesCalendar(calendarSeries(plan, []), { title: "Pre-MACE", description: "test" });
    assert.match(ics, /BEGIN:VTIMEZONE\r?\nTZID:Europe\/London/);
    assert.match(ics, /TZNAME:BST/);
    assert.match(ics, /RECURRENCE-ID;TZID=Europe\/London:20260101T093000\r?\nSUMMARY/);
    assert.match(ics, /DTSTART;TZID=Europe\/London:20260102T093000/);
  });

  it("a series that starts in British Summer Time starts at the panel's wall-clock time", () => {
    const plan = seriesFor(catalogue, panel("merton-pre-mace"), "2027-06-01", "2027-12-31");
    assert.ok(plan);
    const ics = seriesCalendar(calendarSeries(plan, []), { title: "Pre-MACE", description: "test" });
    assert.match(ics, /DTSTART;TZID=Europe\/London:20270603T093000/);
    assert.match(ics, /DTEND;TZID=Europe\/London:20270603T133000/);
  });

  describe("npm run schedule", () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ["--import", "tsx", "scripts/schedule.ts", ...args], { encoding: "utf8" });

    it("prints a year of Merton pre-MACE meetings as JSON, with UK offsets and the bank holiday moved", () => {
      const out = run(
        "--panel",
        "merton-pre-mace",
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
        "--json",
        "--dry-run",
      );
      assert.equal(out.status, 0, out.stderr);
      const meetings = JSON.parse(out.stdout) as { date: string; start: string; end: string }[];
      assert.equal(meetings.length, 12);
      assert.deepEqual(meetings[0], {
        date: "2026-01-02",
        start: "2026-01-02T09:30:00+00:00",
        end: "2026-01-02T13:30:00+00:00",
      });
      assert.equal(meetings[5]?.start, "2026-06-04T09:30:00+01:00");
    });

    it("writes the series as an iCalendar file", () => {
      const file = path.join(mkdtempSync(path.join(tmpdir(), "mace-ics-")), "lambeth.ics");
      const out = run(
        "--panel",
        "lambeth-mave",
        "--from",
        "2027-01-01",
        "--to",
        "2027-12-31",
        "--dry-run",
        "--ics",
        file,
      );
      assert.equal(out.status, 0, out.stderr);
      const ics = readFileSync(file, "utf8");
      assert.match(ics, /RRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=20271221T130000Z;BYDAY=TU/);
      assert.match(out.stdout, /26 meetings from 2027-01-01 to 2027-12-31/);
    });

    it("says what is wrong with the command, and exits 2", () => {
      const unknown = run("--panel", "nowhere", "--from", "2027-01-01", "--to", "2027-02-01");
      assert.equal(unknown.status, 2);
      assert.match(unknown.stderr, /There is no panel "nowhere"/);
      const backwards = run("--panel", "lambeth-mave", "--from", "2027-02-01", "--to", "2027-01-01");
      assert.match(backwards.stderr, /--from must be on or before --to/);
    });
  });
});
