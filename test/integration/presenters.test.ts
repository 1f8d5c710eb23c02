import assert from "node:assert/strict";
import { auditOfArea } from "../support/audit.js";
import { randomUUID } from "node:crypto";
import { loadCatalogue } from "../../bot/src/adapters/config-files/catalogue-files.js";
import { agendaRecords } from "../../bot/src/adapters/tables/agenda-records.js";
import { caseworkTables } from "../../bot/src/adapters/tables/casework-tables.js";
import { referralDraftTables } from "../../bot/src/adapters/tables/referral-draft-tables.js";
import { directoryTables } from "../../bot/src/adapters/tables/directory-tables.js";
import { meetingRecords } from "../../bot/src/adapters/tables/meeting-records.js";
import { minutesRecords } from "../../bot/src/adapters/tables/minutes-records.js";
import { meetingRoomRecords } from "../../bot/src/adapters/tables/meeting-room-records.js";
import { ensureTables, tableFactory } from "../../bot/src/adapters/tables/storage.js";
import { accessPanel } from "../../bot/src/application/access/panel-access.js";
import { agendaDesk } from "../../bot/src/application/agenda/agenda-desk.js";
import { caseDecisions } from "../../bot/src/application/decisions/case-decisions.js";
import { referralDesk } from "../../bot/src/application/referrals/referral-desk.js";
import { DecisionInput } from "../../bot/src/domain/decisions/decision.js";
import type { Person } from "../../bot/src/domain/people/membership.js";
import { Refusal } from "../../bot/src/domain/refusal.js";
import { azurite } from "../support/azurite.js";
import { signInToMeeting } from "../support/meeting-sign-in.js";

// Wandsworth MARVE (000 §2): the allocated social worker and their supervisor are invited to the
// child's slot. Through the Azure Tables adapters: the referrer and the two named on the form
// become presenters on acceptance, see the slot, and lose the role when the case is removed.
// Wandsworth has no demo people, so the invented ones here are the only ones on its panels.

const PANEL = "wandsworth-marve";
const MEETING = "2026-12-08";
const person = (n: number, name: string, agencyId: string): Person => ({
  id: `00000000-0000-4000-8000-00000000095${n}`,
  displayName: name,
  email: `${name.split(" ")[0]?.toLowerCase()}.invented@wandsworth.example`,
  jobTitle: "Practitioner",
  agencyId,
});
const wren = person(1, "Wren Invented-Coordinator", "wan-csc");
const ash = person(2, "Ash Invented-Referrer", "wan-police");
const sol = person(3, "Sol Invented-Worker", "wan-csc");
const mo = person(4, "Mo Invented-Supervisor", "wan-csc");
const actorOf = (p: Person) => ({ id: p.id, name: p.displayName });

describe("Presenters from the work, stored in Azurite", () => {
  let now = new Date("2026-11-24T12:00:00Z");
  let ports: Parameters<typeof caseDecisions>[0];

  before(async () => {
    const tables = tableFactory({
      kind: "connection-string",
      connectionString: (await azurite()).connectionString,
    });
    await ensureTables(tables);
    const directory = directoryTables(tables);
    for (const p of [wren, ash, sol, mo]) await directory.savePerson(p, "wandsworth", "test");
    await directory.setRole(
      { personId: wren.id, panelId: PANEL, role: "coordinator", deputyFor: null },
      "test",
    );
    const base = {
      catalogue: loadCatalogue("bot/config/areas"),
      directory,
      casework: caseworkTables(tables),
      drafts: referralDraftTables(tables),
      meetings: meetingRecords(tables),
      agendas: agendaRecords(tables),
      room: meetingRoomRecords(tables),
      minutesRecord: minutesRecords(tables),
      now: () => now,
      onNotices: () => undefined,
    };
    ports = { ...base, agendaDesk: agendaDesk(base), desk: referralDesk(base) };
  });

  const roleOf = async (p: Person) =>
    (await ports.directory.membersOf(PANEL)).find((m) => m.personId === p.id)?.role;

  it("the referrer and the named social worker and supervisor present the case until it is removed", async () => {
    const sent = await ports.desk.submit(actorOf(ash), PANEL, "individual", randomUUID(), {
      subjectName: "Rae Invented-Child",
      dateOfBirth: "2011-04-09",
      gender: "female",
      ethnicity: "not-known",
      language: "English",
      address: "3 Invented Row, Tooting",
      postcode: "SW17 0ZZ",
      safeguardingStatus: "child-protection",
      consent: "yes",
      strategyMeetingDate: "2026-11-12",
      request: "Disruption of the adults involved.",
      howSafer: "Less contact with them.",
      riskLevel: "significant",
      allocatedWorkerEmail: sol.email,
      allocatedManagerEmail: mo.email,
    });
    assert.ok(sent.ok, JSON.stringify(sent));
    assert.equal(sent.referral.meetingDate, MEETING);
    const read = await ports.desk.view(actorOf(wren), PANEL, sent.referral.id, "test");
    const accepted = await ports.desk.triage(
      actorOf(wren),
      PANEL,
      sent.referral.id,
      { decision: "accept", note: "", linkToSubjectId: null },
      read.etag,
      "test",
    );
    const subjectId = accepted.subjectId ?? "";

    for (const p of [ash, sol, mo]) {
      assert.equal((await accessPanel(ports, p.id, PANEL)).role, "presenter", p.displayName);
      const agenda = await ports.agendaDesk.view(actorOf(p), "presenter", PANEL, MEETING, "test");
      const slots = agenda.entries.flatMap((e) => e.slots);
      assert.deepEqual(
        slots.map((s) => s.subjects.map((x) => x.label)),
        [["Rae Invented-Child"]],
      );
    }

    now = new Date(`${MEETING}T11:00:00Z`);
    await signInToMeeting(ports, actorOf(wren), PANEL, MEETING);
    await caseDecisions(ports).decide(
      actorOf(wren),
      "coordinator",
      PANEL,
      MEETING,
      subjectId,
      DecisionInput.parse({ kind: "remove", rationale: "The safety plan is working." }),
      "none",
    );
    assert.deepEqual(
      [await roleOf(ash), await roleOf(sol), await roleOf(mo), await roleOf(wren)],
      [undefined, undefined, undefined, "coordinator"],
    );
    await assert.rejects(accessPanel(ports, sol.id, PANEL), (e: unknown) => {
      assert.ok(e instanceof Refusal);
      assert.equal(e.code, "not-a-member");
      return true;
    });

    const tables = tableFactory({
      kind: "connection-string",
      connectionString: (await azurite()).connectionString,
    });
    const audit = (await auditOfArea(tables, "wandsworth"))
      .map((e) => e.value)
      // Other suites' services seed the demo Wandsworth people into the same store: only what Wren did.
      .filter((e) => e.action.startsWith("role.") && e.actorId === wren.id)
      .map((e) => `${e.action} ${e.personId ?? ""} by ${e.actorId}`)
      .sort();
    assert.deepEqual(
      audit,
      [ash, sol, mo]
        .flatMap((p) => [`role.granted ${p.id} by ${wren.id}`, `role.removed ${p.id} by ${wren.id}`])
        .sort(),
    );
  });
});
