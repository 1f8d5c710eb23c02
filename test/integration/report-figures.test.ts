import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { agendaRecords } from "../../bot/src/adapters/tables/agenda-records.js";
import { caseworkTables } from "../../bot/src/adapters/tables/casework-tables.js";
import { meetingRecords } from "../../bot/src/adapters/tables/meeting-records.js";
import { meetingRoomRecords } from "../../bot/src/adapters/tables/meeting-room-records.js";
import { reportFigureTables } from "../../bot/src/adapters/tables/report-figure-tables.js";
import { tableFactory } from "../../bot/src/adapters/tables/storage.js";
import { figuresDesk } from "../../bot/src/application/reports/figures-desk.js";
import { monthOfDay } from "../../bot/src/domain/reports/calendar-months.js";
import { localDay } from "../../bot/src/domain/schedule/dates.js";
import { roundTripCounter, scanIn } from "../../scripts/lib/round-trips.js";
import { azurite } from "../support/azurite.js";
import { areas } from "../support/fakes/index.js";
import { call, type Request } from "../support/http.js";
import { PEOPLE } from "../support/people.js";
import { mertonChild } from "../support/referral-forms.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";

// Merton pre-MACE's figures for May 2031 in Azurite, from what the panel did through the service:
// a child referred half an hour into May (still April in UTC) and accepted, another referred and
// waiting, the May meeting attended by the four agencies its quorum names, and an action for
// Health done late. A month no other suite touches, so its counts are exact.

const PANEL = "merton-pre-mace";
const MEETING = "2031-05-01";

describe("Report figures worked out from the record in Azurite", function () {
  this.timeout(60_000);
  let service: TestService;
  // The demo referrals are seeded when the service starts, today: May 2031 holds only this suite's.
  let now = new Date();

  const api = async (personId: string, path: string, request: Request = {}) =>
    call(service, `/api/panels/${PANEL}${path}`, { ...request, token: await signInAs(service, personId) });
  const refer = async (name: string, values: object) => {
    const grace = { id: PEOPLE.mertonSocialWorker.id, name: PEOPLE.mertonSocialWorker.displayName };
    const sent = await service.desk.submit(grace, PANEL, "individual", randomUUID(), {
      ...mertonChild(name),
      strategyMeetingDate: "2031-04-20",
      ...values,
    });
    assert.ok(sent.ok, JSON.stringify(sent));
    return sent.referral;
  };

  before(async () => {
    service = await startTestService({}, { now: () => now });
    now = new Date("2031-04-30T23:30:00Z");
    const robin = await refer("Robin Invented-Hale", { ethnicity: "black-caribbean" });
    const priya = { id: PEOPLE.mertonCoordinator.id, name: PEOPLE.mertonCoordinator.displayName };
    const read = await service.desk.view(priya, PANEL, robin.id, "test");
    await service.desk.triage(
      priya,
      PANEL,
      robin.id,
      { decision: "accept", note: "", linkToSubjectId: null },
      read.etag,
      "test",
    );

    now = new Date(`${MEETING}T10:00:00Z`);
    for (const [person, agencyId] of [
      [PEOPLE.mertonCoordinator, "mer-csc"],
      [PEOPLE.mertonNurse, "mer-health"],
      [PEOPLE.mertonPoliceOfficer, "mer-police"],
      [PEOPLE.mertonEducationLead, "mer-education"],
    ] as const) {
      const signedIn = await api(person.id, `/meetings/${MEETING}/room/sign-in`, {
        body: { agencyId, capacity: "member", agreed: true },
      });
      assert.equal(signedIn.status, 201, signedIn.text);
    }
    const recorded = await api(PEOPLE.mertonCoordinator.id, `/meetings/${MEETING}/actions`, {
      body: {
        subjectId: null,
        title: "Share the health chronology",
        text: "Send the invented chronology to the social worker.",
        ownerId: PEOPLE.mertonNurse.id,
      },
    });
    assert.equal(recorded.status, 201, recorded.text);
    const action = recorded.body["action"] as { id: string; version: string; dueDate: string };
    assert.equal(action.dueDate, "2031-05-15");

    now = new Date("2031-05-20T09:00:00Z");
    const done = await api(PEOPLE.mertonNurse.id, `/actions/${action.id}/done`, {
      body: { note: "Sent." },
      ifMatch: action.version,
    });
    assert.equal(done.status, 200, done.text);
    await refer("Skye Madeup-Frost", { ethnicity: "white-british" });
  });
  after(() => service.close());

  it("counts May's referrals, meeting and action for the panel, and stores what it counted", async () => {
    const worked = await service.figures.workOutMonth("merton", "2031-05");
    const may = worked.find((f) => f.panelId === PANEL);
    assert.ok(may);
    assert.deepEqual(
      [
        may.month,
        may.referrals.received,
        may.referrals.byOutcome["accepted"],
        may.referrals.byOutcome["waiting"],
      ],
      ["2031-05", 2, 1, 1],
    );
    assert.deepEqual(may.children.referred.ethnicity, { "black-caribbean": 1, "white-british": 1 });
    assert.deepEqual(may.children.accepted.ethnicity, { "black-caribbean": 1 });
    assert.deepEqual([may.cohort.opened, may.cohort.riskAtEntry], [1, { significant: 1 }]);
    assert.deepEqual(may.meetings, {
      held: 1,
      quorate: 1,
      attendedByAgency: { "mer-csc": 1, "mer-health": 1, "mer-police": 1, "mer-education": 1 },
    });
    assert.deepEqual(may.actions.byAgency, {
      "mer-health": { agreed: 1, doneOnTime: 0, doneLate: 1, overdue: 0, open: 0, notPossible: 0 },
    });
    // April holds none of it: the first referral was made at 00:30 on 1 May, UK time.
    const april = (await service.figures.workOutMonth("merton", "2031-04")).find((f) => f.panelId === PANEL);
    assert.equal(april?.referrals.received, 0);

    const { connectionString } = await azurite();
    const stored = await reportFigureTables(
      tableFactory({ kind: "connection-string", connectionString }),
    ).monthsOf("merton", "2031-04", "2031-05");
    assert.deepEqual(
      stored.map((f) => `${f.month} ${f.panelId}`),
      [
        "2031-04 merton-pre-mace",
        "2031-04 merton-strategic-mace",
        "2031-05 merton-pre-mace",
        "2031-05 merton-strategic-mace",
      ],
    );
    assert.deepEqual(stored[2], may);
    assert.ok(!JSON.stringify(stored).includes("Robin"), "no child's name in the figures");
  });

  it("reads only point reads and single key ranges, and a month worked out again is stored the same", async () => {
    const { connectionString } = await azurite();
    const trips = roundTripCounter();
    const tables = tableFactory({ kind: "connection-string", connectionString }, trips.options);
    const desk = figuresDesk({
      catalogue: areas(),
      casework: caseworkTables(tables),
      meetings: meetingRecords(tables),
      agendas: agendaRecords(tables),
      room: meetingRoomRecords(tables),
      figures: reportFigureTables(tables),
      now: () => now,
    });
    const first = await service.figures.workOutMonth("merton", "2031-05");
    const again = await desk.workOutMonth("merton", "2031-05");
    assert.deepEqual(again, first);
    assert.deepEqual(
      trips.requests().flatMap((r) => scanIn(r) ?? []),
      [],
    );
    assert.ok(trips.count() > 10);
  });

  it("npm run report-figures works out an area's months, saying which as it goes", async () => {
    const { connectionString } = await azurite();
    const run = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/report-figures.ts",
        "--area",
        "merton",
        "--from",
        "2026-09",
        "--to",
        "2026-10",
      ],
      { encoding: "utf8", env: { ...process.env, STORAGE_CONNECTION_STRING: connectionString } },
    );
    assert.equal(run.status, 0, run.stderr);
    assert.match(
      run.stdout,
      /merton: September 2026 worked out for 2 panels \(1 of 2\)\nmerton: October 2026 worked out for 2 panels \(2 of 2\)\n/,
    );
    assert.match(run.stdout, /2 months worked out in 1 area\./);
  });
});

describe("The figures at start-up", function () {
  this.timeout(60_000);

  it("are worked out for the demo panels once the service has seeded them", async () => {
    const service = await startTestService({}, { figuresOnTimer: true });
    try {
      const run = await service.workOutRecentFigures();
      const month = monthOfDay(localDay(new Date()));
      // Every area, from last month at least to this one, each panel with a row.
      assert.deepEqual(
        run.areas.map((a) => [a.areaId, a.months.at(-2) !== undefined, a.months.at(-1)]),
        areas().areas.map((a) => [a.id, true, month]),
      );
      const { connectionString } = await azurite();
      const stored = await reportFigureTables(
        tableFactory({ kind: "connection-string", connectionString }),
      ).monthsOf("merton", month, month);
      assert.deepEqual(
        stored.map((f) => f.panelId),
        ["merton-pre-mace", "merton-strategic-mace"],
      );
      const preMace = stored.find((f) => f.panelId === PANEL);
      // As many as the panel's list holds for this month: the demo referrals, and any other suite's.
      const reached = await caseworkTables(
        tableFactory({ kind: "connection-string", connectionString }),
      ).referralPage("merton", PANEL, "reached", 1000);
      const thisMonth = reached.values.filter(
        (r) => monthOfDay(localDay(new Date(r.value.submitted.at))) === month,
      );
      assert.equal(preMace?.referrals.received, thisMonth.length);
      assert.ok(service.logLines.some((l) => l.includes("report figures worked out")));
    } finally {
      await service.close();
    }
  });
});
