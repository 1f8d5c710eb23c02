import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { loadCatalogue } from "../../bot/src/adapters/config-files/catalogue-files.js";
import { caseworkTables } from "../../bot/src/adapters/tables/casework-tables.js";
import { directoryTables } from "../../bot/src/adapters/tables/directory-tables.js";
import { documentRecords } from "../../bot/src/adapters/tables/document-records.js";
import { meetingRecords } from "../../bot/src/adapters/tables/meeting-records.js";
import { meetingRoomRecords } from "../../bot/src/adapters/tables/meeting-room-records.js";
import { minutesRecords } from "../../bot/src/adapters/tables/minutes-records.js";
import { tableFactory } from "../../bot/src/adapters/tables/storage.js";
import { historyDesk } from "../../bot/src/application/history/history-desk.js";
import { DEMO_ADMINISTRATORS } from "../../bot/src/seed/demo-people.js";
import { roundTripCounter, scanIn } from "../../scripts/lib/round-trips.js";
import { auditOfArea } from "../support/audit.js";
import { azurite } from "../support/azurite.js";
import { forgetAgenda } from "../support/graph.js";
import { call, type Request } from "../support/http.js";
import { PEOPLE } from "../support/people.js";
import { mertonChild } from "../support/referral-forms.js";
import { acceptedMertonReferral } from "../support/referrals.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";
import { fileInZip, zipEntries } from "../support/zip.js";

// A Merton child's case history through the tab's API, against Azurite: referred by Grace,
// accepted, decided at the January pre-MACE with an action for the school. Members see it in
// order; a presenter of another child's case is refused; each view is audited with what it
// showed; the area's administrator exports the whole record as a Word document, audited too.

const PANEL = "merton-pre-mace";
const MEETING = "2027-01-07";
const NOTE = "Seen at the station late on school nights; the school will share attendance weekly.";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

interface Entry {
  at: string;
  kind: string;
  panelName: string;
  reference: string;
  title: string;
  by: string | null;
  details: { label: string; text: string }[];
}
interface History {
  subject: { reference: string; label: string };
  cases: { panelName: string; status: string; riskLevel: string | null; presenters: string[] }[];
  entries: Entry[];
}

describe("A subject's case history and its subject access export, through the tab's API", function () {
  this.timeout(60_000);
  let service: TestService;
  let now = new Date("2026-12-20T12:00:00Z");
  let robin: { subjectId: string; reference: string };
  let skye: { subjectId: string; reference: string };
  let actionReference: string;

  const api = async (person: string, path: string, request: Request = {}) =>
    call(service, path, { ...request, token: await signInAs(service, person) });
  const historyOf = (person: string, subjectId: string) =>
    api(person, `/api/areas/merton/subjects/${subjectId}/history`);
  const exportOf = (person: string, subjectId: string) =>
    api(person, `/api/areas/merton/subjects/${subjectId}/subject-access.docx`);

  before(async () => {
    service = await startTestService({}, { now: () => now });
    // Another suite may have held January's meeting and agreed its minutes: this one starts it afresh.
    await forgetAgenda(PANEL, MEETING);
    robin = await acceptedMertonReferral(service, "Robin Invented-Hale", "7 Imaginary Close", MEETING);
    // A second child, referred by the school nurse: Grace presents no case of hers.
    const hannah = { id: PEOPLE.mertonNurse.id, name: PEOPLE.mertonNurse.displayName };
    const priya = { id: PEOPLE.mertonCoordinator.id, name: PEOPLE.mertonCoordinator.displayName };
    const sent = await service.desk.submit(
      hannah,
      PANEL,
      "individual",
      randomUUID(),
      mertonChild("Skye Madeup-Frost"),
    );
    assert.ok(sent.ok, JSON.stringify(sent));
    const read = await service.desk.view(priya, PANEL, sent.referral.id, "test");
    const accepted = await service.desk.triage(
      priya,
      PANEL,
      sent.referral.id,
      { decision: "accept", note: "", linkToSubjectId: null },
      read.etag,
      "test",
    );
    skye = { subjectId: accepted.subjectId ?? "", reference: accepted.reference };

    // On the meeting's day the four agencies the quorum needs sign in; Priya records the decision.
    now = new Date(`${MEETING}T09:40:00Z`);
    for (const [person, agencyId] of [
      [PEOPLE.mertonCoordinator, "mer-csc"],
      [PEOPLE.mertonNurse, "mer-health"],
      [PEOPLE.mertonPoliceOfficer, "mer-police"],
      [PEOPLE.mertonEducationLead, "mer-education"],
    ] as const) {
      const signIn = await api(person.id, `/api/panels/${PANEL}/meetings/${MEETING}/room/sign-in`, {
        body: { agencyId, capacity: "member", agreed: true },
      });
      assert.ok(signIn.status === 201 || signIn.status === 200, signIn.text);
    }
    now = new Date(`${MEETING}T10:00:00Z`);
    const decided = await api(
      PEOPLE.mertonCoordinator.id,
      `/api/panels/${PANEL}/meetings/${MEETING}/decisions/${robin.subjectId}`,
      {
        method: "PUT",
        ifMatch: "none",
        body: {
          kind: "continue",
          reviewDate: "2027-01-20",
          riskLevel: "significant",
          rationale: "Missing episodes are increasing.",
          disruption: ["Child Abduction Warning Notice"],
        },
      },
    );
    assert.equal(decided.status, 200, decided.text);
    now = new Date(`${MEETING}T10:02:00Z`);
    const noted = await api(
      PEOPLE.mertonCoordinator.id,
      `/api/panels/${PANEL}/meetings/${MEETING}/notes/case:${robin.subjectId}`,
      { method: "PUT", ifMatch: "none", body: { text: NOTE } },
    );
    assert.equal(noted.status, 200, noted.text);
    now = new Date(`${MEETING}T10:05:00Z`);
    const recorded = await api(
      PEOPLE.mertonCoordinator.id,
      `/api/panels/${PANEL}/meetings/${MEETING}/actions`,
      {
        body: {
          subjectId: robin.subjectId,
          title: "Share the disruption plan",
          text: "Send the disruption plan to the school's safeguarding lead.",
          ownerId: PEOPLE.mertonEducationLead.id,
        },
      },
    );
    assert.equal(recorded.status, 201, recorded.text);
    actionReference = (recorded.body["action"] as { reference: string }).reference;
    now = new Date("2027-01-08T09:00:00Z");
  });
  after(() => service.close());

  it("shows a member signed in to the meeting, on its day, the referral, the decision, the note and the action of the case, in order, with their values", async () => {
    now = new Date(`${MEETING}T16:00:00Z`);
    const res = await historyOf(PEOPLE.mertonNurse.id, robin.subjectId).finally(() => {
      now = new Date("2027-01-08T09:00:00Z");
    });
    assert.equal(res.status, 200, res.text);
    const history = res.body as unknown as History;
    assert.deepEqual(
      [history.subject.reference, history.subject.label],
      [robin.reference, "Robin Invented-Hale"],
    );
    assert.deepEqual(
      history.entries.map((e) => [e.kind, e.reference, e.title]),
      [
        ["referral", robin.reference, "Referred to Pre-MACE operational panel"],
        ["triage", robin.reference, "Accepted by the coordinator"],
        ["case-opened", robin.reference, "Case opened on Pre-MACE operational panel"],
        ["decision", robin.reference, "Decided at the meeting on 7 January 2027: Continue, with a review"],
        ["note", robin.reference, "Note of the discussion at the meeting on 7 January 2027"],
        [
          "action",
          actionReference,
          "Action agreed at the meeting on 7 January 2027: Share the disruption plan",
        ],
      ],
    );
    const [referred, , , decision, note, action] = history.entries;
    assert.equal(referred?.by, "Grace Mensah (Children's Social Care)");
    assert.deepEqual([note?.by, note?.details], ["Priya Okafor", [{ label: "Note", text: NOTE }]]);
    assert.deepEqual(decision?.details, [
      { label: "Decision", text: "Continue; review by 2027-01-20." },
      { label: "Quorum", text: "Quorate when it was taken." },
      { label: "Risk after discussion", text: "Significant" },
      { label: "Rationale", text: "Missing episodes are increasing." },
      { label: "Disruption", text: "Child Abduction Warning Notice" },
    ]);
    assert.deepEqual(action?.details, [
      { label: "What is to be done", text: "Send the disruption plan to the school's safeguarding lead." },
      { label: "Owner", text: "Owen Brathwaite (Education)" },
      { label: "Due", text: "21 January 2027" },
      { label: "Outcome", text: "Open" },
    ]);
    assert.deepEqual(history.cases, [
      {
        panelId: PANEL,
        panelName: "Pre-MACE operational panel",
        reference: robin.reference,
        status: "open",
        riskLevel: "Significant",
        openedAt: history.entries[2]?.at,
        closedAt: null,
        nextMeetingDate: "2027-02-04",
        presenters: ["Grace Mensah"],
      },
    ]);
  });

  it("refuses a presenter the history of a case they do not present, and shows them their own", async () => {
    const refused = await historyOf(PEOPLE.mertonSocialWorker.id, skye.subjectId);
    assert.equal(refused.status, 403);
    assert.equal(
      (refused.body["error"] as { message: string }).message,
      "You can see the record only of the cases you present.",
    );
    assert.equal((await historyOf(PEOPLE.mertonSocialWorker.id, robin.subjectId)).status, 200);
    assert.equal((await historyOf(PEOPLE.lambethCoordinator.id, robin.subjectId)).status, 403);
    assert.equal((await historyOf(PEOPLE.mertonNurse.id, "no-such-subject")).status, 404);
  });

  it("audits each view once, with the subject and the references it showed", async () => {
    const tables = tableFactory({
      kind: "connection-string",
      connectionString: (await azurite()).connectionString,
    });
    const viewed = (await auditOfArea(tables, "merton"))
      .map((a) => a.value)
      .filter((a) => a.action === "history.viewed" && a.subjectId !== null);
    // Both on the same moment of the test's clock: by who viewed it.
    assert.deepEqual(
      viewed
        .filter((a) => a.subjectId === robin.subjectId)
        .map((a) => [a.actorId, a.reference, a.via, a.shown])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      [
        [
          PEOPLE.mertonSocialWorker.id,
          robin.reference,
          "tab case history",
          [robin.reference, actionReference],
        ],
        [PEOPLE.mertonNurse.id, robin.reference, "tab case history", [robin.reference, actionReference]],
      ],
    );
    assert.equal(
      viewed.filter((a) => a.subjectId === skye.subjectId).length,
      0,
      "a refused view shows nothing",
    );
  });

  it("shows a member the draft note only on the meeting's day, signed in to it: the day after, until the minutes are agreed, the coordinator reads it", async () => {
    const dayAfter = (await historyOf(PEOPLE.mertonNurse.id, robin.subjectId)).body as unknown as History;
    assert.deepEqual(
      dayAfter.entries.map((e) => e.kind),
      ["referral", "triage", "case-opened", "decision", "action"],
    );
    const coordinator = (await historyOf(PEOPLE.mertonCoordinator.id, robin.subjectId))
      .body as unknown as History;
    assert.deepEqual(
      coordinator.entries.filter((e) => e.kind === "note").map((e) => e.details),
      [[{ label: "Note", text: NOTE }]],
    );
  });

  it("exports everything held to the area's administrator as an OFFICIAL-SENSITIVE Word document, with who viewed it", async () => {
    const res = await exportOf(PEOPLE.mertonAdministrator.id, robin.subjectId);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.headers.get("content-type"), DOCX);
    assert.match(
      res.headers.get("content-disposition") ?? "",
      new RegExp(`filename="${robin.reference}-subject-access.docx"`),
    );
    const document = fileInZip(res.bytes, "word/document.xml") ?? "";
    for (const text of [
      robin.reference,
      "Robin Invented-Hale",
      "Continue; review by 2027-01-20.",
      "Missing episodes are increasing.",
      "Notes of the discussion at meetings",
      NOTE,
      actionReference,
      "Owen Brathwaite (Education)",
      "Hannah Reyes (Health)",
      "referral created",
      "history viewed",
      "tab case history",
    ])
      assert.ok(document.includes(text), `the export holds "${text}"`);
    const marked = zipEntries(res.bytes).filter(
      (e) =>
        /^word\/(header|footer)\d*\.xml$/.test(e.name) &&
        e.data.toString("utf8").includes("OFFICIAL-SENSITIVE"),
    );
    assert.deepEqual(marked.map((e) => e.name.replace(/\d*\.xml$/, "")).sort(), [
      "word/footer",
      "word/header",
    ]);
  });

  it("refuses the export to anyone who is not one of the area's administrators", async () => {
    for (const person of [
      PEOPLE.mertonCoordinator.id,
      PEOPLE.mertonNurse.id,
      PEOPLE.lambethAdministrator.id,
    ]) {
      const res = await exportOf(person, robin.subjectId);
      assert.equal(res.status, 403, person);
      assert.equal(
        (res.body["error"] as { message: string }).message,
        "Only Merton's administrators can export a subject's record for a subject access request. Ask one of them.",
      );
    }
  });

  it("audits the export, once, naming the subject", async () => {
    const tables = tableFactory({
      kind: "connection-string",
      connectionString: (await azurite()).connectionString,
    });
    const exported = (await auditOfArea(tables, "merton"))
      .map((a) => a.value)
      .filter((a) => a.action === "subject-access.exported");
    assert.deepEqual(
      exported.map((a) => [a.actorId, a.subjectId, a.reference, a.via]),
      [[PEOPLE.mertonAdministrator.id, robin.subjectId, robin.reference, "subject access export"]],
    );
  });

  it("finds the subject from the reference a request quotes, for an administrator on no panel, audited", async () => {
    const byReference = (person: string, reference: string) =>
      api(person, `/api/areas/merton/subject-access.docx?reference=${encodeURIComponent(reference)}`);
    const res = await byReference(PEOPLE.mertonAdministrator.id, robin.reference.toLowerCase());
    assert.equal(res.status, 200, res.text);
    assert.ok((fileInZip(res.bytes, "word/document.xml") ?? "").includes("Robin Invented-Hale"));

    const unknown = await byReference(PEOPLE.mertonAdministrator.id, "MER-2019-9999");
    assert.equal(unknown.status, 404);
    assert.match(
      (unknown.body["error"] as { message: string }).message,
      /^No subject of Merton has the reference MER-2019-9999\./,
    );
    const malformed = await byReference(PEOPLE.mertonAdministrator.id, "Robin");
    assert.equal(malformed.status, 400);
    assert.equal(
      (malformed.body["error"] as { message: string }).message,
      "Enter the subject's reference, for example MER-2026-0001.",
    );
    // Whether a reference exists is not told to anyone else.
    const coordinator = await byReference(PEOPLE.mertonCoordinator.id, "MER-2019-9999");
    assert.equal(coordinator.status, 403);

    const tables = tableFactory({
      kind: "connection-string",
      connectionString: (await azurite()).connectionString,
    });
    const exported = (await auditOfArea(tables, "merton"))
      .map((a) => a.value)
      .filter((a) => a.action === "subject-access.exported" && a.via === "subject access request");
    assert.deepEqual(
      exported.map((a) => [a.actorId, a.subjectId]),
      [[PEOPLE.mertonAdministrator.id, robin.subjectId]],
    );
  });

  it("reads a history in two round trips one after another, then writes its audit entry; none of its reads scans", async () => {
    const trips = roundTripCounter();
    const tables = tableFactory(
      { kind: "connection-string", connectionString: (await azurite()).connectionString },
      trips.options,
    );
    const history = historyDesk({
      catalogue: loadCatalogue("bot/config/areas"),
      casework: caseworkTables(tables),
      directory: directoryTables(tables),
      documents: documentRecords(tables),
      minutesRecord: minutesRecords(tables),
      room: meetingRoomRecords(tables),
      meetings: meetingRecords(tables),
      now: () => now,
      administrators: new Map(DEMO_ADMINISTRATORS),
    });
    const nurse = { id: PEOPLE.mertonNurse.id, name: PEOPLE.mertonNurse.displayName };
    const seen = await history.view(nurse, "merton", robin.subjectId, "test");
    // The minutes' agreement, read to see whether she may read the draft note, goes with the second.
    assert.deepEqual(
      seen.entries.map((e) => e.kind),
      ["referral", "triage", "case-opened", "decision", "action"],
    );
    assert.equal(trips.sequential(), 3);
    assert.deepEqual(trips.requests().map(scanIn).filter(Boolean), []);
  });
});
