import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { BlobServiceClient } from "@azure/storage-blob";
import { azurite } from "../support/azurite.js";
import { changedRows, inPool, mutate, random, snapshotTables } from "../support/fuzz.js";
import { call } from "../support/http.js";
import { PEOPLE } from "../support/people.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";

// The tab API's writes sent bodies no tab sends, by its coordinator (and, where only coordinators
// may write, by a member): every one is refused in words, none is a fault, none changes anything.

const CASES = 400;
const PANEL = "/api/panels/merton-pre-mace";
const NO_CHOICE_BODY = {
  sectionId: null,
  order: null,
  slotMinutes: null,
  category: null,
  rationale: null,
  groupKey: null,
};
const STRATEGIC = "/api/panels/merton-strategic-mace";
const STALE = `W/"datetime'2026-01-01T00%3A00%3A00.0000000Z'"`;

interface Target {
  method: string;
  path: string;
  /** A body that cannot succeed, however it is broken: a required field is missing or an id forged. */
  base: Record<string, unknown>;
  as: "coordinator" | "member" | "referrer";
  ifMatch?: string;
}

function targets(referral: string): Target[] {
  const stranger = randomUUID();
  const nurse = PEOPLE.mertonNurse.id;
  const meeting = `${PANEL}/meetings/2026-12-03`;
  const post = (path: string, base: Record<string, unknown>, as: Target["as"] = "coordinator") => ({
    method: "POST",
    path,
    base,
    as,
  });
  const put = (path: string, base: Record<string, unknown>, as: Target["as"] = "coordinator") => ({
    method: "PUT",
    path,
    base,
    as,
  });
  return [
    post(`${PANEL}/referrals`, { kind: "individual", formId: randomUUID(), subjectName: "Fuzz" }),
    { ...post(`${PANEL}/referrals/${referral}/triage`, { decision: "accept", note: "x" }), ifMatch: STALE },
    { ...post(`${PANEL}/referrals/${referral}/approval`, { decision: "approved" }), ifMatch: STALE },
    { ...post(`${PANEL}/referrals/${referral}/answer`, { answer: "x" }), ifMatch: STALE },
    // Withdrawing: by its referrer on a stale version, or by someone else.
    { ...post(`${PANEL}/referrals/${referral}/withdraw`, { reason: "x" }, "referrer"), ifMatch: STALE },
    { ...post(`${PANEL}/referrals/${referral}/withdraw`, { reason: "x" }), ifMatch: STALE },
    // No title or text, so never recorded, whatever the outside owner and the confirmation say.
    // The tab's referral form: linking to a known record from a referral that does not exist.
    post(
      `/api/referral-form`,
      {
        verb: "referral.link",
        data: { panelId: "merton-pre-mace", referralId: randomUUID(), subjectId: stranger },
      },
      "referrer",
    ),
    post(`${meeting}/actions`, {
      ownerId: nurse,
      dueDate: "2026-12-17",
      outsideOwner: { role: "Safeguarding lead", organisation: "Fuzz Academy" },
      confirmOverdue: true,
    }),
    { ...post(`${PANEL}/actions/${randomUUID()}/done`, { note: "x" }), ifMatch: STALE },
    { ...post(`${PANEL}/actions/${randomUUID()}/updates`, { text: "fuzz" }), ifMatch: STALE },
    {
      ...post(`${PANEL}/actions/${randomUUID()}/extend`, {
        dueDate: "2026-12-31",
        reason: "the school is closed",
      }),
      ifMatch: STALE,
    },
    {
      ...post(`${PANEL}/actions/${randomUUID()}/reassign`, { ownerId: nurse, reason: "she leads on it now" }),
      ifMatch: STALE,
    },
    {
      ...post(`${PANEL}/actions/${randomUUID()}/not-possible`, { reason: "the family moved away" }),
      ifMatch: STALE,
    },
    { ...put(`${meeting}/agenda/cases/${stranger}`, { included: true }), ifMatch: STALE },
    { ...put(`${meeting}/agenda/cases/${stranger}/meeting`, { meetingId: "2026-12-17" }), ifMatch: STALE },
    // That plans are having impact, so the case's people need not attend: on a stale agenda, or by a member.
    {
      ...put(`${meeting}/agenda/cases/${stranger}`, { plansHaveImpact: "The plan is working." }),
      ifMatch: STALE,
    },
    put(
      `${meeting}/agenda/cases/${stranger}`,
      { ...NO_CHOICE_BODY, plansHaveImpact: "The plan is working." },
      "member",
    ),
    post(`${meeting}/agenda/publish`, {}, "member"),
    post(`${meeting}/room/sign-in`, { agencyId: "mer-csc", capacity: "member", agreed: true }),
    post(`${meeting}/room/apologies`, { personId: nurse, agencyId: "mer-health" }, "member"),
    post(`${meeting}/room/sign-in-card`, {}, "member"),
    { ...put(`${meeting}/decisions/${stranger}`, { outcome: "close", rationale: "x" }), ifMatch: STALE },
    {
      ...put(`${meeting}/thresholding/cases/${stranger}`, {
        districtPanelId: "merton-pre-mace",
        category: 1,
      }),
      ifMatch: STALE,
    },
    {
      ...put(
        `/api/panels/staffordshire-pre-mace-thresholding/meetings/2026-11-26/thresholding/cases/${stranger}`,
        {
          districtPanelId: "staffordshire-tamworth",
          category: 2,
        },
      ),
      ifMatch: STALE,
    },
    // The meeting's record: a note before its day, by a member, and the minutes' agreements out of turn.
    { ...put(`${meeting}/notes/case:${stranger}`, { text: "x" }), ifMatch: STALE },
    { ...put(`${meeting}/notes/item:any-other-business`, { text: "x" }, "member"), ifMatch: "none" },
    post(`${meeting}/previous-minutes/agreement`, { correction: "x" }),
    { ...post(`${meeting}/minutes/circulation`, {}, "member"), ifMatch: STALE },
    post(`${PANEL}/schedule`, { from: "2027-01-01", to: "2027-03-31" }, "member"),
    post(`${meeting}/move`, { date: "2026-12-04", reason: "x" }, "member"),
    post(`${meeting}/cancel`, { reason: "x" }, "member"),
    put(`${PANEL}/channel`, { conversationId: "19:fuzz@thread.tacv2" }, "member"),
    put(`/api/areas/merton/people/${nurse}`, { displayName: "Fuzz", jobTitle: "x" }, "member"),
    put(`${PANEL}/members/${nurse}`, { role: "chair" }, "member"),
    { ...put(`${PANEL}/members/${nurse}`, {}, "member"), method: "DELETE" },
    post(`/api/areas/merton/people/import/preview`, { csv: "objectId" }),
    post(`/api/areas/merton/people/import/apply`, { csv: "objectId" }, "member"),
    // The coordinator's own writes, each body missing what the write needs.
    post(`${PANEL}/schedule`, { from: "2027-01-01" }),
    post(`${meeting}/move`, { reason: "x" }),
    post(`${meeting}/cancel`, {}),
    put(`${PANEL}/channel`, {}),
    post(`${meeting}/room/apologies`, { agencyId: "mer-health" }),
    post(`/api/access-requests`, { panelId: "no-such-panel", agencyId: "mer-csc", reason: "x" }),
    post(`/api/access-requests/${randomUUID()}/decision`, { approve: "member" }),
    // The panel's record: links, subjects recorded from them, and a case's theme.
    post(`/api/areas/merton/links`, {
      kind: "exploited-by",
      from: stranger,
      to: randomUUID(),
      panelId: "merton-pre-mace",
    }),
    post(`/api/areas/merton/links`, { kind: "frequents", from: stranger, note: "x" }, "member"),
    post(`/api/areas/merton/links/${randomUUID()}/end`, { reason: "x" }),
    post(`/api/areas/merton/subjects`, { kind: "person-of-concern" }),
    post(`/api/areas/merton/subjects`, { kind: "location-of-concern", label: "Fuzz Arcade" }, "member"),
    { ...put(`${PANEL}/cases/${stranger}/theme`, { theme: "missing" }), ifMatch: STALE },
    put(`${PANEL}/cases/${stranger}/theme`, { theme: "missing" }, "member"),
    // Reports: the area's population baseline with a row no form asks, or by a member; a month
    // not yet begun worked out, or any month by a member.
    put(`/api/areas/merton/population-baseline`, {
      source: "ONS",
      year: 2024,
      csv: "ethnicity,children\nWhte British,5\n",
    }),
    put(
      `/api/areas/merton/population-baseline`,
      { source: "ONS", year: 2024, csv: "white-british,5" },
      "member",
    ),
    post(`/api/areas/merton/report-figures/2027-06`, {}),
    post(`/api/areas/merton/report-figures/2026-10`, {}, "member"),
    // The strategic register and forward plan: an entry without its title, or raised by someone
    // not on the strategic panel; changes to an entry that does not exist; a plan on a stale
    // version, or by a member; an escalation raised for a case the meeting did not escalate.
    post(`${STRATEGIC}/register`, { id: randomUUID(), kind: "blockage", description: "Fuzz description" }),
    post(
      `${STRATEGIC}/register`,
      { id: randomUUID(), kind: "theme", title: "Fuzz", description: "x y z" },
      "member",
    ),
    {
      ...post(`${STRATEGIC}/register/${randomUUID()}/reviews`, {
        meetingId: "2026-11-19",
        note: "Fuzz note",
      }),
      ifMatch: STALE,
    },
    { ...post(`${STRATEGIC}/register/${randomUUID()}/close`, { outcome: "Fuzz outcome" }), ifMatch: STALE },
    { ...put(`${STRATEGIC}/register/${randomUUID()}/owner`, { ownerId: nurse }), ifMatch: STALE },
    {
      ...put(`${STRATEGIC}/forward-plan/2026-12-17`, { topics: [{ id: randomUUID(), title: "Fuzz topic" }] }),
      ifMatch: STALE,
    },
    put(`${STRATEGIC}/forward-plan/2026-12-17`, { topics: [] }, "member"),
    post(`${meeting}/cases/${stranger}/register`, {
      id: randomUUID(),
      kind: "blockage",
      title: "Fuzz",
      description: "Fuzz description",
    }),
    // Documents: a file sent as JSON is no file; a review or a download link of a document that
    // is not there; a referral's documents by a member, who does not see referrals.
    post(`${PANEL}/referrals/${referral}/documents?kind=risk-assessment`, { file: "x" }),
    post(`${PANEL}/referrals/${referral}/documents?kind=other`, { file: "x" }, "member"),
    post(`/api/areas/merton/subjects/${stranger}/documents?panelId=merton-pre-mace&kind=other`, {}),
    post(`/api/areas/merton/subjects/${stranger}/documents/${randomUUID()}/review`, {
      note: "Seen",
      version: STALE,
    }),
    post(`/api/areas/merton/subjects/${stranger}/documents/${randomUUID()}/link`, { referralId: null }),
    post(`${PANEL}/referrals/${referral}/documents/${randomUUID()}/link`, {}),
    // Download links: to something that is no file, and to a file this member may not have.
    post("/api/downloads", { path: `${meeting}/room` }),
    post("/api/downloads", { path: "/api/areas/merton/people/template.csv" }, "member"),
  ];
}

/** The names of the documents' files kept in blob storage. */
async function keptFiles(): Promise<string[]> {
  const container = BlobServiceClient.fromConnectionString(
    (await azurite()).connectionString,
  ).getContainerClient("documents");
  const names: string[] = [];
  for await (const blob of container.listBlobsFlat()) names.push(blob.name);
  return names.sort();
}

describe("The tab API fuzzed with malformed bodies", function () {
  this.timeout(60_000);
  let service: TestService;
  const r = random();

  before(async () => {
    service = await startTestService({}, { now: () => new Date("2026-11-24T12:00:00Z") });
    await service.noticesDelivered();
  });
  after(() => service.close());

  it(`refuses ${CASES} malformed bodies across the API's writes in words, changing nothing`, async () => {
    console.log(`    fuzz seed ${r.seed} (FUZZ_SEED=${r.seed} replays it)`);
    const tokens = {
      coordinator: await signInAs(service, PEOPLE.mertonCoordinator.id),
      member: await signInAs(service, PEOPLE.mertonPoliceOfficer.id),
      referrer: await signInAs(service, PEOPLE.mertonSocialWorker.id),
    };
    const list = await call<{ referrals: { id: string; status: string }[] }>(service, `${PANEL}/referrals`, {
      token: tokens.coordinator,
    });
    // One still waiting, so that a withdrawal with a valid reason meets only the stale version.
    const waiting = list.body.referrals.find((x) => x.status === "new") ?? list.body.referrals[0];
    const all = targets(waiting?.id ?? randomUUID());
    const cases = Array.from({ length: CASES }, (_, n) => {
      const target = all[n % all.length] as Target;
      return { n, target, body: mutate(r, target.base) };
    });

    const before = await snapshotTables();
    const filesBefore = await keptFiles();
    const failures: string[] = [];
    const started = Date.now();
    await inPool(cases, 4, async ({ n, target, body }) => {
      const res = await call<{ error?: { message?: unknown } }>(service, target.path, {
        method: target.method,
        token: tokens[target.as],
        body,
        ifMatch: target.ifMatch,
      });
      const message = res.body?.error?.message;
      if (res.status >= 500 || res.status < 400 || typeof message !== "string" || !message)
        failures.push(`case ${n} ${target.method} ${target.path}: ${res.status} ${res.text.slice(0, 200)}`);
    });
    await service.noticesDelivered();
    console.log(`    sent ${CASES} bodies over ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const faults = service.logLines.filter((l) => /"level":50/.test(l));
    // Notices already waiting may be tried (and cleared) while the suite runs.
    const changed = changedRows(
      before,
      await snapshotTables(),
      (key, how) => key.includes("|notice|") && how !== "added",
    );
    assert.deepEqual(
      { failures, faults: faults.map((l) => l.slice(0, 300)), changed, files: await keptFiles() },
      { failures: [], faults: [], changed: [], files: filesBefore },
      `seed ${r.seed}`,
    );
  });

  it("refuses download links changed by hand with a page in words, opening nothing and recording no use", async () => {
    const asked = await call<{ url: string }>(service, "/api/downloads", {
      body: { path: `${PANEL}/actions.csv` },
      token: await signInAs(service, PEOPLE.mertonCoordinator.id),
    });
    assert.equal(asked.status, 200, asked.text);
    const token = asked.body.url.replace("/downloads/", "");
    const changedBy = [
      (t: string) => t.slice(0, r.int(t.length)),
      (t: string) => `${t}${"x".repeat(1 + r.int(20))}`,
      (t: string) => {
        const at = r.int(t.length);
        return `${t.slice(0, at)}${r.pick(["A", "b", "-", "_", ".", "%2F", "0"])}${t.slice(at + 1)}`;
      },
      (t: string) => `${t.slice(t.length >> 1)}${t.slice(0, t.length >> 1)}`,
      () => encodeURIComponent(r.pick(["../api/panels", "%00", "<script>", "..%2F..%2Fhealthz", "é"])),
    ];
    const before = await snapshotTables();
    const failures: string[] = [];
    await inPool(
      Array.from({ length: 100 }, (_, n) => ({ n, forged: r.pick(changedBy)(token) })),
      4,
      async ({ n, forged }) => {
        if (forged === token) return;
        const res = await call(service, `/downloads/${forged}`);
        if (res.status < 400 || res.status >= 500 || !/download/i.test(res.text) || /<script>/.test(res.text))
          failures.push(`case ${n} ${forged.slice(0, 60)}: ${res.status} ${res.text.slice(0, 200)}`);
      },
    );
    assert.deepEqual(
      { failures, changed: changedRows(before, await snapshotTables(), (key) => key.includes("|notice|")) },
      { failures: [], changed: [] },
      `seed ${r.seed}`,
    );
    // The link itself was never spent.
    assert.equal((await call(service, asked.body.url)).status, 200);
  });
});
