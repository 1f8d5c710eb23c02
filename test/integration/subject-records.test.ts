import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { caseworkTables } from "../../bot/src/adapters/tables/casework-tables.js";
import { odata } from "@azure/data-tables";
import { keyOf } from "../../bot/src/adapters/tables/entity-store.js";
import {
  ensureTables,
  TABLES,
  tableFactory,
  type TableFactory,
} from "../../bot/src/adapters/tables/storage.js";
import type { Casework, StoredCase, StoredDecision } from "../../bot/src/application/ports/casework.js";
import type { Action } from "../../bot/src/domain/actions/action.js";
import type { Subject } from "../../bot/src/domain/cohort/case.js";
import type { Link } from "../../bot/src/domain/links/link.js";
import { roundTripCounter, scanIn } from "../../scripts/lib/round-trips.js";
import { azurite } from "../support/azurite.js";

// A subject's record in Azurite: its links from either end, its cases, decisions and actions on
// every panel, the cohort's open and closed lists, and finding a subject by reference, a word of
// its name or a postcode, each one key range. An area of its own keeps other suites out.
describe("A subject's record, stored in Azurite", () => {
  const AREA = `record-${randomUUID().slice(0, 8)}`;
  const PRE = `${AREA}-pre`;
  const MACE = `${AREA}-mace`;
  const trips = roundTripCounter();
  let casework: Casework;
  let uncounted: TableFactory;

  const subject = (label: string, kind: Subject["kind"], n: number, postcode?: string): Subject => ({
    id: randomUUID(),
    areaId: AREA,
    kind,
    reference: `REC-2026-${String(n).padStart(4, "0")}`,
    label,
    referralIds: [],
    ...(postcode && { postcode }),
  });
  const child = subject("Ava Jordan-Blake", "individual", 1);
  const person = subject("Marcus Vell", "person-of-concern", 2);
  const place = subject("Unit 4, Larkspur Parade, SW19 2XQ", "location-of-concern", 3, "SW192XQ");
  const stamp = { by: "coordinator", byName: "Priya Okafor", at: "2026-03-05T12:00:00.000Z" };
  const link = (from: Subject, to: Subject, kind: Link["kind"]): Link => ({
    id: randomUUID(),
    areaId: AREA,
    kind,
    from: from.id,
    to: to.id,
    note: "",
    panelId: PRE,
    meetingId: "2026-03-05",
    referralId: null,
    added: stamp,
    ended: null,
  });
  const exploitedBy = link(child, person, "exploited-by");
  const frequents = link(child, place, "frequents");
  const kase = (s: Subject, panelId: string, status: "open" | "closed", closedAt?: string): StoredCase => ({
    areaId: AREA,
    panelId,
    subjectId: s.id,
    reference: s.reference,
    placement: "victim",
    riskLevel: null,
    status,
    openedAt: "2026-01-10T09:00:00.000Z",
    nextMeetingDate: status === "open" ? "2026-04-02" : null,
    referralIds: [],
    ...(closedAt && { closedAt }),
  });
  const decision = (panelId: string, meetingId: string): StoredDecision => ({
    areaId: AREA,
    panelId,
    meetingId,
    subjectId: child.id,
    reference: child.reference,
    kind: "continue",
    reviewDate: null,
    returnTo: null,
    rationale: "Invented rationale.",
    riskLevel: null,
    volt: { personsOfConcern: [], locations: [], groups: [], themes: [] },
    disruption: [],
    disruptionDetail: "",
    transferTo: null,
    recordedBy: "coordinator",
    recordedByName: "Priya Okafor",
    at: `${meetingId}T11:00:00.000Z`,
  });
  const action = (subjectId: string | null): Action => ({
    id: randomUUID(),
    reference: "REC-A-2026-0001",
    areaId: AREA,
    panelId: PRE,
    meetingId: "2026-03-05",
    subjectId,
    caseReference: subjectId ? child.reference : null,
    title: "Share the school's attendance",
    text: "An invented action.",
    ownerId: "owner",
    ownerName: "Hannah Reyes",
    ownerAgencyId: "mer-health",
    dueDate: "2026-03-19",
    status: "open",
    created: stamp,
    completed: null,
    updates: [],
  });

  before(async () => {
    const { connectionString } = await azurite();
    const tables = tableFactory({ kind: "connection-string", connectionString }, trips.options);
    uncounted = tableFactory({ kind: "connection-string", connectionString });
    await ensureTables(tables);
    casework = caseworkTables(tables);
    const unit = casework.unit(AREA, "test");
    [child, person, place].forEach((s) => unit.createSubject(s));
    [exploitedBy, frequents].forEach((l) => unit.createLink(l));
    unit.createCase(kase(child, PRE, "open"));
    unit.createCase(kase(child, MACE, "closed", "2026-02-20T15:00:00.000Z"));
    unit.createCase(kase(person, PRE, "closed", "2025-06-01T15:00:00.000Z"));
    unit.createDecision(decision(MACE, "2026-02-20"));
    unit.createDecision(decision(PRE, "2026-03-05"));
    unit.createAction(action(child.id));
    unit.createAction(action(null));
    await unit.commit();
  });

  it("reads a subject's links from either end, and its cases, decisions and actions on every panel", async () => {
    const fromChild = await casework.subjectLinks(AREA, child.id);
    assert.deepEqual(fromChild.map((l) => l.id).sort(), [exploitedBy.id, frequents.id].sort());
    const fromPerson = await casework.subjectLinks(AREA, person.id);
    assert.deepEqual(
      fromPerson.map((l) => [l.kind, l.from]),
      [["exploited-by", child.id]],
    );
    const cases = await casework.subjectCases(AREA, child.id);
    assert.deepEqual(cases.map((c) => [c.panelId, c.status]).sort(), [
      [MACE, "closed"],
      [PRE, "open"],
    ]);
    const decisions = await casework.subjectDecisions(AREA, child.id);
    assert.deepEqual(
      decisions.map((d) => [d.meetingId, d.panelId]),
      [
        ["2026-02-20", MACE],
        ["2026-03-05", PRE],
      ],
      "oldest meeting first",
    );
    const actions = await casework.subjectActions(AREA, child.id);
    assert.deepEqual(
      actions.map((a) => a.title),
      ["Share the school's attendance"],
    );
  });

  it("finds a subject by reference, by a whole word of its name, and a place by postcode or district", async () => {
    const labels = async (search: Parameters<Casework["findSubjects"]>[1]) =>
      (await casework.findSubjects(AREA, search, 10)).map((s) => s.label);
    assert.deepEqual(await labels({ by: "reference", reference: "REC-2026-0002" }), ["Marcus Vell"]);
    assert.deepEqual(await labels({ by: "word", word: "jordan" }), ["Ava Jordan-Blake"]);
    assert.deepEqual(await labels({ by: "word", word: "blake" }), ["Ava Jordan-Blake"]);
    assert.deepEqual(await labels({ by: "postcode", postcode: "SW192XQ" }), [place.label]);
    assert.deepEqual(await labels({ by: "postcode", postcode: "SW19" }), [place.label]);
    assert.deepEqual(await labels({ by: "word", word: "nobody" }), []);
  });

  it("a renamed subject is no longer found by its old name, and no key shows a name", async () => {
    const held = await casework.subject(AREA, person.id);
    assert.ok(held);
    const unit = casework.unit(AREA, "Priya Okafor");
    unit.replaceSubject({ ...held.value, label: "Marcus Vellington" }, held);
    await unit.commit();
    const found = async (word: string) => (await casework.findSubjects(AREA, { by: "word", word }, 5)).length;
    assert.equal(await found("vell"), 0);
    assert.equal(await found("vellington"), 1);
    const rowKeys: string[] = [];
    const filter = odata`PartitionKey eq ${keyOf(AREA)}`;
    for await (const e of uncounted(TABLES.areaRecords).listEntities({ queryOptions: { filter } }))
      rowKeys.push(String(e.rowKey).toLowerCase());
    assert.ok(rowKeys.some((k) => k.startsWith("subject-word|")));
    const named = rowKeys.filter((k) =>
      ["jordan", "blake", "vell", "larkspur", "sw19"].some((w) => k.includes(w)),
    );
    assert.deepEqual(named, [], "no key shows a name or a postcode");
  });

  it("an ended link stays on both ends' lists, marked ended", async () => {
    const held = await casework.link(AREA, frequents.id);
    assert.ok(held);
    const unit = casework.unit(AREA, "Priya Okafor");
    const ended = { ...stamp, at: "2026-04-01T10:00:00.000Z", reason: "No longer goes there." };
    unit.replaceLink({ ...held.value, ended }, held);
    await unit.commit();
    for (const end of [child.id, place.id]) {
      const found = (await casework.subjectLinks(AREA, end)).find((l) => l.id === frequents.id);
      assert.equal(found?.ended?.reason, "No longer goes there.");
    }
  });

  it("pages the cohort's open and closed cases, and finds the cases closed by a day, oldest first", async () => {
    const open = await casework.casePage(AREA, PRE, "open", 10);
    assert.deepEqual(
      open.values.map((c) => c.value.reference),
      ["REC-2026-0001"],
    );
    const closed = await casework.casePage(AREA, PRE, "closed", 10);
    assert.deepEqual(
      closed.values.map((c) => c.value.reference),
      ["REC-2026-0002"],
    );
    const due = await casework.closedBy(AREA, "2026-02-20", 10);
    assert.deepEqual(
      due.map((c) => [c.reference, c.panelId]),
      [
        ["REC-2026-0002", PRE],
        ["REC-2026-0001", MACE],
      ],
    );
    assert.deepEqual(await casework.closedBy(AREA, "2025-05-31", 10), []);
  });

  it("reads every part of the record as one key range or a point read, never a scan", () => {
    assert.deepEqual(trips.requests().map(scanIn).filter(Boolean), []);
  });
});
