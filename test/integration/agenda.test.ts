import assert from "node:assert/strict";
import { loadCatalogue } from "../../bot/src/adapters/config-files/catalogue-files.js";
import { auditOfArea } from "../support/audit.js";
import { odata } from "@azure/data-tables";
import { tableFactory, TABLES } from "../../bot/src/adapters/tables/storage.js";
import { repositories } from "../../bot/src/adapters/tables/repositories.js";
import { azurite } from "../support/azurite.js";
import { recordingConnector, type RecordingConnector } from "../support/connector.js";
import { forgetAgenda, forgetMeetings, startServiceWithGraph } from "../support/graph.js";
import type { GraphServer } from "../../scripts/dev-kit/graph-stand-in/index.js";
import { call, type Request } from "../support/http.js";
import { PEOPLE } from "../support/people.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";

interface AgendaAnswer {
  version: string;
  role: string;
  editable: boolean;
  statements: { confidentiality: string; antiDiscriminatory: string };
  meeting: { id: string; description: string };
  start: string;
  end: string;
  entries: {
    id: string | null;
    kind: string;
    title: string;
    start: string;
    slots: {
      start: string;
      end: string;
      subjects: { subjectId: string; reference: string; label: string | null }[];
      presenters: string[];
    }[];
  }[];
  unplaced: { subjectId: string; reference: string }[];
  sections: { id: string; title: string }[];
}

describe("A meeting's agenda in the tab's API", () => {
  let service: TestService;
  const now = new Date("2026-11-24T12:00:00Z");
  const path = "/api/panels/merton-pre-mace/meetings/2026-12-03/agenda";

  before(async () => {
    service = await startTestService({}, { now: () => now });
    await forgetAgenda("merton-pre-mace", "2026-12-03");
  });
  after(async () => {
    await forgetAgenda("merton-pre-mace", "2026-12-03");
    await service.close();
  });

  const agendaCall = (token: string, request: Request & { url?: string } = {}) =>
    call<AgendaAnswer & { error?: { message: string } }>(service, request.url ?? path, { ...request, token });
  const slotsOf = (a: AgendaAnswer, id: string) => a.entries.find((e) => e.id === id)?.slots ?? [];

  it("builds the coordinator's agenda from the template and the case accepted for the meeting, with times", async () => {
    const priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const { status, body } = await agendaCall(priya);
    assert.equal(status, 200);
    assert.equal(body.role, "coordinator");
    assert.equal(body.editable, true);
    assert.equal(body.meeting.description, "Thursday 3 December 2026, 09:30 to 13:30");
    assert.equal(body.start, "2026-12-03T10:00:00+00:00");
    assert.equal(body.end, "2026-12-03T13:30:00+00:00");
    assert.equal(
      body.entries[0]?.title,
      "Confidentiality and information sharing statement; anti-discriminatory statement",
    );
    // Both statements read at the start come with the agenda, in the words Merton configured.
    const merton = loadCatalogue("bot/config/areas").areas.find((a) => a.id === "merton");
    assert.deepEqual(body.statements, {
      confidentiality: merton?.confidentialityStatement,
      antiDiscriminatory: merton?.antiDiscriminatoryStatement,
    });
    assert.match(body.statements.antiDiscriminatory, /anti-racist and anti-discriminatory practice/);
    const [slot] = slotsOf(body, "new-cases");
    assert.deepEqual(
      slot?.subjects.map((s) => s.label),
      ["Jayden Okoro-Hart"],
    );
    assert.match(slot?.subjects[0]?.reference ?? "", /^MER-2026-\d{4}$/);
    assert.deepEqual(slot?.presenters, ["Grace Mensah"]);
    assert.deepEqual([slot?.start, slot?.end], ["2026-12-03T10:20:00+00:00", "2026-12-03T10:30:00+00:00"]);
  });

  it("shows a member the agenda with names, and audits each name shown", async () => {
    const nurse = await signInAs(service, PEOPLE.mertonNurse.id);
    const { status, body } = await agendaCall(nurse);
    assert.equal(status, 200);
    assert.equal(body.editable, false);
    assert.equal(slotsOf(body, "new-cases")[0]?.subjects[0]?.label, "Jayden Okoro-Hart");
    const { connectionString } = await azurite();
    const entries = (
      await auditOfArea(tableFactory({ kind: "connection-string", connectionString }), "merton")
    )
      .map((e) => e.value)
      .filter((e) => e.actorId === PEOPLE.mertonNurse.id && e.action === "agenda.viewed");
    assert.equal(entries.length, 1);
    assert.equal(entries[0]?.["via"], "tab agenda");
  });

  it("shows a presenter only her own slots", async () => {
    const grace = await signInAs(service, PEOPLE.mertonSocialWorker.id);
    const { body } = await agendaCall(grace);
    assert.equal(body.role, "presenter");
    assert.equal(slotsOf(body, "new-cases").length, 1);
    const everyone = body.entries.flatMap((e) => e.slots);
    assert.ok(everyone.every((s) => s.presenters.includes("Grace Mensah")));
    assert.deepEqual(body.unplaced, []);
  });

  it("refuses people who are not on the panel, and changes by anyone but a coordinator", async () => {
    const lambeth = await signInAs(service, PEOPLE.lambethCoordinator.id);
    assert.equal((await agendaCall(lambeth)).status, 403);
    const nurse = await signInAs(service, PEOPLE.mertonNurse.id);
    const current = (await agendaCall(nurse)).body;
    const subjectId = slotsOf(current, "new-cases")[0]?.subjects[0]?.subjectId ?? "";
    const refused = await agendaCall(nurse, {
      method: "PUT",
      url: `${path}/cases/${subjectId}`,
      body: {
        sectionId: "missing",
        order: null,
        slotMinutes: null,
        category: null,
        rationale: null,
        groupKey: null,
      },
      ifMatch: current.version,
    });
    assert.equal(refused.status, 403);
  });

  it("lets the coordinator move a case to another section and lengthen its slot; the times follow, and a stale edit is refused", async () => {
    const priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const before = (await agendaCall(priya)).body;
    const subjectId = slotsOf(before, "new-cases")[0]?.subjects[0]?.subjectId ?? "";
    const choice = {
      sectionId: "missing",
      order: null,
      slotMinutes: 20,
      category: null,
      rationale: null,
      groupKey: null,
    };
    const moved = await agendaCall(priya, {
      method: "PUT",
      url: `${path}/cases/${subjectId}`,
      body: choice,
      ifMatch: before.version,
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal(slotsOf(moved.body, "new-cases").length, 0);
    const [slot] = slotsOf(moved.body, "missing");
    // The missing section follows new cases (30 minutes) and coercion and control (40 minutes).
    assert.deepEqual([slot?.start, slot?.end], ["2026-12-03T11:30:00+00:00", "2026-12-03T11:50:00+00:00"]);

    const stale = await agendaCall(priya, {
      method: "PUT",
      url: `${path}/cases/${subjectId}`,
      body: choice,
      ifMatch: before.version,
    });
    assert.equal(stale.status, 409);
    assert.match(stale.body.error?.message ?? "", /Reload/);

    const unknownSection = await agendaCall(priya, {
      method: "PUT",
      url: `${path}/cases/${subjectId}`,
      body: { ...choice, sectionId: "no-such-section" },
      ifMatch: moved.body.version,
    });
    assert.equal(unknownSection.status, 409);
  });

  it("moves a case to a later meeting: it leaves this agenda and joins that one; never to a past meeting", async () => {
    const priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const december = (await agendaCall(priya)).body;
    const subject = december.entries
      .flatMap((e) => e.slots)
      .flatMap((s) => s.subjects)
      .find((s) => s.label === "Jayden Okoro-Hart");
    assert.ok(subject);
    const moveTo = (meetingId: string, from: string, ifMatch: string) =>
      agendaCall(priya, {
        method: "PUT",
        url: `/api/panels/merton-pre-mace/meetings/${from}/agenda/cases/${subject.subjectId}/meeting`,
        body: { meetingId },
        ifMatch,
      });
    const past = await moveTo("2026-11-05", "2026-12-03", december.version);
    assert.equal(past.status, 409);
    assert.match(past.body.error?.message ?? "", /already happened/);

    const moved = await moveTo("2027-01-07", "2026-12-03", december.version);
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.ok(!JSON.stringify(moved.body.entries).includes("Jayden Okoro-Hart"));
    const january = (
      await agendaCall(priya, { url: "/api/panels/merton-pre-mace/meetings/2027-01-07/agenda" })
    ).body;
    assert.ok(
      january.entries
        .flatMap((e) => e.slots)
        .some((s) => s.subjects.some((x) => x.label === "Jayden Okoro-Hart")),
    );
    // And back, as the other suites expect him in December.
    const back = await moveTo("2026-12-03", "2027-01-07", january.version);
    assert.equal(back.status, 200);
  });

  it("answers 404 for a date the panel does not meet on", async () => {
    const priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const res = await agendaCall(priya, { url: "/api/panels/merton-pre-mace/meetings/2026-12-04/agenda" });
    assert.equal(res.status, 404);
    assert.match(res.body.error?.message ?? "", /no meeting on that date/);
  });
});

describe("Publishing a meeting's agenda", () => {
  const CHANNEL = "19:merton-agenda-channel@thread.tacv2";
  let service: TestService;
  let graph: GraphServer;
  let connector: RecordingConnector;
  const now = new Date("2026-11-24T12:00:00Z");
  const base = "/api/panels/merton-pre-mace/meetings/2026-12-03/agenda";

  before(async () => {
    ({ service, graph } = await startServiceWithGraph({ now: () => now }));
    await forgetMeetings("merton-pre-mace");
    await forgetAgenda("merton-pre-mace", "2026-12-03");
    // The panel's channel, as the bot stores it when added to a team, linked by the coordinator.
    connector = await recordingConnector();
    const repos = repositories(
      tableFactory({ kind: "connection-string", connectionString: (await azurite()).connectionString }),
    );
    await repos.conversations.upsert(
      {
        scope: "channel",
        key: CHANNEL,
        teamId: "team-merton",
        teamName: "Merton MACE",
        reference: {
          channelId: "msteams",
          serviceUrl: connector.url,
          bot: { id: "28:mace-bot", name: "MACE panels" },
          conversation: { id: CHANNEL, name: "MACE panels", conversationType: "channel" },
        },
      },
      "bot",
    );
    const priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const panel = await call(service, "/api/panels/merton-pre-mace", { token: priya });
    const linked = await call(service, "/api/panels/merton-pre-mace/channel", {
      method: "PUT",
      token: priya,
      ifMatch: panel.etag,
      body: { conversationId: CHANNEL },
    });
    assert.equal(linked.status, 200);
  });
  after(async () => {
    await forgetMeetings("merton-pre-mace");
    await forgetAgenda("merton-pre-mace", "2026-12-03");
    await service.close();
    await graph.close();
    await connector.close();
  });

  const send = (token: string, path: string, request: Request = {}) =>
    call(service, path, { ...request, token });

  it("freezes a version without names and invites the presenter to her own slot in Teams", async () => {
    const priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const scheduled = await send(priya, "/api/panels/merton-pre-mace/schedule", {
      method: "POST",
      body: { from: "2026-12-01", to: "2027-03-31" },
    });
    assert.equal(scheduled.status, 201);
    const agenda = (await send(priya, base)).body as unknown as AgendaAnswer;
    const published = await send(priya, `${base}/publish`, {
      method: "POST",
      body: {},
      ifMatch: agenda.version,
    });
    assert.equal(published.status, 201, JSON.stringify(published.body));
    assert.deepEqual(published.body, {
      version: 1,
      channelTold: true,
      invited: 1,
      withdrawn: 0,
      notInvited: 0,
      why: null,
    });

    // The panel's channel is told, with no name in the card.
    await service.noticesDelivered();
    const [card] = connector.cardsIn(CHANNEL);
    const text = JSON.stringify(card);
    assert.match(text, /Agenda published/);
    assert.match(text, /Thursday 3 December 2026, 09:30 to 13:30/);
    assert.match(text, /panel=merton-pre-mace&meeting=2026-12-03/);
    assert.doesNotMatch(text, /Jayden|Okoro-Hart|MER-2026/);

    const grace = PEOPLE.mertonSocialWorker.email;
    const invites = graph.sent.filter((m) => m.to === grace && m.kind === "invitation");
    assert.equal(invites.length, 1);
    assert.match(
      invites[0]?.subject ?? "",
      /^Merton Pre-MACE operational panel: your presentation slot for MER-2026-\d{4}$/,
    );
    const slot = graph.events(PEOPLE.mertonCoordinator.id).find((e) => e.id === invites[0]?.eventId);
    assert.deepEqual(slot?.start, { dateTime: "2026-12-03T10:20:00.0000000", timeZone: "GMT Standard Time" });

    const { connectionString } = await azurite();
    const table = tableFactory({ kind: "connection-string", connectionString })(TABLES.agendas);
    const rows = [];
    for await (const e of table.listEntities({
      queryOptions: { filter: odata`RowKey eq ${"version|0001"}` },
    }))
      rows.push(e);
    assert.equal(rows.length, 1);
    const frozen = String(rows[0]?.["agenda"]);
    assert.match(frozen, /MER-2026-\d{4}/);
    assert.doesNotMatch(frozen, /Jayden|Okoro-Hart/);

    // Publishing again on the same version is refused; on the new one it is version 2.
    const stale = await send(priya, `${base}/publish`, { method: "POST", body: {}, ifMatch: agenda.version });
    assert.equal(stale.status, 409);
    const fresh = (await send(priya, base)).body as unknown as AgendaAnswer;
    const second = await send(priya, `${base}/publish`, { method: "POST", body: {}, ifMatch: fresh.version });
    assert.equal(second.body["version"], 2);
    // The same slot is not sent a second invitation.
    assert.equal(graph.sent.filter((m) => m.to === grace && m.kind === "invitation").length, 1);

    // The case moves to another section, so its slot starts later: the invitation to the old time
    // is withdrawn in Teams once one to the new time is sent.
    type Choosing = {
      version: string;
      sections: { id: string }[];
      entries: {
        slots: { subjects: { subjectId: string }[]; start: string; choice: Record<string, unknown> }[];
      }[];
    };
    const third = (await send(priya, base)).body as unknown as Choosing;
    const slot3 = third.entries.flatMap((e) => e.slots)[0];
    const elsewhere = third.sections
      .map((x) => x.id)
      .filter((id) => id !== slot3?.choice["sectionId"])
      .at(-1);
    const moved = await send(priya, `${base}/cases/${slot3?.subjects[0]?.subjectId ?? ""}`, {
      method: "PUT",
      body: { ...slot3?.choice, sectionId: elsewhere },
      ifMatch: third.version,
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    const after = (await send(priya, base)).body as unknown as Choosing;
    const newStart = after.entries.flatMap((e) => e.slots)[0]?.start;
    assert.notEqual(newStart, slot3?.start);
    const republished = await send(priya, `${base}/publish`, {
      method: "POST",
      body: {},
      ifMatch: after.version,
    });
    assert.deepEqual(
      [republished.body["version"], republished.body["invited"], republished.body["withdrawn"]],
      [3, 1, 1],
    );
    const toGrace = graph.sent.filter((m) => m.to === grace);
    assert.deepEqual(
      toGrace.map((m) => m.kind),
      ["invitation", "invitation", "cancellation"],
    );
    assert.equal(toGrace[2]?.eventId, invites[0]?.eventId);
    assert.equal(
      graph.events(PEOPLE.mertonCoordinator.id).filter((e) => e.subject === invites[0]?.subject).length,
      1,
    );
  });

  it("refuses publishing by anyone but a coordinator", async () => {
    const nurse = await signInAs(service, PEOPLE.mertonNurse.id);
    const agenda = (await send(nurse, base)).body as unknown as AgendaAnswer;
    assert.equal(
      (await send(nurse, `${base}/publish`, { method: "POST", body: {}, ifMatch: agenda.version })).status,
      403,
    );
  });
});
