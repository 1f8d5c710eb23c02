import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { directoryTables } from "../../bot/src/adapters/tables/directory-tables.js";
import { tableFactory, type TableFactory } from "../../bot/src/adapters/tables/storage.js";
import { auditOfArea } from "../support/audit.js";
import { azurite } from "../support/azurite.js";
import { call, type Request } from "../support/http.js";
import { PEOPLE } from "../support/people.js";
import { acceptedMertonReferral } from "../support/referrals.js";
import { fileInZip } from "../support/zip.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";

// The meeting's record through the tab's API, stored in Azurite: at October's Merton pre-MACE the
// signed-in coordinator notes a case's discussion and the multi-agency discussion, one edit on an
// old version is refused, members see the notes only once signed in; at November's meeting
// October's minutes are agreed with a correction, after which the notes are closed and the
// members export the minutes, notes and all, for the agencies. Lambeth MAVE's agreed minutes wait
// for a chair's agreement before they are exported.

const PANEL = "merton-pre-mace";
const OCTOBER = "2029-10-04";
const NOVEMBER = "2029-11-01";
type Answer = Record<string, unknown>;
interface Notes {
  notes: { itemKey: string; text: string; version: string; corrections: number }[];
  window: { open: string; why: string | null };
  canWrite: boolean;
}

describe("Notes of the discussion and agreed minutes, through the tab's API", function () {
  this.timeout(60_000);
  let service: TestService;
  let tables: TableFactory;
  let now = new Date("2029-09-10T12:00:00Z");
  let child: { subjectId: string; reference: string };
  const priya = PEOPLE.mertonCoordinator.id;
  const hannah = PEOPLE.mertonNurse.id;

  const api = async (personId: string, path: string, request: Request = {}, panelId = PANEL) =>
    call<Answer>(service, `/api/panels/${panelId}/meetings/${path}`, {
      ...request,
      token: await signInAs(service, personId),
    });
  const errorOf = (r: { body: Answer }) => r.body["error"] as { code: string; message: string };
  const signIn = (personId: string, agencyId: string, meetingId: string) =>
    api(personId, `${meetingId}/room/sign-in`, { body: { agencyId, capacity: "member", agreed: true } });
  const notes = async (personId: string, meetingId = OCTOBER) =>
    (await api(personId, `${meetingId}/notes`)).body as unknown as Notes;

  before(async () => {
    service = await startTestService({}, { now: () => now });
    tables = tableFactory({
      kind: "connection-string",
      connectionString: (await azurite()).connectionString,
    });
    child = await acceptedMertonReferral(service, "Rowan Invented-Vale", "3 Imaginary Mews", OCTOBER);
    now = new Date(`${OCTOBER}T10:00:00Z`);
  });
  after(async () => {
    await service.close();
  });

  it("at the meeting the signed-in coordinator notes items on their versions; members read them once signed in, audited", async () => {
    const onCase = `${OCTOBER}/notes/case:${child.subjectId}`;
    const body = { text: "School reports better attendance; the new friendship group worries the police." };
    const unsigned = await api(priya, onCase, { method: "PUT", ifMatch: "none", body });
    assert.deepEqual([unsigned.status, errorOf(unsigned).code], [409, "not-signed-in"]);
    assert.equal((await signIn(priya, "mer-csc", OCTOBER)).status, 201);

    const noVersion = await api(priya, onCase, { method: "PUT", body });
    assert.equal(noVersion.status, 428);
    const first = await api(priya, onCase, { method: "PUT", ifMatch: "none", body });
    assert.equal(first.status, 200, first.text);
    const firstVersion = first.headers.get("etag") ?? "";
    const second = await api(priya, onCase, {
      method: "PUT",
      ifMatch: firstVersion,
      body: { text: "School reports better attendance; the police worry about the new friendship group." },
    });
    assert.equal(second.status, 200, second.text);
    const stale = await api(priya, onCase, { method: "PUT", ifMatch: firstVersion, body });
    assert.deepEqual(
      [stale.status, errorOf(stale).code, errorOf(stale).message],
      [
        409,
        "changed-by-someone-else",
        "This note was changed by Priya Okafor at 11:00. Reload to see it before saving.",
      ],
    );
    const discussion = await api(priya, `${OCTOBER}/notes/item:multi-agency-discussion`, {
      method: "PUT",
      ifMatch: "none",
      body: { text: "Police and Youth Justice report more activity around the bus station." },
    });
    assert.equal(discussion.status, 200, discussion.text);
    const tooLong = await api(priya, `${OCTOBER}/notes/item:any-other-business`, {
      method: "PUT",
      ifMatch: "none",
      body: { text: "x".repeat(2001) },
    });
    assert.equal(tooLong.status, 400);
    const byMember = await api(hannah, `${OCTOBER}/notes/item:any-other-business`, {
      method: "PUT",
      ifMatch: "none",
      body: { text: "Not hers to write." },
    });
    assert.deepEqual([byMember.status, errorOf(byMember).code], [403, "not-coordinator"]);

    // Hannah sees no note until she has signed in; then both, and her read is audited.
    assert.deepEqual((await notes(hannah)).notes, []);
    assert.equal((await signIn(hannah, "mer-health", OCTOBER)).status, 201);
    const read = await notes(hannah);
    assert.deepEqual(read.notes.map((n) => [n.itemKey, n.text]).sort(), [
      [
        `case:${child.subjectId}`,
        "School reports better attendance; the police worry about the new friendship group.",
      ],
      [
        "item:multi-agency-discussion",
        "Police and Youth Justice report more activity around the bus station.",
      ],
    ]);
    assert.deepEqual([read.window.open, read.canWrite], ["record", false]);
    const audited = (await auditOfArea(tables, "merton")).map((e) => e.value);
    assert.ok(
      audited.some(
        (e) => e.action === "notes.viewed" && e.actorId === hannah && e.shown?.includes(child.reference),
      ),
    );
    assert.deepEqual(
      audited
        .filter((e) => e.action.startsWith("note.") && e.subjectId === child.subjectId)
        .map((e) => e.action)
        // Written at the same instant of the test's clock: in any order.
        .sort(),
      ["note.corrected", "note.recorded"],
    );
  });

  it("November's meeting agrees October's minutes with a correction; the notes close and members export them", async () => {
    const before = await api(hannah, `${OCTOBER}/minutes`);
    assert.deepEqual([before.status, errorOf(before).code], [409, "minutes-awaiting-agreement"]);
    const notYet = (await api(priya, `${NOVEMBER}/previous-minutes`)).body;
    assert.deepEqual(
      [notYet["meetingId"], notYet["canAgree"], notYet["why"]],
      [
        OCTOBER,
        false,
        "The minutes of 4 October 2029 are agreed at this meeting, on its day (1 November 2029).",
      ],
    );

    now = new Date(`${NOVEMBER}T10:00:00Z`);
    assert.equal((await signIn(priya, "mer-csc", NOVEMBER)).status, 201);
    const byMember = await api(hannah, `${NOVEMBER}/previous-minutes/agreement`, { body: {} });
    assert.deepEqual([byMember.status, errorOf(byMember).code], [403, "not-coordinator"]);
    const agreed = await api(priya, `${NOVEMBER}/previous-minutes/agreement`, {
      body: { correction: "The bus station is the one on Invented Street." },
    });
    assert.equal(agreed.status, 201, agreed.text);
    const twice = await api(priya, `${NOVEMBER}/previous-minutes/agreement`, { body: {} });
    assert.deepEqual([twice.status, errorOf(twice).code], [409, "already-agreed"]);
    // The correction can name people: Hannah reads it once signed in to November's meeting.
    const unsigned = (await api(hannah, `${NOVEMBER}/previous-minutes`)).body;
    assert.equal(
      (unsigned["status"] as { words: string }).words,
      "Agreed at the meeting on 1 November 2029, recorded by Priya Okafor.",
    );
    assert.equal((await signIn(hannah, "mer-health", NOVEMBER)).status, 201);
    const shown = (await api(hannah, `${NOVEMBER}/previous-minutes`)).body;
    assert.equal(
      (shown["status"] as { words: string }).words,
      "Agreed at the meeting on 1 November 2029, recorded by Priya Okafor. Correction noted: The bus station is the one on Invented Street.",
    );

    const current = (await notes(priya)).notes.find((n) => n.itemKey === "item:multi-agency-discussion");
    const closed = await api(priya, `${OCTOBER}/notes/item:multi-agency-discussion`, {
      method: "PUT",
      ifMatch: current?.version ?? "",
      body: { text: "Too late." },
    });
    assert.deepEqual([closed.status, errorOf(closed).code], [409, "notes-closed"]);

    const word = await api(hannah, `${OCTOBER}/minutes.docx`);
    assert.equal(word.status, 200);
    const document = fileInZip(word.bytes, "word/document.xml") ?? "";
    for (const text of [
      "Correction noted: The bus station is the one on Invented Street.",
      "Police and Youth Justice report more activity around the bus station.",
      "Discussion: School reports better attendance; the police worry about the new friendship group.",
      "Rowan Invented-Vale",
    ])
      assert.ok(document.includes(text), text);
    // The multi-agency discussion comes before the cases, as on the agenda.
    assert.ok(document.indexOf("bus station") < document.indexOf("Rowan Invented-Vale"));
  });

  it("Lambeth MAVE's agreed minutes go to the agencies once a chair agrees, on the version read, once", async () => {
    const lambeth = "lambeth-mave";
    const leila = PEOPLE.lambethCoordinator.id;
    const chair = randomUUID();
    const directory = directoryTables(tables);
    await directory.savePerson(
      {
        id: chair,
        displayName: "Nia Invented-Chair",
        email: "nia.chair@lambeth.example",
        jobTitle: "Head of Service",
        agencyId: "lam-csc",
      },
      "lambeth",
      "test",
    );
    await directory.setRole({ personId: chair, panelId: lambeth, role: "chair", deputyFor: null }, "test");
    const onLambeth = (personId: string, path: string, request: Request = {}) =>
      api(personId, path, request, lambeth);

    // The October 9 meeting was held: Leila signed in to it.
    now = new Date("2029-10-09T09:00:00Z");
    const held = await onLambeth(leila, "2029-10-09/room/sign-in", {
      body: { agencyId: "lam-csc", capacity: "member", agreed: true },
    });
    assert.equal(held.status, 201, held.text);
    now = new Date("2029-10-23T09:00:00Z");
    assert.equal(
      (
        await onLambeth(leila, "2029-10-23/room/sign-in", {
          body: { agencyId: "lam-csc", capacity: "member", agreed: true },
        })
      ).status,
      201,
    );
    const agreed = await onLambeth(leila, "2029-10-23/previous-minutes/agreement", { body: {} });
    assert.equal(agreed.status, 201, agreed.text);
    assert.equal((agreed.body["status"] as { state: string }).state, "awaiting-chair");
    const early = await onLambeth(leila, "2029-10-09/minutes.docx");
    assert.deepEqual([early.status, errorOf(early).code], [409, "minutes-not-agreed"]);

    now = new Date("2029-10-25T14:00:00Z");
    const read = (await onLambeth(chair, "2029-10-09/minutes")).body;
    const version = String(read["agreementVersion"]);
    const byCoordinator = await onLambeth(leila, "2029-10-09/minutes/circulation", {
      body: {},
      ifMatch: version,
    });
    assert.deepEqual([byCoordinator.status, errorOf(byCoordinator).code], [403, "not-chair"]);
    const stale = await onLambeth(chair, "2029-10-09/minutes/circulation", {
      body: {},
      ifMatch: `W/"stale"`,
    });
    assert.deepEqual([stale.status, errorOf(stale).code], [409, "changed-by-someone-else"]);
    const circulated = await onLambeth(chair, "2029-10-09/minutes/circulation", {
      body: {},
      ifMatch: version,
    });
    assert.equal(circulated.status, 201, circulated.text);
    assert.equal(
      (circulated.body["status"] as { words: string }).words,
      "Agreed at the meeting on 23 October 2029, recorded by Leila Haddad. Circulation agreed by Nia Invented-Chair (chair) on 25 October 2029.",
    );
    const again = await onLambeth(chair, "2029-10-09/minutes/circulation", { body: {}, ifMatch: version });
    assert.deepEqual([again.status, errorOf(again).code], [409, "already-agreed"]);
    const word = await onLambeth(leila, "2029-10-09/minutes.docx");
    assert.equal(word.status, 200);
    assert.ok(
      (fileInZip(word.bytes, "word/document.xml") ?? "").includes("Circulation agreed by Nia Invented-Chair"),
    );
  });
});
