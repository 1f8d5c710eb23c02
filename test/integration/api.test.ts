import assert from "node:assert/strict";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { repositories } from "../../bot/src/adapters/tables/repositories.js";
import { tableFactory } from "../../bot/src/adapters/tables/storage.js";
import { azurite } from "../support/azurite.js";
import { call } from "../support/http.js";
import { PEOPLE } from "../support/people.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";

interface PanelList {
  panels: {
    id: string;
    name: string;
    role: string;
    area: { name: string };
    nextMeetings: { date: string; start: string }[];
  }[];
}

describe("The tab's API", () => {
  let service: TestService;
  const now = new Date("2026-11-24T12:00:00Z");

  before(async () => {
    service = await startTestService({}, { now: () => now });
  });
  after(async () => service.close());

  const get = (path: string, token?: string) => call(service, path, { token });

  async function forge(
    claims: Record<string, unknown>,
    options: { expiresIn?: string; issuer?: string; audience?: string } = {},
  ) {
    const { privateKey, publicKey } = await generateKeyPair("ES256");
    await exportJWK(publicKey);
    return new SignJWT({ oid: PEOPLE.mertonCoordinator.id, name: "Priya Okafor", ...claims })
      .setProtectedHeader({ alg: "ES256", kid: "not-the-real-key" })
      .setIssuer(options.issuer ?? `${service.url}/dev-idp`)
      .setAudience(options.audience ?? "api://localhost/mace-panels")
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? "1h")
      .sign(privateKey);
  }

  it("shows the demo coordinator the Merton panels with their next three meetings", async () => {
    const token = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const res = await get("/api/panels", token);
    assert.equal(res.status, 200);
    const body = res.body as unknown as PanelList;
    assert.deepEqual(
      body.panels.map((p) => [p.area.name, p.name, p.role]),
      [
        ["Merton", "Pre-MACE operational panel", "coordinator"],
        ["Merton", "Strategic MACE", "coordinator"],
      ],
    );
    assert.deepEqual(
      body.panels[0]?.nextMeetings.map((m) => m.start),
      ["2026-12-03T09:30:00+00:00", "2027-01-07T09:30:00+00:00", "2027-02-04T09:30:00+00:00"],
    );
  });

  it("tells the signed-in person who they are, from the people directory", async () => {
    const res = await get("/api/me", await signInAs(service, PEOPLE.mertonSocialWorker.id));
    assert.deepEqual(res.body, {
      id: PEOPLE.mertonSocialWorker.id,
      displayName: "Grace Mensah",
      jobTitle: "Social worker, Contextual Harm team",
      agency: "Children's Social Care",
      manages: [],
      refers: true,
    });
  });

  it("refuses every API request without a valid token, and says why in plain words", async () => {
    const cases: [string, string | undefined, RegExp][] = [
      ["no token", undefined, /Sign in to use MACE panels/],
      ["a token signed with another key", await forge({}), /could not be verified/],
      [
        "a token for another audience",
        await forge({}, { audience: "api://elsewhere" }),
        /could not be verified/,
      ],
      ["an unsigned token", "eyJhbGciOiJub25lIn0.eyJvaWQiOiJ4In0.", /could not be verified/],
    ];
    for (const [what, token, message] of cases) {
      const res = await get("/api/panels", token);
      assert.equal(res.status, 401, what);
      const body = res.body as { error: { message: string } };
      assert.match(body.error.message, message, what);
    }
  });

  it("refuses an expired token from the right issuer", async () => {
    const res = await call<{ token: string }>(service, "/dev-idp/token", {
      body: { personId: PEOPLE.mertonCoordinator.id },
    });
    const { token } = res.body;
    const [header, payload, signature] = token.split(".");
    const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString()) as Record<string, number>;
    claims["exp"] = Math.floor(Date.now() / 1000) - 3600;
    const tampered = `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${signature}`;
    assert.equal((await get("/api/panels", tampered)).status, 401);
  });

  it("shows a panel only to its members (403 for others, 404 for an unknown panel)", async () => {
    const lambeth = await signInAs(service, PEOPLE.lambethCoordinator.id);
    const refused = await get("/api/panels/merton-pre-mace", lambeth);
    assert.equal(refused.status, 403);
    assert.match(
      (refused.body as { error: { message: string } }).error.message,
      /not a member of this panel/,
    );
    assert.equal((await get("/api/panels/no-such-panel", lambeth)).status, 404);
    const own = await get("/api/panels/lambeth-mave", lambeth);
    assert.equal(own.status, 200);
    assert.equal((own.body as { durationMinutes: number }).durationMinutes, 180);
  });

  /** A channel of Merton's team, recorded as the bot records a channel it is added to. */
  const recordChannel = async (conversationId: string, name: string) =>
    repositories(
      tableFactory({ kind: "connection-string", connectionString: (await azurite()).connectionString }),
    ).conversations.upsert(
      {
        scope: "channel",
        key: conversationId,
        teamId: "team-merton",
        teamName: "Merton MACE",
        reference: { conversation: { id: conversationId, name } },
      },
      "bot",
    );

  it("lets only coordinators link a channel, and refuses an edit made on an old version", async () => {
    const conversationId = "19:merton-mace-channel@thread.tacv2";
    // The bot stores channels it is added to; here one is recorded as the bot would.
    await recordChannel(conversationId, "MACE panels");

    const coordinator = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const chair = await signInAs(service, PEOPLE.mertonChair.id);
    const opened = await get("/api/panels/merton-pre-mace", coordinator);
    const etag = opened.etag;
    const put = (token: string, version: string | undefined) =>
      call(service, "/api/panels/merton-pre-mace/channel", {
        method: "PUT",
        token,
        ifMatch: version,
        body: { conversationId },
      });

    assert.equal((await put(chair, etag)).status, 403);
    assert.equal((await put(coordinator, undefined)).status, 428);
    const saved = await put(coordinator, etag);
    assert.equal(saved.status, 200);
    assert.deepEqual(saved.body["channel"], {
      teamId: "team-merton",
      channelId: conversationId,
      name: "MACE panels",
    });
    const stale = await put(coordinator, etag);
    assert.equal(stale.status, 412);
    assert.match(
      (stale.body as { error: { message: string } }).error.message,
      /changed by Priya Okafor at \d\d:\d\d/,
    );
  });

  it("keeps each area's panels to its own team: another area cannot link a panel to that team's channel", async () => {
    // Merton's pre-MACE holds team-merton (linked in the test before); a second channel of that team.
    const conversationId = "19:merton-general@thread.tacv2";
    await recordChannel(conversationId, "General");
    const lambeth = await signInAs(service, PEOPLE.lambethCoordinator.id);
    const opened = await get("/api/panels/lambeth-mave", lambeth);
    const refused = await call<{ error: { code: string; message: string } }>(
      service,
      "/api/panels/lambeth-mave/channel",
      {
        method: "PUT",
        token: lambeth,
        ifMatch: opened.etag ?? "",
        body: { conversationId },
      },
    );
    assert.equal(refused.status, 409);
    assert.deepEqual(refused.body?.error, {
      code: "other-area",
      message: "That channel's team already holds Merton's panels. Choose a channel of your own area's team.",
    });
    const after = await get("/api/panels/lambeth-mave", lambeth);
    assert.equal((after.body as { channel: unknown }).channel, null);
  });

  it("answers malformed input with 400 and a reason, writing nothing", async () => {
    const coordinator = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const res = await call<{ error: { message: string; fields: { field: string }[] } }>(
      service,
      "/api/panels/merton-pre-mace/channel",
      { method: "PUT", token: coordinator, ifMatch: 'W/"x"', body: { conversationId: 42, extra: true } },
    );
    assert.equal(res.status, 400);
    const body = res.body;
    assert.match(body.error.message, /Nothing was saved/);
    assert.ok(body.error.fields.some((f) => f.field === "conversationId"));
  });

  it("reports health without authentication and serves the built tab", async () => {
    assert.deepEqual((await get("/healthz")).body, { status: "ok", panels: 19 });
    const tab = await get("/tab/");
    assert.equal(tab.status, 200);
    assert.match(tab.text, /<title>MACE panels<\/title>/);
  });

  it("lists a panel's meetings between two dates in UK time, bank holidays moved, for its members only", async () => {
    const coordinator = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const res = await get("/api/panels/merton-pre-mace/meetings?from=2026-01-01&to=2026-12-31", coordinator);
    assert.equal(res.status, 200);
    const body = res.body as unknown as {
      timeZone: string;
      meetings: { date: string; start: string; end: string; status: string }[];
    };
    assert.equal(body.timeZone, "Europe/London");
    assert.equal(body.meetings.length, 12);
    assert.deepEqual(body.meetings[0], {
      id: "2026-01-02",
      date: "2026-01-02",
      start: "2026-01-02T09:30:00+00:00",
      end: "2026-01-02T13:30:00+00:00",
      description: "Friday 2 January 2026, 09:30 to 13:30",
      status: "planned",
      joinUrl: null,
      note: null,
      version: null,
    });
    assert.equal(body.meetings[6]?.start, "2026-07-02T09:30:00+01:00");

    const backwards = await get(
      "/api/panels/merton-pre-mace/meetings?from=2026-12-31&to=2026-01-01",
      coordinator,
    );
    assert.equal(backwards.status, 400);
    assert.match(JSON.stringify(backwards.body), /from must be on or before to/);
    assert.equal(
      (await get("/api/panels/merton-pre-mace/meetings?from=soon&to=later", coordinator)).status,
      400,
    );
    const lambeth = await signInAs(service, PEOPLE.lambethCoordinator.id);
    assert.equal(
      (await get("/api/panels/merton-pre-mace/meetings?from=2026-01-01&to=2026-02-01", lambeth)).status,
      403,
    );
  });

  it("gives a panel's meetings as an iCalendar file, one series with its rule", async () => {
    const coordinator = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const res = await get(
      "/api/panels/merton-pre-mace/calendar.ics?from=2027-01-01&to=2027-12-31",
      coordinator,
    );
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /^text\/calendar/);
    assert.match(
      res.headers.get("content-disposition") ?? "",
      /merton-pre-mace-2027-01-01-to-2027-12-31\.ics/,
    );
    const ics = res.text;
    assert.match(ics, /DTSTART;TZID=Europe\/London:20270107T093000/);
    assert.match(ics, /RRULE:FREQ=MONTHLY;INTERVAL=1;UNTIL=20271202T093000Z;BYDAY=TH;BYSETPOS=1/);
    const lambeth = await signInAs(service, PEOPLE.lambethCoordinator.id);
    assert.equal(
      (await get("/api/panels/merton-pre-mace/calendar.ics?from=2027-01-01&to=2027-12-31", lambeth)).status,
      403,
    );
  });
});
