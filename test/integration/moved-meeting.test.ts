import assert from "node:assert/strict";
import { forgetMeetings, startServiceWithGraph } from "../support/graph.js";
import type { GraphServer } from "../../scripts/dev-kit/graph-stand-in/index.js";
import { call, type Request } from "../support/http.js";
import { PEOPLE } from "../support/people.js";
import { signInAs, type TestService } from "../support/service.js";

// Lambeth's MAVE panel meets every other Tuesday. Its coordinator moves the meeting of Tuesday
// 14 January 2031 to the Wednesday, through the tab's API with Teams calendars behind it. The
// meeting keeps its id; its room, sign-in and names follow the Wednesday it is held.

const PANEL = "lambeth-mave";
const MEETING = "2031-01-14";
const TUESDAY = "2031-01-14T14:00:00Z";
const WEDNESDAY = "2031-01-15T14:00:00Z";
interface Room {
  meetingId: string;
  meetingDescription: string;
  inProgress: boolean;
  signedIn: boolean;
  signIns: { name: string }[];
  deciding: { how: string };
}

describe("A meeting moved to another day, through the tab's API", function () {
  this.timeout(30_000);
  let service: TestService;
  let graph: GraphServer;
  let now = new Date("2030-12-20T12:00:00Z");
  const coordinator = PEOPLE.lambethCoordinator;

  const api = async (path: string, request: Request = {}) =>
    call(service, `/api/panels/${PANEL}${path}`, {
      ...request,
      token: await signInAs(service, coordinator.id),
    });
  const room = async () => (await api(`/meetings/${MEETING}/room`)).body as unknown as Room;
  const signIn = () =>
    api(`/meetings/${MEETING}/room/sign-in`, {
      body: { agencyId: coordinator.agencyId, capacity: "member", agreed: true },
    });

  before(async () => {
    ({ service, graph } = await startServiceWithGraph({ now: () => now }));
    await forgetMeetings(PANEL);
    const scheduled = await api("/schedule", { body: { from: "2031-01-01", to: "2031-03-31" } });
    assert.equal(scheduled.status, 201, JSON.stringify(scheduled.body));
    const listed = (await api("/meetings?from=2031-01-01&to=2031-01-31")).body as unknown as {
      meetings: { id: string; version: string | null }[];
    };
    const first = listed.meetings.find((m) => m.id === MEETING);
    const moved = await api(`/meetings/${MEETING}/move`, {
      body: { date: "2031-01-15", startTime: "13:00", reason: "The room is taken on Tuesday" },
      ifMatch: first?.version ?? "",
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
  });
  after(async () => {
    await forgetMeetings(PANEL);
    await service.close();
    await graph.close();
  });

  it("the panel's meetings are listed by the day they are held: the moved one from the Wednesday", async () => {
    const listed = async (from: string, to: string) =>
      (
        (await api(`/meetings?from=${from}&to=${to}`)).body as unknown as {
          meetings: { id: string; date: string }[];
        }
      ).meetings.map((m) => [m.id, m.date]);
    assert.deepEqual(await listed("2031-01-14", "2031-01-14"), []);
    assert.deepEqual(await listed("2031-01-15", "2031-01-28"), [
      [MEETING, "2031-01-15"],
      ["2031-01-28", "2031-01-28"],
    ]);
  });

  it("on the Tuesday it is not the meeting's day: sign-in is not open and decisions wait for it", async () => {
    now = new Date(TUESDAY);
    const tuesday = await room();
    assert.deepEqual(
      [tuesday.meetingId, tuesday.meetingDescription, tuesday.inProgress, tuesday.deciding.how],
      [MEETING, "Wednesday 15 January 2031, 13:00 to 16:00", false, "chairs-decision"],
    );
    const refused = await signIn();
    assert.equal(refused.status, 409, JSON.stringify(refused.body));
    assert.equal((refused.body["error"] as { code: string }).code, "not-meeting-day");
  });

  it("on the Wednesday sign-in is open, names wait for it, and decisions are taken at the meeting", async () => {
    now = new Date(WEDNESDAY);
    const before = await room();
    assert.deepEqual(
      [before.inProgress, before.signedIn, before.deciding.how],
      [true, false, "at-the-meeting"],
    );
    const agenda = (await api(`/meetings/${MEETING}/agenda`)).body;
    assert.equal(agenda["namesHidden"], true);

    const signed = await signIn();
    assert.equal(signed.status, 201, JSON.stringify(signed.body));
    const after = signed.body as unknown as Room;
    assert.deepEqual([after.signedIn, after.signIns.map((s) => s.name)], [true, [coordinator.displayName]]);
    assert.equal((await api(`/meetings/${MEETING}/agenda`)).body["namesHidden"], false);
  });
});
