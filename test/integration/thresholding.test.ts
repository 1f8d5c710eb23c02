import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { caseworkTables } from "../../bot/src/adapters/tables/casework-tables.js";
import { directoryTables } from "../../bot/src/adapters/tables/directory-tables.js";
import { tableFactory } from "../../bot/src/adapters/tables/storage.js";
import type { ThresholdingResponse } from "../../bot/src/adapters/http/contract/index.js";
import type { Person } from "../../bot/src/domain/people/membership.js";
import { azurite } from "../support/azurite.js";
import { call, type Request } from "../support/http.js";
import { demoActor } from "../support/people.js";
import { staffordshireChild } from "../support/referral-forms.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";

// Staffordshire's thresholding meeting through the tab's API and Azurite (003): a week before
// Tamworth's September 2028 panel, Marcus, signed in, places a school's referral in category 2
// (the question goes to the referrer with the outcome), then in category 1, and the district
// agenda follows. Havering's MACE refuses an individual child's referral, sending it to HARM (002).

const TAMWORTH = "staffordshire-tamworth";
const THRESHOLDING = "staffordshire-pre-mace-thresholding";
// Meetings no other suite uses.
const PANEL_DAY = "2028-09-07";
const THRESHOLDING_DAY = "2028-08-31";
const marcus = demoActor("Marcus Thorne");
const imogen = demoActor("Imogen Sallis");
const callum = demoActor("Callum Brightwell");

type Answer = Record<string, unknown>;

describe("The thresholding meeting's outcome, through the tab's API", function () {
  this.timeout(60_000);
  let service: TestService;
  let now = new Date("2028-08-01T10:00:00Z");
  let child: { subjectId: string; reference: string; referralId: string };

  const api = async <T = Answer>(personId: string, path: string, request: Request = {}) =>
    call<T>(service, path, { ...request, token: await signInAs(service, personId) });
  const thresholding = `/api/panels/${THRESHOLDING}/meetings/${THRESHOLDING_DAY}/thresholding`;
  const listOf = async (personId = marcus.id) =>
    (await api<ThresholdingResponse>(personId, thresholding)).body;
  const errorOf = (r: { body: Answer }) => r.body["error"] as { code: string; message: string };
  const casework = async () =>
    caseworkTables(
      tableFactory({ kind: "connection-string", connectionString: (await azurite()).connectionString }),
    );

  before(async () => {
    service = await startTestService({}, { now: () => now });
    const sent = await service.desk.submit(
      callum,
      TAMWORTH,
      "individual",
      randomUUID(),
      staffordshireChild("Jude Invented-Brook"),
    );
    assert.ok(sent.ok, JSON.stringify(sent));
    assert.equal(sent.referral.meetingDate, PANEL_DAY);
    const read = await service.desk.view(marcus, TAMWORTH, sent.referral.id, "test");
    const accepted = await service.desk.triage(
      marcus,
      TAMWORTH,
      sent.referral.id,
      { decision: "accept", note: "", linkToSubjectId: null },
      read.etag,
      "test",
    );
    child = {
      subjectId: accepted.subjectId ?? "",
      reference: accepted.reference,
      referralId: sent.referral.id,
    };
  });
  after(() => service.close());

  it("category 2 stores the outcome and the referrer's question together; category 1 then places the child for discussion", async () => {
    now = new Date(`${THRESHOLDING_DAY}T09:30:00Z`);
    const before = await listOf();
    const tamworth = before.districts.find((d) => d.panelId === TAMWORTH);
    assert.equal(tamworth?.meetingId, PANEL_DAY);
    // The meeting is under way and Marcus has not signed in: references only.
    assert.equal(before.namesHidden, true);
    const listed = tamworth?.cases.find((c) => c.subjectId === child.subjectId);
    assert.deepEqual(
      [listed?.reference, listed?.label, listed?.stage, listed?.outcome],
      [child.reference, null, "new", null],
    );

    const put = (personId: string, body: object, ifMatch: string) =>
      api(personId, `${thresholding}/cases/${child.subjectId}`, { method: "PUT", ifMatch, body });
    const question = "Please send the reviewed Risk Factor Matrix and the Harm Reduction Hub's checks.";
    const body = { districtPanelId: TAMWORTH, category: 2, rationale: question };

    const unsigned = await put(marcus.id, body, listed?.version ?? "");
    assert.deepEqual([unsigned.status, errorOf(unsigned).code], [409, "not-signed-in"]);
    for (const person of [marcus, imogen]) {
      const signed = await api(
        person.id,
        `/api/panels/${THRESHOLDING}/meetings/${THRESHOLDING_DAY}/room/sign-in`,
        {
          body: {
            agencyId: person === marcus ? "sta-csc" : "sta-police",
            capacity: "member",
            agreed: true,
          },
        },
      );
      assert.equal(signed.status, 201, signed.text);
    }
    const member = await put(imogen.id, body, listed?.version ?? "");
    assert.deepEqual([member.status, errorOf(member).code], [403, "not-coordinator"]);
    const noVersion = await api(marcus.id, `${thresholding}/cases/${child.subjectId}`, {
      method: "PUT",
      body,
    });
    assert.equal(noVersion.status, 428);

    const asked = await put(marcus.id, body, listed?.version ?? "");
    assert.equal(asked.status, 200, asked.text);
    const shown = (asked.body as unknown as ThresholdingResponse).districts
      .flatMap((d) => d.cases)
      .find((c) => c.subjectId === child.subjectId);
    assert.deepEqual(
      [shown?.label, shown?.outcome?.category, shown?.outcome?.rationale, shown?.question],
      ["Jude Invented-Brook", 2, question, { text: question, answer: null }],
    );
    const store = await casework();
    const referral = await store.referral("staffordshire", TAMWORTH, child.referralId);
    assert.deepEqual(
      [referral?.value.status, referral?.value.questions.map((q) => q.question)],
      ["accepted", [question]],
    );
    const held = await store.case("staffordshire", TAMWORTH, child.subjectId);
    assert.deepEqual(
      [
        held?.value.thresholding?.category,
        held?.value.thresholding?.forMeeting,
        held?.value.thresholding?.quorate,
      ],
      [2, PANEL_DAY, true],
    );
    // The same outcome is in the child's file, stored with the case.
    const filed = await store.subjectThresholdings("staffordshire", child.subjectId);
    assert.deepEqual(
      filed.map((t) => [t.districtPanelId, t.forMeeting, t.category, t.rationale, t.reference]),
      [[TAMWORTH, PANEL_DAY, 2, question, child.reference]],
    );

    const agendaPath = `/api/panels/${TAMWORTH}/meetings/${PANEL_DAY}/agenda`;
    const sectionOf = (agenda: Answer) =>
      (
        agenda["entries"] as {
          id: string;
          slots: { subjects: { subjectId: string; thresholded: unknown }[] }[];
        }[]
      )
        .map((e) => ({
          id: e.id,
          subject: e.slots.flatMap((s) => s.subjects).find((s) => s.subjectId === child.subjectId),
        }))
        .find((e) => e.subject);
    let placed = sectionOf((await api(marcus.id, agendaPath)).body);
    assert.deepEqual(
      [placed?.id, placed?.subject?.thresholded],
      [
        "insufficient-information",
        { category: 2, label: "2. Insufficient information shared", rationale: question },
      ],
    );

    // A save on the version read before the question went is refused, saying who changed it.
    const stale = await put(marcus.id, { ...body, category: 1, rationale: "" }, listed?.version ?? "");
    assert.equal(stale.status, 409);
    assert.match(errorOf(stale).message, /^This case was changed by Marcus Thorne at \d\d:\d\d\. Reload/);

    const discussed = await put(marcus.id, { ...body, category: 1, rationale: "" }, shown?.version ?? "");
    assert.equal(discussed.status, 200, discussed.text);
    placed = sectionOf((await api(marcus.id, agendaPath)).body);
    assert.deepEqual(
      [placed?.id, placed?.subject?.thresholded],
      ["discussed", { category: 1, label: "1. Discussed at MACE", rationale: null }],
    );
    const audited = (
      await store.auditAbout(
        "staffordshire",
        { subjectId: child.subjectId, referralIds: [child.referralId], references: [child.reference] },
        "2028-08-01T00:00:00.000Z",
        "2028-09-01T00:00:00.000Z",
      )
    ).filter((a) => a.action === "case.thresholded");
    assert.deepEqual(
      audited.map((a) => [a.actorId, a.panelId]),
      [
        [marcus.id, TAMWORTH],
        [marcus.id, TAMWORTH],
      ],
    );
  });
});

describe("Havering's MACE and individual children, through the tab's API", function () {
  this.timeout(60_000);
  let service: TestService;
  let worker: Person;

  before(async () => {
    service = await startTestService();
    const directory = directoryTables(
      tableFactory({ kind: "connection-string", connectionString: (await azurite()).connectionString }),
    );
    worker = {
      id: randomUUID(),
      displayName: "Odile Fenwick-Test",
      email: `odile.${randomUUID().slice(0, 6)}@havering.example`,
      jobTitle: "Social worker",
      agencyId: "hav-csc",
    };
    await directory.savePerson(worker, "havering", "test");
  });
  after(() => service.close());

  it("an individual child's referral to MACE is refused with the words sending it to HARM, and nothing is stored", async () => {
    const token = await signInAs(service, worker.id);
    const sent = await call<Answer>(service, "/api/panels/havering-mace/referrals", {
      token,
      body: { kind: "individual", formId: randomUUID(), values: { subjectName: "Sasha Invented-Grove" } },
    });
    assert.equal(sent.status, 400);
    assert.equal(
      (sent.body["error"] as { message: string }).message,
      "Havering's MACE is not a case management process and does not hold individual children's cases (002). Refer the child to the HARM operational panel: HARM brings a child's case to MACE when MACE is needed.",
    );
    const mine = await call<{ referrals: unknown[] }>(service, "/api/referrals/mine", { token });
    assert.deepEqual(mine.body.referrals, []);
  });
});
