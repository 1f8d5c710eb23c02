import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { caseworkTables } from "../../bot/src/adapters/tables/casework-tables.js";
import { tableFactory } from "../../bot/src/adapters/tables/storage.js";
import type { StoredDecision } from "../../bot/src/application/ports/casework.js";
import { azurite } from "../support/azurite.js";
import { fileInZip } from "../support/zip.js";
import { call, type Request } from "../support/http.js";
import { PEOPLE } from "../support/people.js";
import { acceptedMertonReferral } from "../support/referrals.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";

// Decisions belong to a held meeting, through the tab's API and Azurite: between Merton's May and
// June 2028 pre-MACEs a decision is refused for June and later, except the chairs' decision Tom
// agrees, which the June agenda, the child's history and June's minutes report as one. A decision
// stored before the way it was taken was kept still reads back.

const PANEL = "merton-pre-mace";
// Meetings no other suite uses.
const MAY = "2028-05-04";
const JUNE = "2028-06-01";
const JULY = "2028-07-06";
const removal = {
  kind: "remove",
  rationale: "The family moved to Leeds; the host area's services have her.",
};
const reason = "She moved before the meeting and her school place here has ended.";

type Answer = Record<string, unknown>;

describe("Chairs' decisions between meetings, through the tab's API", function () {
  this.timeout(60_000);
  let service: TestService;
  let now = new Date("2028-05-10T12:00:00Z");
  let child: { subjectId: string; reference: string };

  const api = async (personId: string, path: string, request: Request = {}) =>
    call<Answer>(service, path, { ...request, token: await signInAs(service, personId) });
  const meeting = (id: string) => `/api/panels/${PANEL}/meetings/${id}`;
  const errorOf = (r: { body: Answer }) => r.body["error"] as { code: string; message: string };

  before(async () => {
    service = await startTestService({}, { now: () => now });
    child = await acceptedMertonReferral(service, "Ines Invented-Moor", "4 Imaginary Close", JUNE);
    now = new Date("2028-05-20T11:00:00Z");
  });
  after(() => service.close());

  it("refuses a decision between meetings unless the chairs took it, and records theirs against the next meeting", async () => {
    const priya = PEOPLE.mertonCoordinator.id;
    const put = (personId: string, meetingId: string, body: object) =>
      api(personId, `${meeting(meetingId)}/decisions/${child.subjectId}`, {
        method: "PUT",
        ifMatch: "none",
        body,
      });

    const early = await put(priya, JUNE, removal);
    assert.deepEqual(
      [early.status, errorOf(early).code, errorOf(early).message],
      [
        409,
        "not-meeting-day",
        "Decisions are recorded at the meeting, on its day: this meeting is on 1 June 2028. If the chairs have agreed this between meetings, record it as a chairs' decision outside the meeting.",
      ],
    );
    const later = await put(priya, JULY, {
      ...removal,
      chairsDecision: { chairId: PEOPLE.mertonChair.id, reason },
    });
    assert.deepEqual([later.status, errorOf(later).code], [409, "not-next-meeting"]);
    const member = await put(PEOPLE.mertonNurse.id, JUNE, {
      ...removal,
      chairsDecision: { chairId: PEOPLE.mertonChair.id, reason },
    });
    assert.equal(member.status, 403);
    for (const id of [JUNE, JULY])
      assert.deepEqual((await api(priya, `${meeting(id)}/decisions`)).body["decisions"], []);

    const room = (await api(PEOPLE.mertonChair.id, `${meeting(JUNE)}/room`)).body;
    assert.deepEqual(
      [(room["deciding"] as { how: string }).how, room["chairs"]],
      ["chairs-decision", [{ id: PEOPLE.mertonChair.id, name: "Tom Ashworth" }]],
    );
    assert.equal(
      ((await api(priya, `${meeting(JULY)}/room`)).body["deciding"] as { how: string }).how,
      "closed",
    );

    // Tom, the chair, records it himself.
    const taken = await put(PEOPLE.mertonChair.id, JUNE, {
      ...removal,
      chairsDecision: { chairId: PEOPLE.mertonChair.id, reason },
    });
    assert.equal(taken.status, 200, taken.text);
    assert.deepEqual((taken.body["decision"] as { taken: unknown }).taken, {
      how: "chairs-decision",
      chairId: PEOPLE.mertonChair.id,
      chairName: "Tom Ashworth",
      reason,
      on: "2028-05-20",
    });

    const agenda = (await api(priya, `${meeting(JUNE)}/agenda`)).body;
    assert.deepEqual(agenda["outsideDecisions"], [
      {
        subjectId: child.subjectId,
        reference: child.reference,
        decision: "Remove from the cohort",
        agreed: "Agreed by Tom Ashworth (chair) on 20 May 2028; recorded by Tom Ashworth.",
        reason,
      },
    ]);
    const history = (await api(priya, `/api/areas/merton/subjects/${child.subjectId}/history`)).body;
    const titles = (history["entries"] as { title: string }[]).map((e) => e.title);
    assert.ok(
      titles.includes("Chairs' decision outside the meeting, on 20 May 2028: Remove from the cohort"),
      titles.join("\n"),
    );
  });

  it("June's minutes report the chairs' decision apart; on the day a decision waits for the coordinator's sign-in", async () => {
    now = new Date(`${JUNE}T09:45:00Z`);
    const priya = PEOPLE.mertonCoordinator.id;
    const unsigned = await api(priya, `${meeting(JUNE)}/decisions/${child.subjectId}`, {
      method: "PUT",
      ifMatch: "none",
      body: removal,
    });
    assert.deepEqual([unsigned.status, errorOf(unsigned).code], [409, "not-signed-in"]);

    const signIn = await api(priya, `${meeting(JUNE)}/room/sign-in`, {
      body: { agencyId: "mer-csc", capacity: "member", agreed: true },
    });
    assert.equal(signIn.status, 201, signIn.text);
    const minutes = (await api(priya, `${meeting(JUNE)}/minutes`)).body;
    assert.deepEqual(
      (minutes["chairsDecisions"] as { reference: string; agreed: string; reason: string }[]).map((d) => [
        d.reference,
        d.agreed,
        d.reason,
      ]),
      [[child.reference, "Agreed by Tom Ashworth (chair) on 20 May 2028.", reason]],
    );
    assert.ok(!(minutes["items"] as { reference: string }[]).some((i) => i.reference === child.reference));
    // Exported for the agencies once July's meeting has agreed them.
    const onTheDay = now;
    now = new Date(`${JULY}T10:00:00Z`);
    const word = await (async () => {
      try {
        await api(priya, `${meeting(JULY)}/room/sign-in`, {
          body: { agencyId: "mer-csc", capacity: "member", agreed: true },
        });
        const agreed = await api(priya, `${meeting(JULY)}/previous-minutes/agreement`, { body: {} });
        assert.equal(agreed.status, 201, agreed.text);
        return await api(priya, `${meeting(JUNE)}/minutes.docx`);
      } finally {
        now = onTheDay;
      }
    })();
    const document = fileInZip(word.bytes, "word/document.xml") ?? "";
    assert.ok(document.includes("Decisions taken outside the meeting"));
    assert.ok(document.includes(reason));
  });

  it("a decision stored before the way it was taken was kept reads back, as one taken at the meeting", async () => {
    const casework = caseworkTables(
      tableFactory({ kind: "connection-string", connectionString: (await azurite()).connectionString }),
    );
    const subjectId = randomUUID();
    const old: StoredDecision = {
      areaId: "merton",
      panelId: PANEL,
      meetingId: MAY,
      subjectId,
      reference: "MER-2028-9999",
      kind: "continue",
      reviewDate: "2028-05-25",
      returnTo: null,
      rationale: "",
      riskLevel: null,
      volt: { personsOfConcern: [], locations: [], groups: [], themes: [] },
      disruption: [],
      disruptionDetail: "",
      transferTo: null,
      recordedBy: PEOPLE.mertonCoordinator.id,
      recordedByName: "Priya Okafor",
      at: `${MAY}T10:00:00.000Z`,
    };
    const unit = casework.unit("merton", "test");
    unit.createDecision(old);
    await unit.commit();
    const [read] = await casework.decisionsAt("merton", PANEL, MAY);
    assert.deepEqual(read?.value, old);
    assert.deepEqual(await casework.decision("merton", PANEL, MAY, subjectId), read);
    assert.deepEqual(
      (await casework.subjectDecisions("merton", subjectId)).map((d) => d.kind),
      ["continue"],
    );
    const minutes = (await api(PEOPLE.mertonCoordinator.id, `${meeting(MAY)}/minutes`)).body;
    const item = (minutes["items"] as { reference: string; quorum: string | null }[]).find(
      (i) => i.reference === old.reference,
    );
    assert.deepEqual([item?.reference, item?.quorum], [old.reference, null]);
  });
});
