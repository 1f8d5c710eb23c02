import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { azurite } from "../support/azurite.js";
import { forgetMeetings, startServiceWithGraph } from "../support/graph.js";
import { startGraphServer, type GraphServer } from "../../scripts/dev-kit/graph-stand-in/index.js";
import { call, type Request } from "../support/http.js";
import { PEOPLE } from "../support/people.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";

interface MeetingView {
  id: string;
  date: string;
  start: string;
  end: string;
  status: string;
  joinUrl: string | null;
  note: string | null;
  version: string | null;
}
interface MeetingsAnswer {
  calendar: { connected: boolean; series: { organiser: string; from: string; to: string } | null };
  meetings: MeetingView[];
}

const MERTON_CORE = [
  "daniel.kowalski@met.example",
  "hannah.reyes@nhs.example",
  "owen.brathwaite@merton.example",
  "priya.okafor@merton.example",
  "tom.ashworth@met.example",
];

describe("Scheduling a panel's meetings in Teams through Microsoft Graph", function () {
  // Graph's retry handler waits as Graph asks (Retry-After) before trying again.
  this.timeout(30_000);
  let service: TestService;
  let graph: GraphServer;
  const now = new Date("2026-11-24T12:00:00Z");

  before(async () => {
    ({ service, graph } = await startServiceWithGraph({ now: () => now }));
  });
  after(async () => {
    await forgetMeetings("merton-pre-mace");
    await service.close();
    await graph.close();
  });
  beforeEach(async () => {
    graph.reset();
    await forgetMeetings("merton-pre-mace");
  });

  const send = (path: string, token: string, request: Request = {}) =>
    call(service, path, { ...request, token });
  const meetings = async (token: string, from: string, to: string) =>
    (await send(`/api/panels/merton-pre-mace/meetings?from=${from}&to=${to}`, token))
      .body as unknown as MeetingsAnswer;

  it("puts Merton's pre-MACE panel in the coordinator's calendar as one monthly Teams meeting series", async () => {
    const priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const res = await send("/api/panels/merton-pre-mace/schedule", priya, {
      body: { from: "2027-01-01", to: "2027-12-31" },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body["outcome"], "created");

    const events = graph.events(PEOPLE.mertonCoordinator.id);
    assert.equal(events.length, 1);
    const [series] = events;
    assert.deepEqual(series?.recurrence, {
      pattern: { type: "relativeMonthly", interval: 1, daysOfWeek: ["thursday"], index: "first" },
      range: {
        type: "endDate",
        startDate: "2027-01-07",
        endDate: "2027-12-02",
        recurrenceTimeZone: "GMT Standard Time",
      },
    });
    assert.deepEqual(series?.start, {
      dateTime: "2027-01-07T09:30:00.0000000",
      timeZone: "GMT Standard Time",
    });
    assert.deepEqual(series?.end, { dateTime: "2027-01-07T13:30:00.0000000", timeZone: "GMT Standard Time" });
    assert.equal(series?.subject, "Merton Pre-MACE operational panel");
    assert.equal(series?.isOnlineMeeting, true);
    assert.equal(series?.onlineMeetingProvider, "teamsForBusiness");
    // Core members only: the presenter is invited to her slot, not to the whole meeting.
    assert.deepEqual(series?.attendees.map((a) => a.emailAddress.address).sort(), MERTON_CORE);
    assert.ok(!series?.attendees.some((a) => a.emailAddress.address === PEOPLE.mertonSocialWorker.email));
    // The panel's analyst sees its reports only: its meetings are not hers to attend.
    assert.ok(!series?.attendees.some((a) => a.emailAddress.address === PEOPLE.mertonAnalyst.email));

    const listed = await meetings(priya, "2027-01-01", "2027-12-31");
    assert.equal(listed.calendar.series?.organiser, "Priya Okafor");
    assert.deepEqual(
      listed.meetings.map((m) => m.date),
      [
        "2027-01-07",
        "2027-02-04",
        "2027-03-04",
        "2027-04-01",
        "2027-05-06",
        "2027-06-03",
        "2027-07-01",
        "2027-08-05",
        "2027-09-02",
        "2027-10-07",
        "2027-11-04",
        "2027-12-02",
      ],
    );
    assert.ok(listed.meetings.every((m) => m.status === "scheduled"));
    assert.ok(
      listed.meetings.every((m) => m.joinUrl?.startsWith("https://teams.microsoft.com/l/meetup-join/")),
    );
    // British Summer Time in July: the same 09:30 on the wall clock.
    assert.equal(listed.meetings[6]?.start, "2027-07-01T09:30:00+01:00");
    assert.equal(listed.meetings[0]?.start, "2027-01-07T09:30:00+00:00");

    // A member sees the meetings and their join links.
    const nurse = await signInAs(service, PEOPLE.mertonNurse.id);
    assert.equal(
      (await meetings(nurse, "2027-01-01", "2027-03-31")).meetings[0]?.joinUrl,
      listed.meetings[0]?.joinUrl,
    );
  });

  it("scheduling again changes nothing, and a longer range updates the same series", async () => {
    const priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const first = await send("/api/panels/merton-pre-mace/schedule", priya, {
      body: { from: "2027-01-01", to: "2027-06-30" },
    });
    assert.equal(first.body["outcome"], "created");
    const again = await send("/api/panels/merton-pre-mace/schedule", priya, {
      body: { from: "2027-01-01", to: "2027-06-30" },
    });
    assert.equal(again.status, 200);
    assert.equal(again.body["outcome"], "unchanged");
    assert.equal(graph.events().length, 1);
    assert.equal(graph.sent.filter((m) => m.kind !== "invitation").length, 0, "nobody is sent an update");

    const longer = await send("/api/panels/merton-pre-mace/schedule", priya, {
      body: { from: "2027-03-01", to: "2027-12-31" },
    });
    assert.equal(longer.body["outcome"], "updated");
    const events = graph.events();
    assert.equal(events.length, 1);
    // The earlier start is kept: meetings already in calendars are never dropped.
    assert.equal(events[0]?.recurrence?.range.startDate, "2027-01-07");
    assert.equal(events[0]?.recurrence?.range.endDate, "2027-12-02");
    assert.equal((await meetings(priya, "2027-01-01", "2027-12-31")).meetings.length, 12);
  });

  it("makes the series again if it was deleted from the organiser's calendar, keeping a cancelled meeting", async () => {
    const priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    await send("/api/panels/merton-pre-mace/schedule", priya, {
      body: { from: "2027-01-01", to: "2027-06-30" },
    });
    const [jan] = (await meetings(priya, "2027-01-01", "2027-06-30")).meetings;
    await send(`/api/panels/merton-pre-mace/meetings/${jan?.id}/cancel`, priya, {
      body: { reason: "Clashes with the inspection" },
      ifMatch: jan?.version ?? "",
    });
    graph.reset();
    const again = await send("/api/panels/merton-pre-mace/schedule", priya, {
      body: { from: "2027-01-01", to: "2027-06-30" },
    });
    assert.equal(again.body["outcome"], "created");
    assert.equal(graph.events().length, 1);
    assert.deepEqual(
      graph.sent.filter((m) => m.kind === "cancellation").map((m) => m.occurrence),
      MERTON_CORE.map(() => "2027-01-07"),
    );
    const listed = (await meetings(priya, "2027-01-01", "2027-06-30")).meetings;
    assert.deepEqual(
      listed.map((m) => m.status),
      ["cancelled", "scheduled", "scheduled", "scheduled", "scheduled", "scheduled"],
    );
  });

  it("retries through throttling and server errors and still creates exactly one series", async () => {
    const priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    graph.inject(
      { status: 429, retryAfterSeconds: 1, method: "POST" },
      // Graph created the series, but the answer was lost: the retry must not make a second one.
      { status: 504, retryAfterSeconds: 1, method: "POST", afterCommit: true },
      { status: 503, retryAfterSeconds: 1, method: "GET" },
    );
    const res = await send("/api/panels/merton-pre-mace/schedule", priya, {
      body: { from: "2027-01-01", to: "2027-12-31" },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(graph.events().length, 1);
    const creates = graph.requests.filter((r) => r.method === "POST" && r.path.endsWith("/events"));
    assert.deepEqual(
      creates.map((r) => r.status),
      [429, 504, 201],
    );
    assert.ok(graph.requests.some((r) => r.method === "GET" && r.status === 503));
    assert.equal(
      (await meetings(priya, "2027-01-01", "2027-12-31")).meetings.filter((m) => m.joinUrl).length,
      12,
    );
  });

  it("moves a meeting off New Year's Day, the panel's bank holiday rule, in the calendar too", async () => {
    const priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    await send("/api/panels/merton-pre-mace/schedule", priya, {
      body: { from: "2031-12-01", to: "2032-03-31" },
    });
    const listed = await meetings(priya, "2031-12-01", "2032-03-31");
    assert.deepEqual(
      listed.meetings.map((m) => [m.date, m.status]),
      [
        ["2031-12-04", "scheduled"],
        ["2032-01-02", "moved"],
        ["2032-02-05", "scheduled"],
        ["2032-03-04", "scheduled"],
      ],
    );
    assert.equal(listed.meetings[1]?.note, "Moved from Thursday 1 January 2032, a bank holiday");
    const updates = graph.sent.filter((m) => m.kind === "update");
    assert.deepEqual([...new Set(updates.map((m) => m.occurrence))], ["2032-01-01"]);
  });

  it("moves or cancels one meeting only, and its attendees get Teams' update or cancellation", async () => {
    const priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    await send("/api/panels/merton-pre-mace/schedule", priya, {
      body: { from: "2027-01-01", to: "2027-06-30" },
    });
    const [jan, feb] = (await meetings(priya, "2027-01-01", "2027-06-30")).meetings;
    graph.sent.length = 0;

    const moved = await send(`/api/panels/merton-pre-mace/meetings/${feb?.id}/move`, priya, {
      body: { date: "2027-02-11", startTime: "10:00", reason: "Room unavailable" },
      ifMatch: feb?.version ?? "",
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    const cancelled = await send(`/api/panels/merton-pre-mace/meetings/${jan?.id}/cancel`, priya, {
      body: { reason: "Snow: the panel meets in February" },
      ifMatch: jan?.version ?? "",
    });
    assert.equal(cancelled.status, 200);

    const after = (await meetings(priya, "2027-01-01", "2027-06-30")).meetings;
    assert.deepEqual(
      after.slice(0, 3).map((m) => [m.id, m.date, m.start, m.status, m.joinUrl !== null]),
      [
        ["2027-01-07", "2027-01-07", "2027-01-07T09:30:00+00:00", "cancelled", false],
        ["2027-02-04", "2027-02-11", "2027-02-11T10:00:00+00:00", "moved", true],
        ["2027-03-04", "2027-03-04", "2027-03-04T09:30:00+00:00", "scheduled", true],
      ],
    );
    assert.deepEqual(
      graph.sent.map((m) => `${m.kind} ${m.occurrence} ${m.to}`).sort(),
      [
        ...MERTON_CORE.map((to) => `cancellation 2027-01-07 ${to}`),
        ...MERTON_CORE.map((to) => `update 2027-02-04 ${to}`),
      ].sort(),
    );

    // A stale version is refused, naming who changed it.
    const stale = await send(`/api/panels/merton-pre-mace/meetings/${feb?.id}/move`, priya, {
      body: { date: "2027-02-18", startTime: "09:30" },
      ifMatch: feb?.version ?? "",
    });
    assert.equal(stale.status, 409);
    assert.match(
      String((stale.body["error"] as { message: string }).message),
      /changed by Priya Okafor at \d\d:\d\d/,
    );

    // Scheduling again keeps the coordinator's changes.
    await send("/api/panels/merton-pre-mace/schedule", priya, {
      body: { from: "2027-01-01", to: "2027-09-30" },
    });
    const kept = (await meetings(priya, "2027-01-01", "2027-06-30")).meetings;
    assert.deepEqual(
      kept.slice(0, 2).map((m) => [m.date, m.status]),
      [
        ["2027-01-07", "cancelled"],
        ["2027-02-11", "moved"],
      ],
    );
    const instanceDates = graph.events()[0];
    assert.equal(instanceDates?.recurrence?.range.endDate, "2027-09-02");
  });

  it("the calendar file holds the coordinator's move and cancellation, under one identity whatever range is asked for", async () => {
    const priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    await send("/api/panels/merton-pre-mace/schedule", priya, {
      body: { from: "2027-01-01", to: "2027-06-30" },
    });
    const [jan, feb] = (await meetings(priya, "2027-01-01", "2027-06-30")).meetings;
    await send(`/api/panels/merton-pre-mace/meetings/${feb?.id}/move`, priya, {
      body: { date: "2027-02-11", startTime: "10:00", reason: "Room unavailable" },
      ifMatch: feb?.version ?? "",
    });
    await send(`/api/panels/merton-pre-mace/meetings/${jan?.id}/cancel`, priya, {
      body: { reason: "Snow" },
      ifMatch: jan?.version ?? "",
    });
    const file = async (from: string, to: string) => {
      const res = await fetch(
        `${service.url}/api/panels/merton-pre-mace/calendar.ics?from=${from}&to=${to}`,
        { headers: { authorization: `Bearer ${priya}` } },
      );
      assert.equal(res.status, 200);
      // iCalendar folds long lines; unfold them to read the properties whole.
      return (await res.text()).replace(/\r\n /g, "").split(/\r\n/);
    };
    const firstHalf = await file("2027-01-01", "2027-06-30");
    const uids = new Set(firstHalf.filter((l) => l.startsWith("UID:")));
    assert.deepEqual([...uids], ["UID:merton-pre-mace.series@mace-panels"]);
    // January is left out of the series; February is held on the 11th at 10:00 instead of the 4th.
    assert.ok(firstHalf.includes("EXDATE;TZID=Europe/London:20270107T093000"), firstHalf.join("\n"));
    const override = firstHalf.indexOf("RECURRENCE-ID;TZID=Europe/London:20270204T093000");
    assert.ok(override > 0, "February's meeting overrides the rule's date");
    const event = firstHalf.slice(
      firstHalf.lastIndexOf("BEGIN:VEVENT", override),
      firstHalf.indexOf("END:VEVENT", override),
    );
    assert.ok(event.includes("DTSTART;TZID=Europe/London:20270211T100000"), event.join("\n"));
    assert.ok(event.some((l) => l.includes("Moved from Thursday 4 February: Room unavailable")));
    // A file for a later range is the same series, so importing it updates the first.
    const later = await file("2027-03-01", "2027-12-31");
    assert.deepEqual(
      [...new Set(later.filter((l) => l.startsWith("UID:")))],
      ["UID:merton-pre-mace.series@mace-panels"],
    );
  });

  it("invites a presenter to her own slot only, with the join link and the case reference but no child's name", async () => {
    const priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    await send("/api/panels/merton-pre-mace/schedule", priya, {
      body: { from: "2027-01-01", to: "2027-03-31" },
    });
    const [jan] = (await meetings(priya, "2027-01-01", "2027-03-31")).meetings;
    const calendar = service.calendarFor?.({
      id: PEOPLE.mertonCoordinator.id,
      name: "Priya Okafor",
      token: priya,
    });
    assert.ok(calendar);
    const grace = { name: "Grace Mensah", email: PEOPLE.mertonSocialWorker.email };
    const slot = {
      caseReference: "MER-2026-0042",
      start: "2027-01-07T10:10:00+00:00",
      end: "2027-01-07T10:20:00+00:00",
    };
    const first = await service.scheduler.invitePresenter(
      "merton-pre-mace",
      "2027-01-07",
      slot,
      grace,
      calendar,
    );
    const again = await service.scheduler.invitePresenter(
      "merton-pre-mace",
      "2027-01-07",
      slot,
      grace,
      calendar,
    );
    assert.equal(again.eventId, first.eventId);

    const invite = graph.events(PEOPLE.mertonCoordinator.id).find((e) => e.id === first.eventId);
    assert.equal(invite?.type, "singleInstance");
    assert.deepEqual(
      invite?.attendees.map((a) => a.emailAddress.address),
      [grace.email],
    );
    assert.deepEqual(invite?.start, {
      dateTime: "2027-01-07T10:10:00.0000000",
      timeZone: "GMT Standard Time",
    });
    assert.deepEqual(invite?.end, { dateTime: "2027-01-07T10:20:00.0000000", timeZone: "GMT Standard Time" });
    assert.equal(
      invite?.subject,
      "Merton Pre-MACE operational panel: your presentation slot for MER-2026-0042",
    );
    assert.ok(invite?.body.content.includes(jan?.joinUrl ?? "no link"));
    assert.match(invite?.body.content ?? "", /from 10:10 to 10:20 \(UK time\)/);
    assert.doesNotMatch(
      JSON.stringify(invite),
      /Grace Mensah.*Grace Mensah/s,
      "the presenter's name only as addressee",
    );
    assert.equal(graph.sent.filter((m) => m.eventId === first.eventId).length, 1);
  });

  it("keeps a meeting between its neighbours, and puts nothing half-done when Teams refuses a move", async () => {
    const priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    await send("/api/panels/merton-pre-mace/schedule", priya, {
      body: { from: "2027-01-01", to: "2027-06-30" },
    });
    const [, feb] = (await meetings(priya, "2027-01-01", "2027-06-30")).meetings;
    const tooFar = await send(`/api/panels/merton-pre-mace/meetings/${feb?.id}/move`, priya, {
      body: { date: "2027-03-04", startTime: "09:30" },
      ifMatch: feb?.version ?? "",
    });
    assert.equal(tooFar.status, 400);
    assert.match(
      String((tooFar.body["error"] as { message: string }).message),
      /only to a day after Thursday 7 January 2027 and before Thursday 4 March 2027/,
    );

    graph.inject(
      ...Array.from({ length: 5 }, () => ({
        status: 503 as const,
        retryAfterSeconds: 0,
        method: "PATCH" as const,
      })),
    );
    const refused = await send(`/api/panels/merton-pre-mace/meetings/${feb?.id}/move`, priya, {
      body: { date: "2027-02-11", startTime: "09:30" },
      ifMatch: feb?.version ?? "",
    });
    assert.equal(refused.status, 502);
    assert.match(
      String((refused.body["error"] as { message: string }).message),
      /Microsoft 365 did not answer/,
    );
    const after = (await meetings(priya, "2027-01-01", "2027-06-30")).meetings[1];
    assert.deepEqual([after?.date, after?.status], ["2027-02-04", "scheduled"]);
    assert.equal(graph.sent.filter((m) => m.kind === "update").length, 0);
  });

  it("records a meeting the organiser cancelled in Outlook as cancelled", async () => {
    const priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    await send("/api/panels/merton-pre-mace/schedule", priya, {
      body: { from: "2027-01-01", to: "2027-06-30" },
    });
    graph.cancelInOutlook(graph.events()[0]?.id ?? "", "2027-03-04");
    await send("/api/panels/merton-pre-mace/schedule", priya, {
      body: { from: "2027-01-01", to: "2027-06-30" },
    });
    const march = (await meetings(priya, "2027-01-01", "2027-06-30")).meetings[2];
    assert.deepEqual(
      [march?.id, march?.status, march?.joinUrl, march?.note],
      ["2027-03-04", "cancelled", null, "Cancelled in the organiser's calendar"],
    );
  });

  it("shows presenters the meetings without join links: they join for their own slot", async () => {
    const priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    await send("/api/panels/merton-pre-mace/schedule", priya, {
      body: { from: "2027-01-01", to: "2027-03-31" },
    });
    const grace = await signInAs(service, PEOPLE.mertonSocialWorker.id);
    const seen = await meetings(grace, "2027-01-01", "2027-03-31");
    assert.equal(seen.meetings.length, 3);
    assert.ok(seen.meetings.every((m) => m.joinUrl === null));
  });

  it("refuses presenters and members who try to change the schedule, and bad input, writing nothing", async () => {
    const grace = await signInAs(service, PEOPLE.mertonSocialWorker.id);
    const refused = await send("/api/panels/merton-pre-mace/schedule", grace, {
      body: { from: "2027-01-01", to: "2027-12-31" },
    });
    assert.equal(refused.status, 403);
    assert.match(JSON.stringify(refused.body), /Only the panel's coordinators/);
    const nurse = await signInAs(service, PEOPLE.mertonNurse.id);
    const member = await send("/api/panels/merton-pre-mace/schedule", nurse, {
      body: { from: "2027-01-01", to: "2027-12-31" },
    });
    assert.equal(member.status, 403);
    const priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const tooLong = await send("/api/panels/merton-pre-mace/schedule", priya, {
      body: { from: "2027-01-01", to: "2030-01-01" },
    });
    assert.equal(tooLong.status, 400);
    const extra = await send("/api/panels/merton-pre-mace/schedule", priya, {
      body: { from: "2027-01-01", to: "2027-02-01", organiser: "someone-else" },
    });
    assert.equal(extra.status, 400);
    const noVersion = await send("/api/panels/merton-pre-mace/meetings/2027-01-07/cancel", priya, {
      body: { reason: "x" },
    });
    assert.equal(noVersion.status, 428);
    assert.equal(graph.events().length, 0);
  });

  it("tells the coordinator plainly when the organiser has no Teams licence", async () => {
    graph.unlicense(PEOPLE.mertonCoordinator.id);
    try {
      const priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
      const res = await send("/api/panels/merton-pre-mace/schedule", priya, {
        body: { from: "2027-01-01", to: "2027-03-31" },
      });
      assert.equal(res.status, 409);
      assert.match(
        String((res.body["error"] as { message: string }).message),
        /no Teams join link: the organiser may have no Teams licence/,
      );
    } finally {
      graph.reset();
    }
  });
});

describe("The local Graph stand-in refuses what Microsoft Graph refuses", () => {
  let graph: GraphServer;
  let token: string;
  const user = "00000000-0000-4000-8000-0000000000aa";

  before(async () => {
    graph = await startGraphServer();
    const { publicKey, privateKey } = await generateKeyPair("ES256");
    graph.trust({
      issuer: "https://idp.test",
      jwks: { keys: [{ ...(await exportJWK(publicKey)), kid: "k", alg: "ES256" }] },
    });
    token = await new SignJWT({ oid: user, scp: "Calendars.ReadWrite" })
      .setProtectedHeader({ alg: "ES256", kid: "k" })
      .setIssuer("https://idp.test")
      .setAudience("https://graph.microsoft.com")
      .setExpirationTime("10m")
      .sign(privateKey);
  });
  after(() => graph.close());

  const series = {
    subject: "Panel",
    start: { dateTime: "2027-01-07T09:30:00", timeZone: "GMT Standard Time" },
    end: { dateTime: "2027-01-07T13:30:00", timeZone: "GMT Standard Time" },
    recurrence: {
      pattern: { type: "relativeMonthly", interval: 1, daysOfWeek: ["thursday"], index: "first" },
      range: { type: "endDate", startDate: "2027-01-07", endDate: "2027-12-02" },
    },
  };
  const create = async (body: unknown, bearer: string | null = token) => {
    const res = await call<{ error?: { code: string; message: string } }>(
      graph,
      `/v1.0/users/${user}/events`,
      {
        token: bearer ?? undefined,
        body,
      },
    );
    return { status: res.status, error: res.body.error };
  };

  it("accepts a well-formed series", async () => {
    assert.equal((await create(series)).status, 201);
  });

  it("refuses a request without a token", async () => {
    assert.equal((await create(series, null)).status, 401);
  });

  it("refuses an event without an end", async () => {
    const noEnd: Partial<typeof series> = { ...series };
    delete noEnd.end;
    const res = await create(noEnd);
    assert.equal(res.status, 400);
    assert.match(res.error?.message ?? "", /end/);
  });

  it("refuses a recurrence range that does not start on the event's date", async () => {
    const res = await create({
      ...series,
      recurrence: { ...series.recurrence, range: { ...series.recurrence.range, startDate: "2027-01-01" } },
    });
    assert.equal(res.status, 400);
    assert.match(res.error?.message ?? "", /start date of the recurrence range/);
  });

  it("refuses a relativeMonthly pattern without daysOfWeek or without index", async () => {
    const noDays: Partial<typeof series.recurrence.pattern> = { ...series.recurrence.pattern };
    delete noDays.daysOfWeek;
    const noIndex: Partial<typeof series.recurrence.pattern> = { ...series.recurrence.pattern };
    delete noIndex.index;
    for (const pattern of [noDays, noIndex]) {
      const res = await create({ ...series, recurrence: { ...series.recurrence, pattern } });
      assert.equal(res.status, 400);
      assert.equal(res.error?.code, "ErrorPropertyValidationFailure");
    }
  });

  it("refuses an unknown time zone and an unknown property", async () => {
    const zone = await create({ ...series, start: { ...series.start, timeZone: "Europe/Londn" } });
    assert.equal(zone.status, 400);
    assert.equal(zone.error?.code, "TimeZoneNotSupportedException");
    const unknown = await create({ ...series, agendaUrl: "https://example.test" });
    assert.equal(unknown.status, 400);
    assert.match(unknown.error?.message ?? "", /The property 'agendaUrl' does not exist/);
  });

  it("pages instances ten at a time, as Graph does", async () => {
    const created = (await call<{ id: string }>(graph, `/v1.0/users/${user}/events`, { token, body: series }))
      .body;
    const page = (
      await call<{ value: unknown[]; "@odata.nextLink"?: string }>(
        graph,
        `/v1.0/users/${user}/events/${created.id}/instances?startDateTime=2027-01-01T00:00:00Z&endDateTime=2028-01-01T00:00:00Z`,
        { token },
      )
    ).body;
    assert.equal(page.value.length, 10);
    assert.match(page["@odata.nextLink"] ?? "", /\$skip=10/);
  });
});

describe("Scheduling without Microsoft Graph", () => {
  let service: TestService;
  before(async () => {
    service = await startTestService();
  });
  after(() => service.close());

  it("tells the coordinator to use the calendar file instead", async () => {
    const priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const res = await call(service, "/api/panels/merton-pre-mace/schedule", {
      token: priya,
      body: { from: "2027-01-01", to: "2027-12-31" },
    });
    assert.equal(res.status, 409);
    assert.match(JSON.stringify(res.body), /Download the calendar file instead/);
  });
});

describe("Scheduling as the coordinator, on their behalf (delegated)", () => {
  let service: TestService;
  before(async () => {
    service = await startTestService({
      GRAPH_AUTH: "delegated",
      AAD_APP_CLIENT_ID: "11111111-2222-4333-8444-555555555555",
      AAD_APP_TENANT_ID: "66666666-7777-4888-8999-000000000000",
      SECRET_AAD_APP_CLIENT_SECRET: "not-a-real-secret",
    });
  });
  after(async () => {
    await forgetMeetings("merton-pre-mace");
    await service.close();
  });

  it("exchanges the coordinator's sign-in through Entra ID, and says plainly when that fails", async () => {
    const priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const res = await call(service, "/api/panels/merton-pre-mace/schedule", {
      token: priya,
      body: { from: "2027-01-01", to: "2027-12-31" },
    });
    // Entra ID cannot be reached from here, so the on-behalf-of exchange fails before Graph is called.
    assert.equal(res.status, 403);
    const body = res.body as { error: { code: string; message: string } };
    assert.equal(body.error.code, "calendar-sign-in");
    assert.match(body.error.message, /^Microsoft 365 did not give MACE panels access to the calendar\./);
    // The identity library's words for the failed exchange go to the log, not to the coordinator.
    assert.ok(
      service.logLines.some((l) => l.includes("calendar request failed") && l.includes("network_error")),
    );
    assert.doesNotMatch(body.error.message, /network_error|msal/);
  });
});

describe("npm run schedule with the app's own permission", function () {
  this.timeout(30_000);
  after(() => forgetMeetings("merton-strategic-mace"));

  it("puts the meetings in the organiser mailbox through the same scheduler, and says plainly when Entra ID refuses", async () => {
    const { connectionString } = await azurite();
    const run = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/schedule.ts",
        "--panel",
        "merton-strategic-mace",
        "--from",
        "2027-01-01",
        "--to",
        "2027-12-31",
      ],
      {
        encoding: "utf8",
        env: {
          ...process.env,
          GRAPH_AUTH: "application",
          GRAPH_ORGANISER: "mace.panels@merton.example",
          AAD_APP_CLIENT_ID: "11111111-2222-4333-8444-555555555555",
          AAD_APP_TENANT_ID: "66666666-7777-4888-8999-000000000000",
          SECRET_AAD_APP_CLIENT_SECRET: "not-a-real-secret",
          STORAGE_CONNECTION_STRING: connectionString,
        },
      },
    );
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /Strategic MACE \(merton-strategic-mace\): 12 meetings/);
    assert.match(
      run.stderr,
      /Putting the meetings in mace\.panels@merton\.example's Teams calendar through Microsoft Graph/,
    );
    assert.match(run.stderr, /Microsoft 365 did not give MACE panels access to the calendar\./);
  });
});
