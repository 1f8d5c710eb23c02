import assert from "node:assert/strict";
import { areaRecords } from "../../bot/src/adapters/tables/area-records.js";
import { tableFactory, type TableFactory } from "../../bot/src/adapters/tables/storage.js";
import { auditOfArea } from "../support/audit.js";
import { azurite } from "../support/azurite.js";
import { forgetAgenda } from "../support/graph.js";
import { call, type Request } from "../support/http.js";
import { PEOPLE } from "../support/people.js";
import { acceptedMertonReferral } from "../support/referrals.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";

// Merton's pre-MACE sections by presenting need (001 appendix 2) through the tab's API: a case's
// theme comes from its referral's screening, and the coordinator moves it to another.

const PANEL = "merton-pre-mace";
// Meetings no other suite uses: the case is accepted for the first and returns to the second.
const FIRST = "2028-03-02";
const NEXT = "2028-04-06";

interface Slot {
  subjects: { subjectId: string }[];
  theme: { id: string | null; caseVersion: string };
}
interface AgendaAnswer {
  entries: { id: string | null; slots: Slot[] }[];
  unplaced: { subjectId: string }[];
  themes: { id: string; title: string }[];
  error?: { message: string };
}

describe("A case's theme through the tab's API, stored in Azurite", () => {
  let service: TestService;
  let tables: TableFactory;
  let priya: string;
  let hannah: string;
  let now = new Date("2028-02-20T12:00:00Z");

  before(async () => {
    service = await startTestService({}, { now: () => now });
    priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    hannah = await signInAs(service, PEOPLE.mertonNurse.id);
    tables = tableFactory({
      kind: "connection-string",
      connectionString: (await azurite()).connectionString,
    });
  });
  after(async () => {
    for (const meeting of [FIRST, NEXT]) await forgetAgenda(PANEL, meeting);
    await service.close();
  });

  const api = <T = Record<string, unknown>>(token: string, path: string, request: Request = {}) =>
    call<T & { error?: { message: string } }>(service, `/api/panels/${PANEL}${path}`, { ...request, token });
  const agendaAt = async (meeting: string) => {
    const { status, body } = await api<AgendaAnswer>(priya, `/meetings/${meeting}/agenda`);
    assert.equal(status, 200, JSON.stringify(body));
    return body;
  };
  const placeOf = (agenda: AgendaAnswer, subjectId: string) =>
    agenda.entries.find((e) => e.slots.some((s) => s.subjects.some((x) => x.subjectId === subjectId)))?.id ??
    (agenda.unplaced.some((c) => c.subjectId === subjectId) ? "to place" : undefined);
  const slotOf = (agenda: AgendaAnswer, subjectId: string) =>
    agenda.entries.flatMap((e) => e.slots).find((s) => s.subjects.some((x) => x.subjectId === subjectId));

  it("a child scoring highest on missing episodes returns in the Missing section; the coordinator moves her to out of borough", async () => {
    // Screened 12 for missing episodes, nothing else.
    const child = await acceptedMertonReferral(service, "Wren Themecase", "3 Invented Row, Morden", FIRST);
    const first = await agendaAt(FIRST);
    assert.equal(placeOf(first, child.subjectId), "new-cases");
    assert.equal(slotOf(first, child.subjectId)?.theme.id, "missing");

    // On the meeting's day, Priya signs in to it and records the decision.
    now = new Date(`${FIRST}T10:00:00Z`);
    const signIn = await api(priya, `/meetings/${FIRST}/room/sign-in`, {
      body: { agencyId: "mer-csc", capacity: "member", agreed: true },
    });
    assert.equal(signIn.status, 201, signIn.text);
    const decided = await api(priya, `/meetings/${FIRST}/decisions/${child.subjectId}`, {
      method: "PUT",
      ifMatch: "none",
      body: { kind: "continue", reviewDate: NEXT, riskLevel: "significant" },
    });
    assert.equal(decided.status, 200, decided.text);
    const next = await agendaAt(NEXT);
    assert.equal(placeOf(next, child.subjectId), "missing");
    assert.deepEqual(
      next.themes.map((t) => t.id),
      ["coercion-control", "missing", "serious-youth-violence", "sexual-health", "out-of-borough"],
    );

    const version = slotOf(next, child.subjectId)?.theme.caseVersion ?? "";
    const path = `/cases/${child.subjectId}/theme`;
    const member = await api(hannah, path, {
      method: "PUT",
      ifMatch: version,
      body: { theme: "out-of-borough" },
    });
    assert.equal(member.status, 403);
    assert.equal(member.body.error?.message, "Only the panel's coordinators can change a case's theme.");
    const unversioned = await api(priya, path, { method: "PUT", body: { theme: "out-of-borough" } });
    assert.equal(unversioned.status, 428);
    const unknown = await api(priya, path, { method: "PUT", ifMatch: version, body: { theme: "runaway" } });
    assert.equal(unknown.status, 400, unknown.text);

    const moved = await api(priya, path, {
      method: "PUT",
      ifMatch: version,
      body: { theme: "out-of-borough" },
    });
    assert.equal(moved.status, 200, moved.text);
    assert.deepEqual(moved.body, { theme: "out-of-borough" });
    assert.equal(placeOf(await agendaAt(NEXT), child.subjectId), "out-of-borough");

    const stale = await api(priya, path, { method: "PUT", ifMatch: version, body: { theme: "missing" } });
    assert.equal(stale.status, 409);
    assert.match(stale.body.error?.message ?? "", /changed by Priya Okafor at \d\d:\d\d/);

    const { case: stored } = await areaRecords(tables).subjectAndCase("merton", PANEL, child.subjectId);
    assert.deepEqual([stored?.value.theme, stored?.value.themeChosen], ["out-of-borough", true]);
    const audited = (await auditOfArea(tables, "merton"))
      .map((a) => a.value)
      .filter((a) => a.action === "case.theme-changed" && a.subjectId === child.subjectId);
    assert.deepEqual(
      audited.map((a) => [a.actorId, a.reference, a.via]),
      [[PEOPLE.mertonCoordinator.id, child.reference, "tab agenda"]],
    );
  });
});
