import assert from "node:assert/strict";
import { call } from "../support/http.js";
import { PEOPLE } from "../support/people.js";
import { acceptedMertonReferral } from "../support/referrals.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";

// Farah is Merton's analyst on both its panels: she prepares their data reports and sees nothing
// of their casework. Against Azurite, with a Merton child accepted to pre-MACE: every page about
// cases, meetings or people answers her 403 with what to do instead, while the panel's coordinator
// sees the same pages.

const PANEL = "merton-pre-mace";
const MEETING = "2027-01-07";
const REPORTS_ONLY = "As an analyst you see the panel's reports only. Open them from the Reports page.";

describe("An analyst sees a panel's reports only", function () {
  this.timeout(60_000);
  let service: TestService;
  let child: { subjectId: string; reference: string };
  const now = new Date("2026-12-20T12:00:00Z");

  const get = async (person: string, path: string) =>
    call<{ error?: { code: string; message: string } }>(service, path, {
      token: await signInAs(service, person),
    });

  before(async () => {
    service = await startTestService({}, { now: () => now });
    child = await acceptedMertonReferral(service, "Juniper Invented-Marsh", "3 Madeup Row", MEETING);
  });
  after(() => service.close());

  const pages = () => [
    { what: "the agenda", path: `/api/panels/${PANEL}/meetings/${MEETING}/agenda` },
    { what: "the cohort", path: `/api/panels/${PANEL}/cohort` },
    { what: "the cohort's CSV", path: `/api/panels/${PANEL}/cohort.csv` },
    { what: "the meetings", path: `/api/panels/${PANEL}/meetings?from=2026-12-01&to=2027-03-31` },
    { what: "the meeting room", path: `/api/panels/${PANEL}/meetings/${MEETING}/room` },
    { what: "the action log", path: `/api/panels/${PANEL}/actions` },
    { what: "the members", path: `/api/panels/${PANEL}/members` },
  ];

  it("is refused the agenda, cohort, meetings, meeting room, actions and members, saying where her reports are", async () => {
    for (const { what, path } of pages()) {
      const coordinator = await get(PEOPLE.mertonCoordinator.id, path);
      assert.equal(coordinator.status, 200, `the coordinator opens ${what}`);
      const analyst = await get(PEOPLE.mertonAnalyst.id, path);
      assert.equal(analyst.status, 403, `${what}: ${analyst.text}`);
      assert.deepEqual(analyst.body.error, { code: "reports-only", message: REPORTS_ONLY }, what);
    }
  });

  it("is refused a subject's history and map, as her place gives no sight of the area's record", async () => {
    for (const path of [
      `/api/areas/merton/subjects/${child.subjectId}/history`,
      `/api/areas/merton/subjects/${child.subjectId}/map`,
      `/api/areas/merton/subjects?q=${child.reference}`,
    ]) {
      const analyst = await get(PEOPLE.mertonAnalyst.id, path);
      assert.equal(analyst.status, 403, `${path}: ${analyst.text}`);
      assert.deepEqual(analyst.body.error, {
        code: "reports-only",
        message: "As an analyst you see this area's reports only. Open them from the Reports page.",
      });
      assert.ok(!analyst.text.includes("Juniper"));
    }
  });

  it("is refused the referrals, which are for the panel's coordinators", async () => {
    const analyst = await get(PEOPLE.mertonAnalyst.id, `/api/panels/${PANEL}/referrals`);
    assert.equal(analyst.status, 403);
    assert.equal(
      analyst.body.error?.message,
      "Only Pre-MACE operational panel's coordinators can triage its referrals.",
    );
    assert.ok(!analyst.text.includes("Juniper"));
  });

  it("sees the panel itself, with her role, to find its reports", async () => {
    const panel = await get(PEOPLE.mertonAnalyst.id, `/api/panels/${PANEL}`);
    assert.equal(panel.status, 200, panel.text);
    assert.equal((panel.body as { role?: string }).role, "analyst");
    const list = await call<{ panels: { id: string; role: string }[] }>(service, "/api/panels", {
      token: await signInAs(service, PEOPLE.mertonAnalyst.id),
    });
    assert.deepEqual(
      list.body.panels.map((p) => [p.id, p.role]),
      [
        ["merton-pre-mace", "analyst"],
        ["merton-strategic-mace", "analyst"],
      ],
    );
  });

  it("is not among the members an action's owner is chosen from", async () => {
    const members = await get(PEOPLE.mertonCoordinator.id, `/api/panels/${PANEL}/members`);
    const ids = (members.body as unknown as { members: { id: string }[] }).members.map((m) => m.id);
    assert.ok(ids.includes(PEOPLE.mertonChair.id));
    assert.ok(!ids.includes(PEOPLE.mertonAnalyst.id));
  });
});
