import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { loadCatalogue } from "../../bot/src/adapters/config-files/catalogue-files.js";
import { caseworkTables } from "../../bot/src/adapters/tables/casework-tables.js";
import { minutesRecords } from "../../bot/src/adapters/tables/minutes-records.js";
import { keyOf } from "../../bot/src/adapters/tables/entity-store.js";
import type { ItemNote } from "../../bot/src/domain/minutes/record.js";
import { referralDraftTables } from "../../bot/src/adapters/tables/referral-draft-tables.js";
import { directoryTables } from "../../bot/src/adapters/tables/directory-tables.js";
import { ensureTables, tableFactory, TABLES } from "../../bot/src/adapters/tables/storage.js";
import type { Casework } from "../../bot/src/application/ports/casework.js";
import { referralDesk } from "../../bot/src/application/referrals/referral-desk.js";
import { runRetention } from "../../bot/src/application/retention/retention-run.js";
import { blobContainer, blobDocuments } from "../../bot/src/adapters/blob/blob-documents.js";
import { documentRecords } from "../../bot/src/adapters/tables/document-records.js";
import { documentsDesk } from "../../bot/src/application/documents/documents-desk.js";
import type { DocumentFiles } from "../../bot/src/application/ports/documents.js";
import type { Catalogue } from "../../bot/src/domain/catalogue/catalogue.js";
import type { RetentionPolicy } from "../../bot/src/domain/retention/retention-policy.js";
import { azurite } from "../support/azurite.js";
import { drawLink, personFromLink } from "../support/closed-cases.js";
import { forgetMertonReferrals } from "../support/forget-referrals.js";
import { demoActor, PEOPLE } from "../support/people.js";
import { mertonChild } from "../support/referral-forms.js";
import { startTestService, type TestService } from "../support/service.js";

// The retention job against Azurite: Merton's records, with every copy its lists read. The cases
// here closed in 2019 and 2021 and the job runs "in" January 2026, so that only this suite's
// records are old enough for it in the Azurite every suite shares.

const PANEL = "merton-pre-mace";
const RUN_ON = "2026-01-12T09:00:00Z";
const priya = demoActor("Priya Okafor");
const grace = demoActor("Grace Mensah");

interface Closed {
  name: string;
  subjectId: string;
  reference: string;
  referralId: string;
  actionId: string;
}

/** A child referred and accepted through the referral desk, then decided, given an action and closed. */
async function closedCase(
  catalogue: Catalogue,
  casework: Casework,
  tables: ReturnType<typeof tableFactory>,
  name: string,
  closedOn: string,
): Promise<Closed> {
  const referredAt = new Date(Date.parse(`${closedOn}T10:00:00Z`) - 30 * 86_400_000);
  const desk = referralDesk({
    catalogue,
    casework,
    directory: directoryTables(tables),
    drafts: referralDraftTables(tables),
    now: () => referredAt,
    onNotices: () => undefined,
  });
  const strategyMeetingDate = referredAt.toISOString().slice(0, 10);
  const values = { ...mertonChild(name), strategyMeetingDate };
  const sent = await desk.submit(grace, PANEL, "individual", randomUUID(), values);
  assert.ok(sent.ok, JSON.stringify(sent));
  const read = await desk.view(priya, PANEL, sent.referral.id, "test");
  const accepted = await desk.triage(
    priya,
    PANEL,
    sent.referral.id,
    { decision: "accept", note: `${name} is known to us.`, linkToSubjectId: null },
    read.etag,
    "test",
  );
  const subjectId = accepted.subjectId ?? "";
  const held = await casework.case("merton", PANEL, subjectId);
  assert.ok(held);
  const at = `${closedOn}T11:00:00.000Z`;
  const stamp = { by: priya.id, byName: priya.name, at };
  const actionId = randomUUID();
  const unit = casework.unit("merton", priya.id);
  unit.createDecision({
    areaId: "merton",
    panelId: PANEL,
    meetingId: closedOn,
    subjectId,
    reference: accepted.reference,
    kind: "remove",
    reviewDate: null,
    returnTo: null,
    rationale: `${name}'s family has moved on.`,
    riskLevel: "moderate",
    volt: { personsOfConcern: ["Dale Invented-Crook"], locations: [], groups: [], themes: [] },
    disruption: ["Child Abduction Warning Notice"],
    disruptionDetail: "",
    transferTo: null,
    recordedBy: priya.id,
    recordedByName: priya.name,
    at,
  });
  unit.createAction({
    id: actionId,
    reference: `MER-A-${closedOn.slice(0, 4)}-0901`,
    areaId: "merton",
    panelId: PANEL,
    meetingId: closedOn,
    subjectId,
    caseReference: accepted.reference,
    title: "Safety plan to school",
    text: `Share ${name}'s safety plan with the school.`,
    ownerId: PEOPLE.mertonNurse.id,
    ownerName: PEOPLE.mertonNurse.displayName,
    ownerAgencyId: "mer-health",
    dueDate: closedOn,
    status: "done",
    created: stamp,
    completed: { ...stamp, note: "Sent." },
    updates: [],
  });
  // The coordinator's note of the discussion, in the meeting's partition and under the subject.
  const note: ItemNote = {
    panelId: PANEL,
    meetingId: closedOn,
    itemKey: `case:${subjectId}`,
    reference: accepted.reference,
    text: `${name} was seen at the station with older boys.`,
    recordedById: priya.id,
    recordedByName: priya.name,
    at,
    takenAt: at,
    corrections: 0,
  };
  await minutesRecords(tables).saveNote(note, null, priya.id);
  unit.putCaseNote({ ...note, areaId: "merton", subjectId });
  const decided = { on: closedOn, kind: "remove" };
  unit.replaceCase(
    { ...held.value, status: "closed", closedAt: at, decidedOn: closedOn, lastDecision: decided },
    held,
  );
  await unit.commit();
  return { name, subjectId, reference: accepted.reference, referralId: sent.referral.id, actionId };
}

const withPolicy = (catalogue: Catalogue, retention: RetentionPolicy): Catalogue => ({
  ...catalogue,
  areas: catalogue.areas.map((a) => (a.id === "merton" ? { ...a, retention } : a)),
});

describe("Retention of Merton's records in table storage", () => {
  let service: TestService;
  let tables: ReturnType<typeof tableFactory>;
  let casework: Casework;
  let files: DocumentFiles;
  let container: ReturnType<typeof blobContainer>;
  const catalogue = loadCatalogue("bot/config/areas");
  const referralIds: string[] = [];
  const run = (policy: Catalogue = catalogue, on = RUN_ON) =>
    runRetention(
      { catalogue: policy, casework, documents: documentRecords(tables), files, now: () => new Date(on) },
      { areaId: "merton", dryRun: false, actorId: "retention", via: "test" },
    );
  /** Every row of Merton's partition, with its key. */
  const partition = async () => {
    const rows: { rowKey: string; text: string }[] = [];
    const filter = "PartitionKey eq 'merton'";
    for await (const e of tables(TABLES.areaRecords).listEntities({ queryOptions: { filter } }))
      rows.push({ rowKey: String(e.rowKey), text: JSON.stringify(e) });
    return rows;
  };
  /** Every row of a meeting's partition of the Agendas table. */
  const meetingRows = async (meetingId: string) => {
    const rows: { rowKey: string; text: string }[] = [];
    const filter = `PartitionKey eq '${keyOf(`${PANEL}|${meetingId}`)}'`;
    for await (const e of tables(TABLES.agendas).listEntities({ queryOptions: { filter } }))
      rows.push({ rowKey: String(e.rowKey), text: JSON.stringify(e) });
    return rows;
  };

  // The service's start seeds the demo people who refer and triage.
  before(async () => {
    service = await startTestService();
    const { connectionString } = await azurite();
    tables = tableFactory({ kind: "connection-string", connectionString });
    await ensureTables(tables);
    casework = caseworkTables(tables);
    container = blobContainer({
      storage: { kind: "connection-string", connectionString },
      documents: {
        container: "documents",
        blobUrl: undefined,
        scan: undefined,
        linkSeconds: 60,
        linkKey: undefined,
      },
    });
    files = blobDocuments(container, undefined);
  });
  after(async () => {
    // The child kept here goes with a later run; the anonymised referral is forgotten.
    await run(catalogue, "2027-06-01T09:00:00Z");
    await forgetMertonReferrals(referralIds);
    await service.close();
  });

  it("deletes every row of a record past its period, copies and both ends of its links included", async () => {
    const old = await closedCase(catalogue, casework, tables, "Robin Invented-Hale", "2019-01-10");
    const kept = await closedCase(catalogue, casework, tables, "Sky Invented-Marsh", "2021-01-14");
    referralIds.push(old.referralId, kept.referralId);
    const person = await personFromLink(casework, "Dale Invented-Crook", "MER-S-2019-0901", RUN_ON);
    const toPerson = await drawLink(casework, old.subjectId, person.id, "exploited-by", "2019-01-10");
    const toKept = await drawLink(casework, old.subjectId, kept.subjectId, "associates-with", "2019-01-10");
    const ids = [old.subjectId, old.referralId, old.actionId, person.id, toPerson.id, toKept.id];
    const mentions = async () =>
      (await partition()).filter((r) => ids.some((id) => r.rowKey.includes(id) || r.text.includes(id)));
    assert.ok((await mentions()).length > 15, "the record and its copies are stored");
    assert.equal((await casework.subjectNotes("merton", old.subjectId)).length, 1);
    assert.ok((await meetingRows("2019-01-10")).some((r) => r.text.includes(old.subjectId)));
    // Retention's list, a page at a time: the longest closed first.
    const [first] = await casework.closedBy("merton", "2021-12-31", 1);
    const [second] = await casework.closedBy("merton", "2021-12-31", 1, first);
    assert.deepEqual([first?.subjectId, second?.subjectId], [old.subjectId, kept.subjectId]);

    const report = await run();
    assert.deepEqual(report.areas[0]?.done, [old.reference]);

    // Only the audit trail of changes names its ids, as references, and never its name.
    const left = await mentions();
    assert.ok(left.length > 0);
    for (const row of left) {
      assert.match(row.rowKey, /^audit\|/, row.rowKey);
      for (const name of ["Robin", "Invented-Hale", "Dale"]) assert.ok(!row.text.includes(name), row.rowKey);
    }
    // Nor does any row of its notes stay, under the subject or in the meeting's partition.
    assert.deepEqual(await casework.subjectNotes("merton", old.subjectId), []);
    assert.deepEqual(
      (await meetingRows("2019-01-10")).filter(
        (r) => r.text.includes(old.subjectId) || r.text.includes("Robin"),
      ),
      [],
    );
    const removed = left.filter((r) => r.text.includes('"record.removed"'));
    assert.equal(removed.length, 1);
    // The child kept has its record, without the link from the removed child at its end.
    assert.equal((await casework.subject("merton", kept.subjectId))?.value.label, "Sky Invented-Marsh");
    assert.deepEqual(await casework.subjectLinks("merton", kept.subjectId), []);
    assert.equal((await casework.subjectActions("merton", kept.subjectId)).length, 1);

    const again = await run();
    assert.deepEqual(again.areas[0]?.due, []);
  });

  it("deletes the documents of a record it removes: the files in blob storage and their records", async () => {
    const child = await closedCase(catalogue, casework, tables, "Rowan Invented-Vale", "2019-03-07");
    referralIds.push(child.referralId);
    const desk = documentsDesk({
      catalogue,
      casework,
      directory: directoryTables(tables),
      documents: documentRecords(tables),
      files,
      now: () => new Date("2019-03-01T10:00:00Z"),
    });
    const pdf = Buffer.from("%PDF-1.7\n%%EOF\n");
    const onCase = await desk.attachToCase(
      priya,
      "merton",
      child.subjectId,
      { panelId: PANEL, kind: "risk-assessment", name: "Risk assessment.pdf" },
      pdf,
      "test",
    );
    const onReferral = await desk.attachToReferral(
      grace,
      PANEL,
      child.referralId,
      { kind: "safety-plan", name: "Safety plan.pdf" },
      pdf,
      "test",
    );
    const names = [onCase.id, onReferral.id].map((id) => `merton/${id}`);
    for (const name of names) assert.ok(await container.getBlobClient(name).exists(), name);

    const report = await run();
    assert.ok(report.areas[0]?.done.includes(child.reference));
    for (const name of names) assert.equal(await container.getBlobClient(name).exists(), false, name);
    const records = documentRecords(tables);
    assert.deepEqual(await records.ofSubject("merton", child.subjectId), []);
    assert.deepEqual(await records.ofReferral("merton", child.referralId), []);
  });

  it("anonymising keeps the references and replaces the names, in the records and the keys they are found by", async () => {
    const child = await closedCase(catalogue, casework, tables, "Wren Invented-Ashby", "2019-02-07");
    referralIds.push(child.referralId);
    const anonymise = withPolicy(catalogue, { closedCasesKeptFor: { years: 6 }, then: "anonymise" });
    const report = await run(anonymise);
    assert.deepEqual(report.areas[0]?.done, [child.reference]);

    const ours = (await partition()).filter(
      (r) =>
        !r.rowKey.startsWith("audit|") &&
        (r.rowKey.includes(child.subjectId) || r.text.includes(child.subjectId)),
    );
    for (const row of ours)
      for (const name of ["Wren", "Invented-Ashby", "SM4 5ZZ"])
        assert.ok(!row.text.includes(name), row.rowKey);
    const keys = ours.map((r) =>
      r.rowKey.replace(child.subjectId, "<subject>").replace(/\|[0-9a-f]{32}\|/, "|<digest>|"),
    );
    for (const kept of ["subject|<subject>", `case|${PANEL}|<subject>`, `subject-case|<subject>|${PANEL}`])
      assert.ok(keys.includes(kept), kept);
    assert.ok(!keys.some((k) => k.startsWith("case-closed-on|") || k.startsWith("match|")), keys.join("\n"));

    const subject = await casework.subject("merton", child.subjectId);
    const referral = await casework.referralById("merton", child.referralId);
    const [decision] = await casework.subjectDecisions("merton", child.subjectId);
    assert.deepEqual(
      [subject?.value.reference, subject?.value.label, referral?.reference, referral?.values["subjectName"]],
      [child.reference, "Anonymised", child.reference, "Anonymised"],
    );
    assert.deepEqual(
      [decision?.kind, decision?.riskLevel, decision?.disruption, decision?.rationale],
      ["remove", "moderate", ["Child Abduction Warning Notice"], "Anonymised"],
    );
    assert.deepEqual(await casework.findSubjects("merton", { by: "word", word: "wren" }, 5), []);
    const found = await casework.findSubjects("merton", { by: "reference", reference: child.reference }, 5);
    assert.deepEqual(
      found.map((s) => s.label),
      ["Anonymised"],
    );

    // The note keeps its meeting, case and who took it; its words are replaced, in both places.
    const [note] = await casework.subjectNotes("merton", child.subjectId);
    assert.deepEqual([note?.text, note?.reference], ["Anonymised", child.reference]);
    const inMeeting = (await meetingRows("2019-02-07")).filter((r) => r.text.includes(child.subjectId));
    assert.equal(inMeeting.length, 1);
    assert.ok(!inMeeting[0]?.text.includes("Wren") && inMeeting[0]?.text.includes("Anonymised"));

    const again = await run(anonymise);
    assert.deepEqual([again.areas[0]?.due, again.areas[0]?.done], [[], []]);
  });
});
