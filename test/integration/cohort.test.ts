import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { loadCatalogue } from "../../bot/src/adapters/config-files/catalogue-files.js";
import { caseworkTables } from "../../bot/src/adapters/tables/casework-tables.js";
import { directoryTables } from "../../bot/src/adapters/tables/directory-tables.js";
import { meetingRecords } from "../../bot/src/adapters/tables/meeting-records.js";
import { meetingRoomRecords } from "../../bot/src/adapters/tables/meeting-room-records.js";
import { tableFactory } from "../../bot/src/adapters/tables/storage.js";
import { cohortDesk } from "../../bot/src/application/cohort/cohort-desk.js";
import { roundTripCounter, scanIn } from "../../scripts/lib/round-trips.js";
import type { CohortCase, CohortResponse } from "../../bot/src/adapters/http/contract/index.js";
import { auditOfArea } from "../support/audit.js";
import { azurite } from "../support/azurite.js";
import { call, type Request } from "../support/http.js";
import { PEOPLE } from "../support/people.js";
import { mertonChild } from "../support/referral-forms.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";

// The Merton pre-MACE's Cohort page through the tab's API, stored in Azurite: the demo referral's
// case with its name, risk, next meeting and actions; a presenter's own cases only; pages with a
// cursor; the whole list as CSV; a removed case on the closed list; every view audited.

const PANEL = "merton-pre-mace";
const MEETING = "2026-12-03";

describe("A panel's cohort in the tab's API", function () {
  this.timeout(60_000);
  let service: TestService;
  let now = new Date("2026-11-24T12:00:00Z");
  let robin: { reference: string; subjectId: string };
  let quinn: { reference: string; subjectId: string };

  const api = async (person: string, path: string, request: Request = {}) =>
    call(service, `/api/panels/${PANEL}${path}`, { ...request, token: await signInAs(service, person) });
  const cohort = async (person: string, query = "") => {
    const res = await api(person, `/cohort${query}`);
    assert.equal(res.status, 200, res.text);
    return res.body as unknown as CohortResponse;
  };
  const named = (page: CohortResponse, name: string): CohortCase | undefined =>
    page.cases.find((c) => c.name === name);
  const viewsBy = async (personId: string, via: string) =>
    (
      await auditOfArea(
        tableFactory({ kind: "connection-string", connectionString: (await azurite()).connectionString }),
        "merton",
      )
    )
      .map((e) => e.value)
      .filter((e) => e.action === "cohort.viewed" && e.actorId === personId && e.via === via);

  /** A child referred by `referrer` and accepted by Priya through the referral desk. */
  const accepted = async (referrer: { id: string; displayName: string }, name: string) => {
    const priya = { id: PEOPLE.mertonCoordinator.id, name: PEOPLE.mertonCoordinator.displayName };
    const by = { id: referrer.id, name: referrer.displayName };
    const sent = await service.desk.submit(by, PANEL, "individual", randomUUID(), mertonChild(name));
    assert.ok(sent.ok, JSON.stringify(sent.ok || sent.problems));
    const read = await service.desk.view(priya, PANEL, sent.referral.id, "test");
    const done = await service.desk.triage(
      priya,
      PANEL,
      sent.referral.id,
      { decision: "accept", note: "", linkToSubjectId: null },
      read.etag,
      "test",
    );
    return { reference: done.reference, subjectId: done.subjectId ?? "" };
  };

  before(async () => {
    service = await startTestService({}, { now: () => now });
    robin = await accepted(PEOPLE.mertonSocialWorker, "Robin Invented-Cohort");
    // Daniel, from the police, refers Quinn: Grace does not present that case.
    quinn = await accepted(PEOPLE.mertonPoliceOfficer, "Quinn Invented-Cohort");
  });
  after(() => service.close());

  it("shows the coordinator the demo referral's case with its name, kind, risk, next meeting and action counts", async () => {
    const priya = PEOPLE.mertonCoordinator.id;
    const before = named(await cohort(priya), "Jayden Okoro-Hart");
    assert.ok(before, "Jayden's case is on the open list");
    assert.deepEqual(
      [before.kind, before.risk, before.nextMeetingDate, before.closedOn],
      ["Child or young adult", "Significant", MEETING, null],
    );
    assert.match(before.reference, /^MER-2026-\d{4}$/);

    // One action from November's meeting, now overdue, and one from December's.
    for (const [meetingId, title] of [
      ["2026-11-05", "Book the return home interview"],
      [MEETING, "Share the school's attendance record"],
    ] as const) {
      const res = await api(priya, `/meetings/${meetingId}/actions`, {
        // November's is recorded late on purpose: the coordinator confirms it is already overdue.
        body: {
          subjectId: before.subjectId,
          title,
          text: `${title}.`,
          ownerId: PEOPLE.mertonNurse.id,
          confirmOverdue: true,
        },
      });
      assert.equal(res.status, 201, res.text);
    }
    const page = await cohort(priya);
    const after = named(page, "Jayden Okoro-Hart");
    assert.deepEqual(
      [after?.openActions, after?.overdueActions],
      [before.openActions + 2, before.overdueActions + 1],
    );
    // The counts are the action log's own.
    const log = (await api(priya, "/actions?status=open")).body["actions"] as {
      caseReference: string | null;
      overdue: boolean;
    }[];
    const his = log.filter((a) => a.caseReference === before.reference);
    assert.deepEqual(
      [after?.openActions, after?.overdueActions],
      [his.length, his.filter((a) => a.overdue).length],
    );
    assert.ok(named(page, "Robin Invented-Cohort") && named(page, "Quinn Invented-Cohort"));

    // The view is audited once, with the references it showed.
    const entries = await viewsBy(priya, "tab cohort");
    const shown = page.cases.map((c) => c.reference).sort();
    assert.ok(entries.some((e) => JSON.stringify(e.shown?.slice().sort()) === JSON.stringify(shown)));
  });

  it("shows a presenter only the cases she presents, and not the CSV", async () => {
    const grace = PEOPLE.mertonSocialWorker.id;
    const page = await cohort(grace);
    assert.equal(page.role, "presenter");
    const references = page.cases.map((c) => c.reference);
    assert.ok(references.includes(robin.reference));
    assert.ok(named(page, "Jayden Okoro-Hart"));
    assert.ok(!references.includes(quinn.reference), "Quinn's case is not Grace's");
    const entries = await viewsBy(grace, "tab cohort");
    assert.ok(entries.length > 0, "her view is audited");
    assert.ok(entries.some((e) => e.shown?.includes(robin.reference)));
    assert.ok(entries.every((e) => !e.shown?.includes(quinn.reference)));

    const csv = await api(grace, "/cohort.csv");
    assert.equal(csv.status, 403);
    assert.equal(
      (csv.body["error"] as { message: string }).message,
      "The cohort's CSV is for the panel's members. The Cohort page shows the cases you present.",
    );
  });

  it("refuses someone on no panel, and someone on another area's panel", async () => {
    for (const person of [PEOPLE.mertonAdministrator.id, PEOPLE.lambethCoordinator.id]) {
      const res = await api(person, "/cohort");
      assert.equal(res.status, 403);
      assert.equal(
        (res.body["error"] as { message: string }).message,
        "You are not a member of this panel. Ask its coordinator to add you.",
      );
      assert.deepEqual(await viewsBy(person, "tab cohort"), []);
    }
    assert.equal((await call(service, `/api/panels/${PANEL}/cohort`)).status, 401);
  });

  it("comes a page at a time: `next` continues the list, and a bad page size or cursor is refused", async () => {
    const priya = PEOPLE.mertonCoordinator.id;
    const whole = await cohort(priya);
    assert.equal(whole.next, null);
    assert.ok(whole.cases.length >= 3);
    const paged: string[] = [];
    let next: string | null = null;
    let pages = 0;
    do {
      const page = await cohort(priya, `?pageSize=2${next ? `&after=${encodeURIComponent(next)}` : ""}`);
      assert.ok(page.cases.length <= 2);
      paged.push(...page.cases.map((c) => c.reference));
      next = page.next;
      pages++;
    } while (next);
    assert.deepEqual(
      paged,
      whole.cases.map((c) => c.reference),
    );
    assert.equal(pages, Math.ceil(whole.cases.length / 2));

    const tooMany = await api(priya, "/cohort?pageSize=500");
    assert.equal(tooMany.status, 400);
    assert.equal(
      (tooMany.body["error"] as { message: string }).message,
      "Ask for between 1 and 200 cases at a time.",
    );
    const forged = await api(priya, "/cohort?after=bm90LWEtY3Vyc29y");
    assert.equal(forged.status, 400);
    assert.equal(
      (forged.body["error"] as { message: string }).message,
      "This list cannot be continued from here. Load the cases again.",
    );
    assert.equal((await api(priya, "/cohort?list=archived")).status, 400);
  });

  it("exports the whole open list as CSV for a member, audited", async () => {
    const hannah = PEOPLE.mertonNurse.id;
    const res = await api(hannah, "/cohort.csv?list=open");
    assert.equal(res.status, 200, res.text);
    assert.match(res.headers.get("content-type") ?? "", /^text\/csv/);
    assert.equal(res.headers.get("content-disposition"), `attachment; filename="${PANEL}-cohort-open.csv"`);
    const lines = res.text.trim().split("\n");
    assert.equal(lines[0], "OFFICIAL-SENSITIVE", "the file carries its marking above the header");
    assert.equal(
      lines[1],
      "Reference,Name,Kind,Risk,Next meeting,Open actions,Overdue actions,Last decision,Decided on",
    );
    const jayden = lines.find((l) => l.includes("Jayden Okoro-Hart")) ?? "";
    assert.match(
      jayden,
      /^MER-2026-\d{4},Jayden Okoro-Hart,Child or young adult,Significant,2026-12-03,\d+,\d+,,$/,
    );
    assert.equal(
      lines.length - 2,
      (await cohort(hannah)).cases.length,
      "one row per case, below the marking and the header",
    );
    const [entry] = await viewsBy(hannah, "tab cohort CSV");
    assert.ok(entry?.shown?.includes(quinn.reference));
  });

  it("on the meeting's day holds names back until sign-in; a removed case moves to the closed list with its date", async () => {
    now = new Date(`${MEETING}T10:00:00Z`);
    const priya = PEOPLE.mertonCoordinator.id;
    const waiting = await cohort(priya);
    assert.equal(waiting.namesHidden, true);
    assert.ok(waiting.cases.every((c) => c.name === null));
    assert.ok(waiting.cases.some((c) => c.reference === quinn.reference));

    const signIn = await api(priya, `/meetings/${MEETING}/room/sign-in`, {
      body: { agencyId: "mer-csc", capacity: "member", agreed: true },
    });
    assert.equal(signIn.status, 201, signIn.text);
    const removed = await api(priya, `/meetings/${MEETING}/decisions/${quinn.subjectId}`, {
      method: "PUT",
      ifMatch: "none",
      body: { kind: "remove", rationale: "Moved out of the area with her family.", riskLevel: "moderate" },
    });
    assert.equal(removed.status, 200, removed.text);

    const open = await cohort(priya);
    assert.equal(open.namesHidden, false);
    assert.ok(!open.cases.some((c) => c.reference === quinn.reference));
    const closed = await cohort(priya, "?list=closed");
    const row = closed.cases.find((c) => c.reference === quinn.reference);
    assert.deepEqual(
      [row?.name, row?.closedOn, row?.lastDecision, row?.risk, row?.nextMeetingDate],
      [
        "Quinn Invented-Cohort",
        MEETING,
        { kind: "remove", label: "Remove from the cohort", on: MEETING },
        "Moderate",
        null,
      ],
    );
    const csv = await api(priya, "/cohort.csv?list=closed");
    assert.match(
      csv.text,
      new RegExp(
        `\n${quinn.reference},Quinn Invented-Cohort,Child or young adult,Moderate,${MEETING},Remove from the cohort,${MEETING}\n`,
      ),
    );
  });
});

describe("A cohort page's cost in storage", () => {
  it("is the same few round trips on a meeting day or not, and its own reads are key ranges", async () => {
    const trips = roundTripCounter();
    const tables = tableFactory(
      { kind: "connection-string", connectionString: (await azurite()).connectionString },
      trips.options,
    );
    let now = new Date("2026-11-24T12:00:00Z");
    const desk = cohortDesk({
      catalogue: loadCatalogue("bot/config/areas"),
      directory: directoryTables(tables),
      casework: caseworkTables(tables),
      room: meetingRoomRecords(tables),
      meetings: meetingRecords(tables),
      now: () => now,
    });
    const priya = { id: PEOPLE.mertonCoordinator.id, name: PEOPLE.mertonCoordinator.displayName };
    const cost = async () => {
      const before = { requests: trips.count(), sequential: trips.sequential() };
      await desk.view(priya, PANEL, { list: "open" }, "test");
      const sent = trips.requests().slice(before.requests);
      return { sent, sequential: trips.sequential() - before.sequential };
    };
    const tablesOf = (c: { sent: readonly { table: string }[] }) => c.sent.map((r) => r.table);
    // The person's places; then the cohort's range, the open actions' and the panel's meetings
    // (one moved to today hides names too) together; then the audit entry. On the day the panel
    // meets, who has signed in is read with the ranges.
    const plain = await cost();
    assert.deepEqual(tablesOf(plain), ["Memberships", "AreaRecords", "AreaRecords", "Meetings", "$batch"]);
    assert.equal(plain.sequential, 3);
    now = new Date(`${MEETING}T10:00:00Z`);
    const meetingDay = await cost();
    assert.deepEqual(tablesOf(meetingDay), [
      "Memberships",
      "AreaRecords",
      "AreaRecords",
      "Meetings",
      "Agendas",
      "Agendas",
      "$batch",
    ]);
    assert.equal(meetingDay.sequential, 3);
    assert.deepEqual([...plain.sent, ...meetingDay.sent].map(scanIn).filter(Boolean), []);
  });
});
