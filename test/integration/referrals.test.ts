import assert from "node:assert/strict";
import { auditOfArea } from "../support/audit.js";
import { randomUUID } from "node:crypto";
import { areaRecords } from "../../bot/src/adapters/tables/area-records.js";
import { keyOf } from "../../bot/src/adapters/tables/entity-store.js";
import { repositories } from "../../bot/src/adapters/tables/repositories.js";
import { tableFactory, type TableFactory } from "../../bot/src/adapters/tables/storage.js";
import { roundTripCounter, scanIn } from "../../scripts/lib/round-trips.js";
import { azurite } from "../support/azurite.js";
import { referralDeskOver } from "../support/referral-desk-over.js";
import { call } from "../support/http.js";
import { PEOPLE } from "../support/people.js";
import { forgetMertonReferrals } from "../support/forget-referrals.js";
import { mertonChild } from "../support/referral-forms.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";

const now = new Date("2026-11-24T12:00:00Z");

interface ReferralBody {
  id: string;
  reference: string;
  status: string;
  meetingDate: string | null;
  possibleDuplicates: { subjectId?: string; referralId?: string; reference: string; matchedOn: string }[];
  subject: string;
}

describe("Referrals through the tab's API, stored in Azurite", () => {
  let service: TestService;
  let tokens: Record<string, string>;
  let storage: {
    repos: ReturnType<typeof repositories>;
    records: ReturnType<typeof areaRecords>;
    tables: TableFactory;
  };

  before(async () => {
    service = await startTestService({}, { now: () => now });
    tokens = {
      grace: await signInAs(service, PEOPLE.mertonSocialWorker.id),
      priya: await signInAs(service, PEOPLE.mertonCoordinator.id),
      leila: await signInAs(service, PEOPLE.lambethCoordinator.id),
      nadia: await signInAs(service, PEOPLE.lambethPractitioner.id),
      colm: await signInAs(service, PEOPLE.lambethManager.id),
    };
    const tables = tableFactory({
      kind: "connection-string",
      connectionString: (await azurite()).connectionString,
    });
    storage = { repos: repositories(tables), records: areaRecords(tables), tables };
  });
  // The suite's referrals and the notices they owe go afterwards, so other suites' chats do not get them.
  const made: string[] = [];
  after(async () => {
    await service.close();
    await forgetMertonReferrals(made);
  });

  const send = (who: string, method: string, path: string, body?: unknown) =>
    call<Record<string, unknown> & ReferralBody>(service, `/api${path}`, {
      method,
      token: tokens[who],
      body,
    });
  /** A change made as a client would make it: on the version it has just read. */
  const act = async (who: string, path: string, body: unknown) => {
    const read = await call<{ version: string }>(
      service,
      `/api${path.replace(/\/(triage|approval|answer)$/, "")}`,
      {
        token: tokens[who],
      },
    );
    const version = read.ok ? read.body.version : "not-read";
    return call<Record<string, unknown> & ReferralBody>(service, `/api${path}`, {
      token: tokens[who],
      ifMatch: version,
      body,
    });
  };
  const refer = (
    who: string,
    panelId: string,
    values: object,
    formId: string = randomUUID(),
    kind = "individual",
  ) => {
    made.push(formId);
    return send(who, "POST", `/panels/${panelId}/referrals`, { kind, formId, values });
  };
  const mertonReferrals = async () =>
    storage.records.referrals.listRange(keyOf("merton"), "referral|merton-pre-mace|");

  it("stores a practitioner's referral once, with a reference and the meeting it goes to, even when sent twice", async () => {
    const formId = randomUUID();
    const before = (await mertonReferrals()).length;
    const first = await refer("grace", "merton-pre-mace", mertonChild("Ivy Testcase"), formId);
    assert.equal(first.status, 201);
    assert.match(first.body.reference, /^MER-2026-\d{4}$/);
    assert.equal(first.body.status, "new");
    // Merton's deadline is a week before the panel: on 24 November, 3 December is still open.
    assert.equal(first.body.meetingDate, "2026-12-03");

    const again = await refer("grace", "merton-pre-mace", mertonChild("Ivy Testcase"), formId);
    assert.equal(again.status, 200);
    assert.equal(again.body.reference, first.body.reference);

    // A double click: the same form sent twice at once.
    const twice = randomUUID();
    const [a, b] = await Promise.all([
      refer("grace", "merton-pre-mace", mertonChild("Jude Testcase"), twice),
      refer("grace", "merton-pre-mace", mertonChild("Jude Testcase"), twice),
    ]);
    assert.equal(a.body.reference, b.body.reference);
    assert.deepEqual([a.status, b.status].sort(), [200, 201]);
    assert.equal((await mertonReferrals()).length, before + 2);
  });

  it("refuses a referral with mistakes, naming each one, and stores nothing", async () => {
    const before = (await mertonReferrals()).length;
    const res = await refer("grace", "merton-pre-mace", {
      ...mertonChild("Kit Testcase"),
      strategyMeetingDate: "2026-12-20",
      subjectName: 42,
      postcode: "nowhere",
    });
    assert.equal(res.status, 422);
    const fields = (res.body["error"] as { fields: { field: string; message: string }[] }).fields;
    assert.deepEqual(
      fields.map((f) => [f.field, f.message]),
      [
        ["subjectName", "This must be text."],
        ["postcode", "Enter a UK postcode, for example SW19 1AA."],
      ],
    );
    const late = await refer("grace", "merton-pre-mace", {
      ...mertonChild("Kit Testcase"),
      strategyMeetingDate: "2026-12-20",
    });
    assert.equal(late.status, 422);
    assert.match(JSON.stringify(late.body), /The meeting date cannot be in the future/);

    const oversized = await refer("grace", "merton-pre-mace", {
      ...mertonChild("Kit Testcase"),
      request: "x".repeat(5000),
    });
    assert.equal(oversized.status, 400);
    const wrongShape = await send("grace", "POST", "/panels/merton-pre-mace/referrals", {
      kind: "individual",
      values: [],
    });
    assert.equal(wrongShape.status, 400);
    const unknownKind = await refer(
      "grace",
      "merton-pre-mace",
      mertonChild("Kit Testcase"),
      randomUUID(),
      "cat",
    );
    assert.equal(unknownKind.status, 400);
    assert.equal((await mertonReferrals()).length, before);
  });

  it("answers forged panel and referral ids with 404 and a plain message", async () => {
    const panel = await refer("grace", "no-such-panel", mertonChild("Lee Testcase"));
    assert.equal(panel.status, 404);
    assert.match(JSON.stringify(panel.body), /There is no such panel/);
    assert.equal((await send("priya", "GET", "/panels/merton-pre-mace/referrals/not-a-uuid")).status, 404);
    assert.equal(
      (await send("priya", "GET", `/panels/merton-pre-mace/referrals/${randomUUID()}`)).status,
      404,
    );
    const forgedForm = await refer("grace", "merton-pre-mace", mertonChild("Lee Testcase"), "not-a-form-id");
    assert.equal(forgedForm.status, 400);
  });

  it("tells someone who may not see a referral exactly what it tells them of one that does not exist", async () => {
    const made = await refer("grace", "merton-pre-mace", mertonChild("Oona Testcase"));
    const unknown = randomUUID();
    for (const step of ["answer", "approval"]) {
      const body = step === "answer" ? { answer: "More detail." } : { decision: "approved" };
      const answers = await Promise.all(
        [made.body.id, unknown].map((id) =>
          call<{ error: { code: string; message: string } }>(
            service,
            `/api/panels/merton-pre-mace/referrals/${id}/${step}`,
            {
              token: tokens["leila"],
              ifMatch: '"a stale version"',
              body,
            },
          ),
        ),
      );
      assert.deepEqual(
        answers.map((a) => [a.status, a.body?.error]),
        [
          [404, { code: "not-found", message: "There is no such referral on this panel." }],
          [404, { code: "not-found", message: "There is no such referral on this panel." }],
        ],
        step,
      );
    }
    const peek = await send("leila", "GET", `/panels/merton-pre-mace/referrals/${made.body.id}`);
    assert.equal(peek.status, 404);
  });

  it("names the referrer, not their id, when a triage is made on an old copy of a new referral", async () => {
    const made = await refer("grace", "merton-pre-mace", mertonChild("Pip Testcase"));
    const stale = await call<{ error: { message: string } }>(
      service,
      `/api/panels/merton-pre-mace/referrals/${made.body.id}/triage`,
      { token: tokens["priya"], ifMatch: '"an old copy"', body: { decision: "accept" } },
    );
    assert.equal(stale.status, 409);
    assert.match(
      stale.body?.error.message ?? "",
      /^MER-2026-\d{4} was changed by Grace Mensah at \d\d:\d\d\./,
    );
  });

  it("lists only the referrals waiting for triage when the tab asks for those", async () => {
    const waiting = await call<{ referrals: { status: string }[]; next: string | null }>(
      service,
      "/api/panels/merton-pre-mace/referrals?show=waiting&pageSize=200",
      { token: tokens["priya"] },
    );
    assert.equal(waiting.status, 200);
    assert.ok(waiting.body && waiting.body.referrals.length > 0);
    assert.deepEqual(
      [...new Set(waiting.body.referrals.map((r) => r.status))].filter(
        (s) => s !== "new" && s !== "more-information-requested",
      ),
      [],
    );
  });

  it("lets only the panel's referring agencies refer and only its coordinators triage", async () => {
    const outsider = await refer("leila", "merton-pre-mace", mertonChild("Max Testcase"));
    assert.equal(outsider.status, 403);
    assert.match(JSON.stringify(outsider.body), /referring agencies/);
    assert.equal((await send("grace", "GET", "/panels/merton-pre-mace/referrals")).status, 403);
    const made = await refer("grace", "merton-pre-mace", mertonChild("Max Testcase"));
    const triage = await act("grace", `/panels/merton-pre-mace/referrals/${made.body.id}/triage`, {
      decision: "accept",
    });
    assert.equal(triage.status, 403);
    assert.match(JSON.stringify(triage.body), /Only Pre-MACE operational panel's coordinators/);
  });

  it("accepting puts the subject into the cohort as a case, a victim even when also a concern to others", async () => {
    const made = await refer("grace", "merton-pre-mace", mertonChild("Nell Testcase"));
    const accepted = await act("priya", `/panels/merton-pre-mace/referrals/${made.body.id}/triage`, {
      decision: "accept",
      note: "For the December panel",
    });
    assert.equal(accepted.status, 200);
    assert.equal(accepted.body.status, "accepted");
    const stored = await storage.records.referrals.get(
      keyOf("merton"),
      `referral|merton-pre-mace|${made.body.id}`,
    );
    const subjectId = stored?.value.subjectId ?? "";
    const { subject, case: found } = await storage.records.subjectAndCase(
      "merton",
      "merton-pre-mace",
      subjectId,
    );
    assert.equal(subject?.value.label, "Nell Testcase");
    assert.equal(found?.value.placement, "victim");
    assert.equal(found?.value.riskLevel, "significant");
    assert.equal(found?.value.nextMeetingDate, "2026-12-03");

    const twice = await act("priya", `/panels/merton-pre-mace/referrals/${made.body.id}/triage`, {
      decision: "decline",
      reason: "Changed my mind",
    });
    assert.equal(twice.status, 409);
    assert.match(JSON.stringify(twice.body), /accepted by the panel/);
  });

  it("shows a likely duplicate to the referrer and coordinator, who link it instead of making another subject", async () => {
    // The demo data has Jayden Okoro-Hart, born 14 March 2010, accepted onto the cohort.
    const made = await refer("grace", "merton-pre-mace", {
      ...mertonChild("JAYDEN  okoro-hart"),
      dateOfBirth: "2010-03-14",
    });
    assert.equal(made.status, 201);
    // Other suites' referrals for him may be waiting too: the subject is the one to link to.
    const known = made.body.possibleDuplicates.filter((d) => d.subjectId);
    assert.equal(known.length, 1, JSON.stringify(made.body));
    const match = known[0];
    assert.equal(match?.matchedOn, "name-and-date-of-birth");
    assert.match(match?.reference ?? "", /^MER-2026-\d{4}$/);

    const subjectsBefore = (await storage.records.subjects.listRange(keyOf("merton"), "subject|")).length;
    const linked = await act("priya", `/panels/merton-pre-mace/referrals/${made.body.id}/triage`, {
      decision: "accept",
      linkToSubjectId: match?.subjectId,
    });
    assert.equal(linked.status, 200);
    assert.equal(
      (await storage.records.subjects.listRange(keyOf("merton"), "subject|")).length,
      subjectsBefore,
    );
    const { case: found } = await storage.records.subjectAndCase(
      "merton",
      "merton-pre-mace",
      match?.subjectId ?? "",
    );
    assert.ok(found?.value.referralIds.includes(made.body.id));
    assert.equal(found?.value.referralIds.length, 2);
  });

  it("a Lambeth referral reaches the coordinator only after the named manager approves it", async () => {
    const made = await refer("nadia", "lambeth-mave", {
      ...mertonChild("Olu Testcase"),
      blockers: ["no-services"],
      managerId: PEOPLE.lambethManager.id,
    });
    assert.equal(made.status, 201);
    assert.equal(made.body.status, "awaiting-approval");
    assert.match(made.body.reference, /^LAM-2026-\d{4}$/);
    const listed = async () =>
      (
        (await send("leila", "GET", "/panels/lambeth-mave/referrals")).body["referrals"] as { id: string }[]
      ).map((r) => r.id);
    assert.ok(!(await listed()).includes(made.body.id));
    const early = await act("leila", `/panels/lambeth-mave/referrals/${made.body.id}/triage`, {
      decision: "accept",
    });
    assert.equal(early.status, 404, "until approved, it has not reached the panel");
    const peek = await send("leila", "GET", `/panels/lambeth-mave/referrals/${made.body.id}`);
    assert.equal(peek.status, 404);

    // The referral's view says who decides: the referrer reads that her manager does, he that he may.
    const path = `/panels/lambeth-mave/referrals/${made.body.id}`;
    const manager = PEOPLE.lambethManager.displayName;
    assert.deepEqual((await send("nadia", "GET", path)).body["approval"], {
      managerName: manager,
      mayDecide: false,
    });
    assert.deepEqual((await send("colm", "GET", path)).body["approval"], {
      managerName: manager,
      mayDecide: true,
    });
    const notManager = await act("nadia", `/panels/lambeth-mave/referrals/${made.body.id}/approval`, {
      decision: "approved",
    });
    assert.equal(notManager.status, 403);
    assert.match(JSON.stringify(notManager.body), /Only the manager named on LAM-2026-\d{4} can approve it/);
    const approved = await act("colm", `/panels/lambeth-mave/referrals/${made.body.id}/approval`, {
      decision: "approved",
      comment: "Agreed: the education blocker needs the panel.",
    });
    assert.equal(approved.body.status, "new");
    assert.ok((await listed()).includes(made.body.id));
    // Decided: no one is asked to decide it any more.
    assert.equal((await send("colm", "GET", path)).body["approval"], null);
  });

  it("lists a panel's referrals a page at a time, newest first, and refuses a forged cursor", async () => {
    for (const name of ["Ada Pagecase", "Bea Pagecase", "Cy Pagecase"])
      assert.equal((await refer("grace", "merton-pre-mace", mertonChild(name))).status, 201);
    type Page = { referrals: { id: string; submittedAt: string }[]; next: string | null };
    const page = async (query: string) =>
      (
        await call<Page>(service, `/api/panels/merton-pre-mace/referrals?${query}`, {
          token: tokens["priya"],
        })
      ).body;
    const whole = await page("pageSize=200");
    assert.equal(whole.next, null);
    assert.ok(whole.referrals.length >= 3);

    const seen: Page["referrals"] = [];
    let next: string | null = null;
    do {
      const got: Page = await page(`pageSize=2${next ? `&after=${encodeURIComponent(next)}` : ""}`);
      assert.ok(got.referrals.length <= 2);
      seen.push(...got.referrals);
      next = got.next;
    } while (next);
    assert.deepEqual(seen, whole.referrals, "the pages together are the whole list, in order, none twice");
    const times = seen.map((r) => r.submittedAt);
    assert.deepEqual(times, times.slice().sort().reverse());

    const first = await page("pageSize=2");
    const forged = Buffer.from(JSON.stringify({ at: "2026-11-24T12:00:00.000Z", id: "x" })).toString(
      "base64url",
    );
    for (const after of [forged, (first.next ?? "").slice(0, -4), "%00"]) {
      const refused = await send("priya", "GET", `/panels/merton-pre-mace/referrals?after=${after}`);
      assert.equal(refused.status, 400, after);
      assert.deepEqual(refused.body["error"], {
        code: "invalid-cursor",
        message: "This list cannot be continued from here. Load the referrals again.",
      });
    }
    for (const pageSize of ["0", "201", "ten", "1.5"])
      assert.equal(
        (await send("priya", "GET", `/panels/merton-pre-mace/referrals?pageSize=${pageSize}`)).status,
        400,
      );
    assert.equal((await send("priya", "GET", "/panels/merton-pre-mace/referrals?sort=oldest")).status, 400);
  });

  it("a triage made on an old copy is refused with who changed it and when, and nothing is overwritten", async () => {
    const made = await refer("grace", "merton-pre-mace", mertonChild("Sol Testcase"));
    const path = `/panels/merton-pre-mace/referrals/${made.body.id}`;
    const stale = ((await send("priya", "GET", path)).body as unknown as { version: string }).version;
    const asked = await act("priya", `${path}/triage`, { decision: "ask", question: "Who holds the case?" });
    assert.equal(asked.body.status, "more-information-requested");
    const late = await call(service, `/api${path}/triage`, {
      token: tokens["priya"],
      ifMatch: stale,
      body: { decision: "accept" },
    });
    assert.equal(late.status, 409);
    assert.match(
      JSON.stringify(late.body),
      /was changed by Priya Okafor at \d\d:\d\d\. Reload and try again/,
    );
    const unversioned = await send("priya", "POST", `${path}/triage`, { decision: "decline", reason: "x" });
    assert.equal(unversioned.status, 428);
    assert.equal((await send("priya", "GET", path)).body.status, "more-information-requested");
  });

  it("the coordinator can ask the referrer for more, and the answer brings the referral back", async () => {
    const made = await refer("grace", "merton-pre-mace", mertonChild("Pip Testcase"));
    const path = `/panels/merton-pre-mace/referrals/${made.body.id}`;
    const asked = await act("priya", `${path}/triage`, {
      decision: "ask",
      question: "Is the school aware?",
    });
    assert.equal(asked.body.status, "more-information-requested");
    const answered = await act("grace", `${path}/answer`, {
      answer: "Yes, the DSL attended the strategy meeting.",
    });
    assert.equal(answered.body.status, "new");
    const detail = await send("priya", "GET", path);
    assert.deepEqual(detail.body["questions"], [
      {
        question: "Is the school aware?",
        askedBy: "Priya Okafor",
        askedAt: "2026-11-24T12:00:00.000Z",
        answer: "Yes, the DSL attended the strategy meeting.",
        answeredAt: "2026-11-24T12:00:00.000Z",
      },
    ]);
    const answers = detail.body["answers"] as { label: string; value: string }[];
    assert.deepEqual(
      answers.find((a) => a.label === "Ethnicity"),
      { field: "ethnicity", label: "Ethnicity", value: "Not known" },
    );
  });

  it("writes every read and change of a referral to the audit log, with who and how", async () => {
    const made = await refer("grace", "merton-pre-mace", mertonChild("Quin Testcase"));
    await send("priya", "GET", `/panels/merton-pre-mace/referrals/${made.body.id}`);
    await act("priya", `/panels/merton-pre-mace/referrals/${made.body.id}/triage`, {
      decision: "decline",
      reason: "Not exploitation",
    });
    const audit = (await auditOfArea(storage.tables, "merton"))
      .map((a) => a.value)
      .filter((a) => a.referralId === made.body.id)
      .map((a) => [a.action, a.actorId, a.via])
      // Entries made in the same instant (the test's clock stands still) have no order between them.
      .sort((x, y) => String(x[0]).localeCompare(String(y[0])));
    assert.deepEqual(audit, [
      ["referral.created", PEOPLE.mertonSocialWorker.id, "tab: referrals API"],
      ["referral.declined", PEOPLE.mertonCoordinator.id, "tab: triage"],
      // Opened once to look, once more to act on the version just read.
      ["referral.viewed", PEOPLE.mertonCoordinator.id, "tab: referral page"],
      ["referral.viewed", PEOPLE.mertonCoordinator.id, "tab: referral page"],
    ]);
    const entries = JSON.stringify(await auditOfArea(storage.tables, "merton"));
    assert.ok(!entries.includes("Quin Testcase"), "the audit log carries references, not names");
  });

  it("a submit costs two storage round trips one after another, and none of its reads scans", async () => {
    const trips = roundTripCounter();
    const tables = tableFactory(
      { kind: "connection-string", connectionString: (await azurite()).connectionString },
      trips.options,
    );
    const { desk } = referralDeskOver(tables, () => now);
    const before = { requests: trips.count(), sequential: trips.sequential() };
    const result = await desk.submit(
      { id: PEOPLE.mertonSocialWorker.id, name: "Grace Mensah" },
      "merton-pre-mace",
      "individual",
      randomUUID(),
      mertonChild("Rue Testcase"),
    );
    assert.ok(result.ok);
    // The referrer together with the year's counter and the two match keys' ranges; then the
    // one transaction.
    assert.equal(trips.sequential() - before.sequential, 2);
    const sent = trips.requests().slice(before.requests);
    assert.equal(sent.length, 5);
    assert.deepEqual(sent.map(scanIn).filter(Boolean), []);
  });
});
