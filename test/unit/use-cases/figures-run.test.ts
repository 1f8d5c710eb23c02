import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { figuresDesk } from "../../../bot/src/application/reports/figures-desk.js";
import { Refusal } from "../../../bot/src/domain/refusal.js";
import { fakePorts, referralDesk, type FakePorts } from "../../support/fakes/index.js";
import { demoActor } from "../../support/people.js";
import { mertonChild } from "../../support/referral-forms.js";

// The figures run over Merton's months on fakes: which months it works out again (those that can
// still change), its progress month by month, stopping between months, and what it refuses.
// Alex is referred in July and Skye in October; neither has been triaged on 10 November.

const PANEL = "merton-pre-mace";
const priya = demoActor("Priya Okafor");
const grace = demoActor("Grace Mensah");

const refusedWith = (reason: string, code: string) => (e: unknown) => {
  assert.ok(e instanceof Refusal, String(e));
  assert.deepEqual([e.reason, e.code], [reason, code], e.message);
  return true;
};

describe("The figures run over an area's months", () => {
  let ports: FakePorts;
  let figures: ReturnType<typeof figuresDesk>;
  let alex = "";

  const refer = async (name: string, at: string) => {
    ports.clock.set(at);
    const sent = await referralDesk(ports).submit(grace, PANEL, "individual", randomUUID(), {
      ...mertonChild(name),
      strategyMeetingDate: at.slice(0, 10),
    });
    assert.ok(sent.ok, JSON.stringify(sent));
    return sent.referral.id;
  };

  beforeEach(async () => {
    ports = fakePorts("2026-07-10T10:00:00Z");
    figures = figuresDesk(ports);
    alex = await refer("Alex Invented-Moss", "2026-07-10T10:00:00Z");
    await refer("Skye Madeup-Frost", "2026-10-12T10:00:00Z");
    ports.clock.set("2026-11-10T12:00:00Z");
  });

  it("keeps current the months that can still change, from the oldest with a referral waiting", async () => {
    const progress: string[] = [];
    const run = await figures.run({
      areaId: "merton",
      onProgress: (p) => progress.push(`${p.month} ${p.done}/${p.of} ${p.panels}`),
    });
    assert.deepEqual(progress, [
      "2026-07 1/5 2",
      "2026-08 2/5 2",
      "2026-09 3/5 2",
      "2026-10 4/5 2",
      "2026-11 5/5 2",
    ]);
    assert.deepEqual(run, {
      areas: [{ areaId: "merton", months: ["2026-07", "2026-08", "2026-09", "2026-10", "2026-11"] }],
      stopped: false,
    });
    assert.equal((await ports.figures.monthsOf("merton", "2026-07", "2026-07"))[0]?.referrals.received, 1);

    // Declined, Alex's referral no longer waits: July is worked out once more, as its stored
    // figures still showed it waiting, and then left alone. October still has Skye waiting.
    const desk = referralDesk(ports);
    const read = await desk.view(priya, PANEL, alex, "test");
    await desk.triage(
      priya,
      PANEL,
      alex,
      { decision: "decline", reason: "Not for the panel." },
      read.etag,
      "test",
    );
    const monthsOf = async () => (await figures.run({ areaId: "merton" })).areas[0]?.months;
    assert.deepEqual(await monthsOf(), ["2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]);
    assert.deepEqual(await monthsOf(), ["2026-10", "2026-11"]);
    const july = (await ports.figures.monthsOf("merton", "2026-07", "2026-07"))[0];
    assert.deepEqual([july?.referrals.byOutcome["declined"], july?.referrals.byOutcome["waiting"]], [1, 0]);
  });

  it("works out every area when none is named", async () => {
    const run = await figures.run({ from: "2026-11" });
    assert.deepEqual(
      run.areas.map((a) => [a.areaId, a.months]),
      ports.catalogue.areas.map((a) => [a.id, ["2026-11"]]),
    );
    const staffordshire = await ports.figures.monthsOf("staffordshire", "2026-11", "2026-11");
    assert.equal(
      staffordshire.length,
      [...ports.catalogue.panels.values()].filter((p) => p.areaId === "staffordshire").length,
    );
  });

  it("a run over chosen months stops between months when asked, and says so", async () => {
    const stop = new AbortController();
    const run = await figures.run({
      areaId: "merton",
      from: "2026-08",
      to: "2026-10",
      signal: stop.signal,
      onProgress: (p) => p.month === "2026-09" && stop.abort(),
    });
    assert.deepEqual(run, { areas: [{ areaId: "merton", months: ["2026-08", "2026-09"] }], stopped: true });
  });

  it("refuses a month to come, a malformed month and an area the catalogue does not have", async () => {
    // The same refusal as the Reports page's "work out again" gives (reports.test.ts).
    await assert.rejects(figures.workOutMonth("merton", "2026-12"), (e: unknown) => {
      assert.ok(e instanceof Refusal);
      assert.deepEqual(
        [e.reason, e.code, e.message],
        [
          "invalid",
          "future-month",
          "December 2026 has not started yet: choose this month or an earlier one.",
        ],
      );
      return true;
    });
    await assert.rejects(figures.workOutMonth("merton", "2026-13"), refusedWith("invalid", "invalid-month"));
    await assert.rejects(
      figures.workOutMonth("nowhere", "2026-10"),
      refusedWith("not-found", "unknown-area"),
    );
    assert.deepEqual(await ports.figures.monthsOf("merton", "2026-01", "2026-12"), []);
  });
});
