import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { TableClient } from "@azure/data-tables";
import type { AgendaResponse, ProblemResponse } from "../../bot/src/adapters/http/contract/index.js";
import type {
  MeetingPlanResponse,
  RegisterItemResponse,
  RegisterResponse,
} from "../../bot/src/adapters/http/contract/register.js";
import { keyOf, rangeFilter } from "../../bot/src/adapters/tables/entity-store.js";
import { tableFactory } from "../../bot/src/adapters/tables/storage.js";
import { auditOfArea } from "../support/audit.js";
import { azurite } from "../support/azurite.js";
import { call, type Request } from "../support/http.js";
import { demoActor, PEOPLE } from "../support/people.js";
import { referredAndAccepted } from "../support/referrals.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";

// Through the tab's API, against Azurite: at December's Merton pre-MACE, Priya escalates a child's
// case and raises the blockage behind it on the strategic MACE's register; the strategic panel's
// members raise, review, plan and close at January's meeting, whose agenda shows what is open and planned.

const PRE_MACE = "merton-pre-mace";
const STRATEGIC = "merton-strategic-mace";
const MEETING = "2026-12-03";
const tom = demoActor("Tom Ashworth");
const hannah = demoActor("Hannah Reyes");
const daniel = demoActor("Daniel Kowalski");

describe("The strategic register and forward plan, through the API", function () {
  this.timeout(60_000);
  let service: TestService;
  // Started on the day the other suites start, so the demo data seeded first is the same whichever runs first.
  let now = new Date("2026-11-24T12:00:00Z");
  let robin: { reference: string; subjectId: string; name: string };
  let escalatedId = "";
  const as = async (personId: string, path: string, request: Request = {}) =>
    call<RegisterResponse & RegisterItemResponse & MeetingPlanResponse & ProblemResponse>(
      service,
      `/api${path}`,
      {
        ...request,
        token: await signInAs(service, personId),
      },
    );
  const registerOf = async (personId: string) => (await as(personId, `/panels/${STRATEGIC}/register`)).body;
  const form = (over: object = {}) => ({
    id: randomUUID(),
    kind: "blockage",
    title: "School places for excluded children",
    description: "Excluded children wait months for a place and are drawn into county lines.",
    ...over,
  });

  before(async () => {
    service = await startTestService({}, { now: () => now });
    const accepted = await referredAndAccepted(
      service.desk,
      demoActor("Grace Mensah"),
      "Ashby Notreal-Quill",
    );
    assert.equal(accepted.meetingDate, MEETING);
    robin = { ...accepted, name: "Ashby Notreal-Quill" };
    now = new Date(`${MEETING}T10:00:00Z`);
    const signedIn = await as(
      PEOPLE.mertonCoordinator.id,
      `/panels/${PRE_MACE}/meetings/${MEETING}/room/sign-in`,
      {
        body: { agencyId: "mer-csc", capacity: "member", agreed: true },
      },
    );
    // 200: signed in already, by another visit to the same meeting.
    assert.ok([200, 201].includes(signedIn.status), signedIn.text);
    const escalated = await as(
      PEOPLE.mertonCoordinator.id,
      `/panels/${PRE_MACE}/meetings/${MEETING}/decisions/${robin.subjectId}`,
      { method: "PUT", ifMatch: "none", body: { kind: "escalate", riskLevel: "significant" } },
    );
    assert.equal(escalated.status, 200, escalated.text);
  });
  after(async () => {
    await service?.close();
  });

  it("the pre-MACE's coordinator raises the escalation on the strategic register with the case's reference only", async () => {
    const path = `/panels/${PRE_MACE}/meetings/${MEETING}/cases/${robin.subjectId}/register`;
    const body = form();
    const raised = await as(PEOPLE.mertonCoordinator.id, path, { body });
    assert.equal(raised.status, 201, raised.text);
    const item = raised.body.item;
    escalatedId = item.id;
    assert.deepEqual(
      [item.reference, item.panelId, item.ownerName, item.raisedFrom],
      [
        "MER-R-2026-0001",
        STRATEGIC,
        "Tom Ashworth",
        { kind: "escalation", panelId: PRE_MACE, meetingId: MEETING, caseReference: robin.reference },
      ],
    );
    assert.ok(!raised.text.includes("Ashby"), "the child's name is nowhere in the entry");
    // Pressed twice, it is raised once.
    const again = await as(PEOPLE.mertonCoordinator.id, path, { body });
    assert.equal(again.body.item.id, item.id);
    // A pre-MACE member who is not its coordinator or chair cannot raise it.
    const refused = await as(daniel.id, path, { body: form() });
    assert.deepEqual([refused.status, refused.body.error.code], [403, "leads-only"]);
  });

  it("a strategic member raises an entry; identifying text is refused in words beside the field", async () => {
    const identifying = await as(hannah.id, `/panels/${STRATEGIC}/register`, {
      body: form({ description: "Seen at 12 Invented Road with the boy, DOB 1 May 2011." }),
    });
    assert.equal(identifying.status, 400);
    assert.deepEqual(
      identifying.body.error.fields?.map((f) => f.field),
      ["description"],
    );
    assert.match(identifying.body.error.message, /Refer to a case by its reference only/);
    const raised = await as(hannah.id, `/panels/${STRATEGIC}/register`, {
      body: form({ kind: "trend", title: "Younger children recruited online", ownerId: hannah.id }),
    });
    assert.equal(raised.status, 201, raised.text);
    assert.equal(raised.body.item.reference, "MER-R-2026-0002");
    const notMember = await as(daniel.id, `/panels/${STRATEGIC}/register`);
    assert.deepEqual([notMember.status, notMember.body.error.code], [403, "not-a-member"]);
    const page = await registerOf(hannah.id);
    assert.deepEqual(
      page.open.map((i) => [i.reference, i.kindLabel, i.ownerName]),
      [
        ["MER-R-2026-0001", "Blockage", "Tom Ashworth"],
        ["MER-R-2026-0002", "Trend", "Hannah Reyes"],
      ],
    );
  });

  it("the chair records January's review; a stale change is refused with who made the first and when", async () => {
    now = new Date("2027-01-21T14:00:00Z");
    const page = await registerOf(tom.id);
    assert.equal(page.reviewMeetings[0]?.id, "2027-01-21");
    const item = page.open.find((i) => i.id === escalatedId);
    assert.ok(item);
    const path = `/panels/${STRATEGIC}/register/${item.id}/reviews`;
    const body = { meetingId: "2027-01-21", note: "Education to report on waiting times in February." };
    const noVersion = await as(tom.id, path, { body });
    assert.equal(noVersion.status, 428);
    const reviewed = await as(tom.id, path, { body, ifMatch: item.version });
    assert.equal(reviewed.status, 200, reviewed.text);
    assert.deepEqual(
      reviewed.body.item.reviews.map((r) => [r.meetingId, r.byName]),
      [["2027-01-21", "Tom Ashworth"]],
    );
    // The meeting agrees an action on it, through the action log's own form.
    const action = await call<{ action: { reference: string; registerItem?: { reference: string } } }>(
      service,
      `/api/panels/${STRATEGIC}/meetings/2027-01-21/actions`,
      {
        token: await signInAs(service, PEOPLE.mertonCoordinator.id),
        body: {
          registerItemId: item.id,
          title: "School places report",
          text: "Report the waiting list for school places to February's meeting.",
          ownerId: hannah.id,
        },
      },
    );
    assert.equal(action.status, 201, action.text);
    assert.equal(action.body.action.registerItem?.reference, "MER-R-2026-0001");
    const withAction = (await registerOf(hannah.id)).open.find((i) => i.id === item.id);
    assert.deepEqual(
      withAction?.actions.map((a) => [a.reference, a.ownerName, a.dueDate]),
      [[action.body.action.reference, "Hannah Reyes", "2027-02-04"]],
    );
    const stale = await as(PEOPLE.mertonCoordinator.id, `/panels/${STRATEGIC}/register/${item.id}/close`, {
      body: { outcome: "Places found for all three children." },
      ifMatch: item.version,
    });
    assert.equal(stale.status, 409);
    assert.match(
      stale.body.error.message,
      /^This was changed by Tom Ashworth at \d\d:\d\d after you opened it\./,
    );
    const hannahReview = await as(hannah.id, path, { body, ifMatch: reviewed.body.item.version });
    assert.deepEqual([hannahReview.status, hannahReview.body.error.code], [403, "leads-or-owner-only"]);
  });

  it("the coordinator plans the day's topics, which its agenda shows beside the open entries", async () => {
    const topics = [
      {
        id: randomUUID(),
        title: "Exploitation in supported accommodation",
        lead: "Housing",
        reportRequested: true,
      },
    ];
    const byMember = await as(hannah.id, `/panels/${STRATEGIC}/forward-plan/2027-01-21`, {
      method: "PUT",
      body: { topics },
      ifMatch: "none",
    });
    assert.deepEqual([byMember.status, byMember.body.error.code], [403, "coordinators-only"]);
    const planned = await as(PEOPLE.mertonCoordinator.id, `/panels/${STRATEGIC}/forward-plan/2027-01-21`, {
      method: "PUT",
      body: { topics },
      ifMatch: "none",
    });
    assert.equal(planned.status, 200, planned.text);
    assert.deepEqual(planned.body.plan.topics, topics);

    const agenda = (
      await call<AgendaResponse>(service, `/api/panels/${STRATEGIC}/meetings/2027-01-21/agenda`, {
        token: await signInAs(service, hannah.id),
      })
    ).body;
    assert.deepEqual(
      agenda.strategic?.register?.entries.map((e) => [
        e.reference,
        e.reviewedHere,
        e.lastReview?.meetingId ?? null,
      ]),
      [
        ["MER-R-2026-0001", true, "2027-01-21"],
        ["MER-R-2026-0002", false, null],
      ],
    );
    assert.deepEqual(agenda.strategic?.plannedTopics?.topics, [
      { title: "Exploitation in supported accommodation", lead: "Housing", reportRequested: true },
    ]);
  });

  it("closing an entry moves its copy from the open list to the closed one, with its audit entries in the area's record", async () => {
    const item = (await registerOf(tom.id)).open.find((i) => i.id === escalatedId);
    assert.ok(item);
    const closed = await as(tom.id, `/panels/${STRATEGIC}/register/${item.id}/close`, {
      body: { outcome: "Places found for all three children; the protocol is agreed." },
      ifMatch: item.version,
    });
    assert.equal(closed.status, 200, closed.text);
    const page = await registerOf(hannah.id);
    assert.deepEqual(
      page.open.map((i) => i.reference),
      ["MER-R-2026-0002"],
    );
    assert.deepEqual(
      page.closed.map((i) => [i.reference, i.outcome?.byName]),
      [["MER-R-2026-0001", "Tom Ashworth"]],
    );

    const { connectionString } = await azurite();
    const client = TableClient.fromConnectionString(connectionString, "AreaRecords", {
      allowInsecureConnection: true,
    });
    const rows = async (prefix: string) => {
      const keys: string[] = [];
      for await (const e of client.listEntities({
        queryOptions: { filter: rangeFilter(keyOf("merton"), prefix) },
      }))
        keys.push(String(e.rowKey));
      return keys;
    };
    assert.deepEqual(await rows(`register-open|${STRATEGIC}|`), [
      `register-open|${STRATEGIC}|${page.open[0]?.id}`,
    ]);
    assert.equal((await rows(`register-closed|${STRATEGIC}|`)).length, 1);
    assert.equal((await rows(`register-action|${STRATEGIC}|${escalatedId}|`)).length, 1);

    const audit = (await auditOfArea(tableFactory({ kind: "connection-string", connectionString }), "merton"))
      .map((a) => a.value)
      .filter((a) => a.action.startsWith("register.") || a.action === "forward-plan.changed");
    // The service's clock stands still here, so the entries are compared in no particular order.
    assert.deepEqual(audit.map((a) => `${a.action} ${a.reference} ${a.actorId}`).sort(), [
      `forward-plan.changed 2027-01-21 ${PEOPLE.mertonCoordinator.id}`,
      `register.closed MER-R-2026-0001 ${tom.id}`,
      `register.raised MER-R-2026-0001 ${PEOPLE.mertonCoordinator.id}`,
      `register.raised MER-R-2026-0002 ${hannah.id}`,
      `register.reviewed MER-R-2026-0001 ${tom.id}`,
    ]);
  });
});
