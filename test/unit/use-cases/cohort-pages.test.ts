import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { cohortDesk, type CohortPage } from "../../../bot/src/application/cohort/cohort-desk.js";
import { Refusal } from "../../../bot/src/domain/refusal.js";
import { fakePorts, type FakePorts } from "../../support/fakes/index.js";
import { demoActor } from "../../support/people.js";

// A cohort of years: its open cases come a hundred at a time by subject, its closed ones the
// latest closed first, each page audited with its own references, and each page costs the same
// few round trips however much the panel has closed.

const PANEL = "merton-pre-mace";
const priya = demoActor("Priya Okafor");
const grace = demoActor("Grace Mensah");

const refusedWith = (reason: string, code: string, message: string) => (e: unknown) => {
  assert.ok(e instanceof Refusal, String(e));
  assert.deepEqual([e.reason, e.code, e.message], [reason, code, message]);
  return true;
};

describe("Paging a long cohort", () => {
  let ports: FakePorts;
  const opened: string[] = [];
  const closedNewestFirst: string[] = [];

  /** Cases straight into the casework, as years of the panel's work would leave them. */
  async function cohortOf(open: number, closed: number) {
    for (let i = 0; i < open + closed; i++) {
      const unit = ports.casework.unit("merton", "test");
      const subjectId = randomUUID();
      const reference = `MER-2025-${String(i + 1).padStart(4, "0")}`;
      const isClosed = i >= open;
      // Closed a day apart through 2025; the latest closed is the last made.
      const closedAt = new Date(Date.UTC(2025, 0, 1 + i - open, 15)).toISOString();
      unit.createCase({
        areaId: "merton",
        panelId: PANEL,
        subjectId,
        reference,
        placement: i % 3 ? "victim" : "location",
        riskLevel: "moderate",
        status: isClosed ? "closed" : "open",
        openedAt: "2024-12-01T10:00:00.000Z",
        nextMeetingDate: isClosed ? null : "2026-12-03",
        referralIds: [],
        label: `Invented Case ${i + 1}`,
        presenterIds: [grace.id],
        closedAt: isClosed ? closedAt : null,
        ...(isClosed && { lastDecision: { kind: "remove", on: closedAt.slice(0, 10) } }),
      });
      await unit.commit();
      if (isClosed) closedNewestFirst.unshift(reference);
      else opened.push(subjectId);
    }
  }

  before(async () => {
    ports = fakePorts("2026-11-24T12:00:00Z");
    await cohortOf(230, 260);
  });

  it("shows 230 open cases as pages of 100, 100 and 30 in one order, none twice, each page audited with its own", async () => {
    const cohort = cohortDesk(ports);
    const pages: CohortPage[] = [];
    let after: string | undefined;
    do {
      const page = await cohort.view(priya, PANEL, { list: "open", ...(after && { after }) }, "tab cohort");
      pages.push(page);
      after = page.next ?? undefined;
    } while (after);
    assert.deepEqual(
      pages.map((p) => p.cases.length),
      [100, 100, 30],
    );
    const ids = pages.flatMap((p) => p.cases.map((c) => c.subjectId));
    assert.deepEqual(ids, opened.slice().sort());
    const shown = ports.casework
      .auditOf("merton")
      .filter((a) => a.action === "cohort.viewed")
      .map((a) => a.shown ?? []);
    const byFirst = (x: string[], y: string[]) => String(x[0]).localeCompare(String(y[0]));
    assert.deepEqual(shown.sort(byFirst), pages.map((p) => p.cases.map((c) => c.reference)).sort(byFirst));
  });

  it("lists closed cases the latest closed first, with the day each closed", async () => {
    const cohort = cohortDesk(ports);
    const first = await cohort.view(priya, PANEL, { list: "closed", pageSize: 200 }, "test");
    assert.ok(first.next);
    const second = await cohort.view(
      priya,
      PANEL,
      { list: "closed", pageSize: 200, after: first.next },
      "test",
    );
    assert.equal(second.next, null);
    const listed = [...first.cases, ...second.cases];
    assert.deepEqual(
      listed.map((c) => c.reference),
      closedNewestFirst,
    );
    assert.deepEqual([listed[0]?.closedOn, listed.at(-1)?.closedOn], ["2025-09-17", "2025-01-01"]);
  });

  it("reads each page in the same few round trips, however many cases the panel has closed", async () => {
    const trips = async (p: FakePorts) => {
      p.casework.calls.reset();
      p.directory.calls.reset();
      await cohortDesk(p).view(priya, PANEL, { list: "open", pageSize: 50 }, "test");
      return [p.casework.calls.total, p.directory.calls.total, p.room.calls.total];
    };
    const small = fakePorts("2026-11-24T12:00:00Z");
    const unit = small.casework.unit("merton", "test");
    unit.createCase({
      areaId: "merton",
      panelId: PANEL,
      subjectId: randomUUID(),
      reference: "MER-2026-0001",
      placement: "victim",
      riskLevel: null,
      status: "open",
      openedAt: "2026-11-01T10:00:00.000Z",
      nextMeetingDate: "2026-12-03",
      referralIds: [],
    });
    await unit.commit();
    // The list, the open actions and the audit entry; the person's places once.
    assert.deepEqual(await trips(ports), [3, 1, 0]);
    assert.deepEqual(await trips(small), [3, 1, 0]);
    assert.deepEqual(
      ["casePage", "openActions", "appendAudit"].map((c) => small.casework.calls.of(c)),
      [1, 1, 1],
    );
    // On a meeting day, who has signed in is one more read.
    ports.clock.set("2026-12-03T09:00:00Z");
    assert.deepEqual(await trips(ports), [3, 1, 1]);
    ports.clock.set("2026-11-24T12:00:00Z");
  });

  it("refuses a page size outside 1 to 200, and a damaged cursor, in plain words", async () => {
    const cohort = cohortDesk(ports);
    for (const pageSize of [0, 201, 2.5]) {
      await assert.rejects(
        cohort.view(priya, PANEL, { list: "open", pageSize }, "test"),
        refusedWith("invalid", "invalid-page", "Ask for between 1 and 200 cases at a time."),
      );
    }
    const { next } = await cohort.view(priya, PANEL, { list: "open", pageSize: 5 }, "test");
    assert.ok(next);
    for (const after of ["not a cursor", next.slice(0, -3)]) {
      await assert.rejects(
        cohort.view(priya, PANEL, { list: "open", after }, "test"),
        refusedWith(
          "invalid",
          "invalid-cursor",
          "This list cannot be continued from here. Load the cases again.",
        ),
      );
    }
  });
});
