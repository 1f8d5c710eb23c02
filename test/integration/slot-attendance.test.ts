import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { loadCatalogue } from "../../bot/src/adapters/config-files/catalogue-files.js";
import { agendaRecords } from "../../bot/src/adapters/tables/agenda-records.js";
import { caseworkTables } from "../../bot/src/adapters/tables/casework-tables.js";
import { directoryTables } from "../../bot/src/adapters/tables/directory-tables.js";
import { meetingRecords } from "../../bot/src/adapters/tables/meeting-records.js";
import { referralDraftTables } from "../../bot/src/adapters/tables/referral-draft-tables.js";
import { ensureTables, tableFactory } from "../../bot/src/adapters/tables/storage.js";
import { agendaDesk, type AgendaView } from "../../bot/src/application/agenda/agenda-desk.js";
import { referralDesk } from "../../bot/src/application/referrals/referral-desk.js";
import type { Person } from "../../bot/src/domain/people/membership.js";
import { azurite } from "../support/azurite.js";
import { forgetAgenda } from "../support/graph.js";
import { call } from "../support/http.js";
import { PEOPLE } from "../support/people.js";
import { acceptedMertonReferral } from "../support/referrals.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";

// Who is expected at a case's slot and why, stored in Azurite: the roles the referral gave each
// presenter are kept with the case, and the coordinator's note that plans are having impact with
// the agenda's draft; through the tab's API as the tab sends it.

const PANEL = "wandsworth-marve";
const MEETING = "2026-12-08";
const person = (n: number, name: string, agencyId: string): Person => ({
  id: `00000000-0000-4000-8000-00000000096${n}`,
  displayName: name,
  email: `${name.split(" ")[0]?.toLowerCase()}.invented@wandsworth.example`,
  jobTitle: "Practitioner",
  agencyId,
});
const tam = person(1, "Tam Invented-Coordinator", "wan-csc");
const kai = person(2, "Kai Invented-Referrer", "wan-police");
const rio = person(3, "Rio Invented-Worker", "wan-csc");
const jo = person(4, "Jo Invented-Supervisor", "wan-csc");
const actorOf = (p: Person) => ({ id: p.id, name: p.displayName });

describe("Who is expected at a case's slot, stored in Azurite", () => {
  const now = new Date("2026-11-24T12:00:00Z");
  let ports: Parameters<typeof agendaDesk>[0] & Parameters<typeof referralDesk>[0];

  before(async () => {
    const tables = tableFactory({
      kind: "connection-string",
      connectionString: (await azurite()).connectionString,
    });
    await ensureTables(tables);
    const directory = directoryTables(tables);
    for (const p of [tam, kai, rio, jo]) await directory.savePerson(p, "wandsworth", "test");
    await directory.setRole(
      { personId: tam.id, panelId: PANEL, role: "coordinator", deputyFor: null },
      "test",
    );
    ports = {
      catalogue: loadCatalogue("bot/config/areas"),
      directory,
      casework: caseworkTables(tables),
      drafts: referralDraftTables(tables),
      meetings: meetingRecords(tables),
      agendas: agendaRecords(tables),
      now: () => now,
      onNotices: () => undefined,
    };
  });

  const slotOf = (view: AgendaView, subjectId: string) => {
    const slot = view.entries
      .flatMap((e) => e.slots)
      .find((s) => s.subjects.some((x) => x.subjectId === subjectId));
    assert.ok(slot, "the case has a slot");
    return slot;
  };

  it("a Wandsworth child's slot expects the social worker and manager (000 §2) until plans are said to have impact (000 §4)", async () => {
    const desk = referralDesk(ports);
    const sent = await desk.submit(actorOf(kai), PANEL, "individual", randomUUID(), {
      subjectName: "Bo Invented-Child",
      dateOfBirth: "2011-06-02",
      gender: "male",
      ethnicity: "not-known",
      language: "English",
      address: "9 Invented Walk, Balham",
      postcode: "SW12 0ZZ",
      safeguardingStatus: "child-in-need",
      consent: "yes",
      strategyMeetingDate: "2026-11-10",
      request: "Disruption of the adults involved.",
      howSafer: "Less contact with them.",
      riskLevel: "moderate",
      allocatedWorkerEmail: rio.email,
      allocatedManagerEmail: jo.email,
    });
    assert.ok(sent.ok, JSON.stringify(sent));
    const read = await desk.view(actorOf(tam), PANEL, sent.referral.id, "test");
    const accepted = await desk.triage(
      actorOf(tam),
      PANEL,
      sent.referral.id,
      { decision: "accept", note: "", linkToSubjectId: null },
      read.etag,
      "test",
    );
    const subjectId = accepted.subjectId ?? "";

    // The roles are read back from the Cases table with the case.
    const stored = await ports.casework.case("wandsworth", PANEL, subjectId);
    assert.deepEqual(stored?.value.presenterRoles, [
      { personId: kai.id, role: "referrer" },
      { personId: rio.id, role: "worker" },
      { personId: jo.id, role: "manager" },
    ]);

    const agendas = agendaDesk(ports);
    const before = await agendas.view(actorOf(tam), "coordinator", PANEL, MEETING, "test");
    assert.deepEqual(
      slotOf(before, subjectId).expected.map((p) => [p.who, p.attends, p.reasons]),
      [
        [kai.displayName, "expected", ["referred the case"]],
        [rio.displayName, "expected", ["allocated social worker (000 §2)"]],
        [jo.displayName, "expected", ["their manager, who attends with the social worker (000 §2)"]],
      ],
    );

    const reason = "Safety plan holding: no missing episodes since October.";
    await agendas.choose(
      actorOf(tam),
      PANEL,
      MEETING,
      subjectId,
      { ...slotOf(before, subjectId).choice, plansHaveImpact: reason },
      before.version,
    );
    const draft = await ports.agendas.draft(PANEL, MEETING);
    assert.equal(draft?.value.choices[subjectId]?.plansHaveImpact, reason);
    const rios = await agendas.view(actorOf(rio), "presenter", PANEL, MEETING, "test");
    assert.deepEqual(
      [slotOf(rios, subjectId).plansHaveImpact, slotOf(rios, subjectId).expected.map((p) => p.attends)],
      [reason, ["expected", "need-not", "need-not"]],
    );
    assert.equal(rios.plansHavingImpact, "000 §4");
  });
});

describe("Who is expected at a slot, in the tab's API", () => {
  let service: TestService;
  const now = new Date("2027-02-20T12:00:00Z");
  const MARCH = "2027-03-04";
  const path = `/api/panels/merton-pre-mace/meetings/${MARCH}/agenda`;
  let child: { subjectId: string };
  interface Slot {
    subjects: { subjectId: string }[];
    expected: { who: string; attends: string; reasons: string[] }[];
    plansHaveImpact: string | null;
    choice: Record<string, unknown>;
  }
  interface Answer {
    version: string;
    entries: { slots: Slot[] }[];
  }
  const slotOf = (a: Answer) =>
    a.entries.flatMap((e) => e.slots).find((s) => s.subjects.some((x) => x.subjectId === child.subjectId));

  before(async () => {
    service = await startTestService({}, { now: () => now });
    await forgetAgenda("merton-pre-mace", MARCH);
    child = await acceptedMertonReferral(service, "Lou Invented-Slot", "4 Imaginary Close", MARCH);
  });
  after(async () => {
    await forgetAgenda("merton-pre-mace", MARCH);
    await service.close();
  });

  it("shows the referrer as expected; a note that plans have impact is refused in words, since Merton's terms of reference have no such rule", async () => {
    const priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const agenda = await call<Answer & { plansHavingImpact: string | null }>(service, path, { token: priya });
    const slot = slotOf(agenda.body);
    assert.deepEqual(slot?.expected, [
      { who: "Grace Mensah", attends: "expected", reasons: ["referred the case"] },
    ]);
    assert.equal(agenda.body.plansHavingImpact, null);

    const bad = await call(service, `${path}/cases/${child.subjectId}`, {
      method: "PUT",
      token: priya,
      body: { ...slot?.choice, plansHaveImpact: 7 },
      ifMatch: agenda.body.version,
    });
    assert.equal(bad.status, 400);

    const refused = await call<{ error: { code: string; message: string } }>(
      service,
      `${path}/cases/${child.subjectId}`,
      {
        method: "PUT",
        token: priya,
        body: { ...slot?.choice, plansHaveImpact: "Back in school full time; no new intelligence." },
        ifMatch: agenda.body.version,
      },
    );
    assert.deepEqual(
      [refused.status, refused.body.error.code, refused.body.error.message],
      [
        409,
        "no-impact-rule",
        "Pre-MACE operational panel's terms of reference do not excuse a case's worker and manager when plans are having impact, so everyone named for the case is still expected. Record the progress in the discussion notes instead.",
      ],
    );
    const after = (await call<Answer>(service, path, { token: priya })).body;
    assert.deepEqual(
      [after.version, slotOf(after)?.plansHaveImpact, slotOf(after)?.expected.map((p) => p.attends)],
      [agenda.body.version, null, ["expected"]],
    );
  });
});
