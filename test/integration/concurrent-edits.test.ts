import assert from "node:assert/strict";
import { auditOfArea } from "../support/audit.js";
import { randomUUID } from "node:crypto";
import { actionRow, areaRecords } from "../../bot/src/adapters/tables/area-records.js";
import { keyOf } from "../../bot/src/adapters/tables/entity-store.js";
import { tableFactory, type TableFactory } from "../../bot/src/adapters/tables/storage.js";
import type { AuditAction } from "../../bot/src/domain/audit/audit-entry.js";
import { azurite } from "../support/azurite.js";
import { call, type Reply, type Request } from "../support/http.js";
import { PEOPLE } from "../support/people.js";
import { mertonChild } from "../support/referral-forms.js";
import { acceptedMertonReferral } from "../support/referrals.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";

// Fifty people's saves of one record on the same version at the same moment: one is stored, every
// other is told who saved first and when, and the record, its audit and its case agree with the one.

const PANEL = "merton-pre-mace";
// A meeting no other suite records decisions at.
const MEETING = "2027-10-07";
const RACERS = 50;
const CHANGED_BY = (name: string) => new RegExp(`changed by ${name} at \\d\\d:\\d\\d`);

type Answer = Record<string, unknown>;

describe("Fifty concurrent edits of one record", function () {
  this.timeout(60_000);
  let service: TestService;
  let records: ReturnType<typeof areaRecords>;
  let tables: TableFactory;
  const tokens: Record<string, string> = {};
  let now = new Date("2027-09-20T12:00:00Z");

  before(async () => {
    service = await startTestService({}, { now: () => now });
    for (const person of [
      PEOPLE.mertonCoordinator,
      PEOPLE.mertonChair,
      PEOPLE.mertonNurse,
      PEOPLE.mertonSocialWorker,
    ])
      tokens[person.id] = await signInAs(service, person.id);
    const { connectionString } = await azurite();
    tables = tableFactory({ kind: "connection-string", connectionString });
    records = areaRecords(tables);
  });
  after(() => service.close());

  const api = (personId: string, path: string, request: Request = {}) =>
    call<Answer>(service, `/api/panels/${PANEL}${path}`, { ...request, token: tokens[personId] });

  /** Sends every request at once; exactly one is stored, the others are refused as conflicts. */
  async function race(requests: (() => Promise<Reply<Answer>>)[]) {
    const replies = await Promise.all(requests.map((send) => send()));
    const won = replies.filter((r) => r.ok);
    const refused = replies.filter((r) => !r.ok);
    assert.equal(won.length, 1, `statuses: ${replies.map((r) => r.status).join(" ")}`);
    const unexpected = refused.filter((r) => r.status !== 409);
    assert.deepEqual(
      unexpected.map((r) => `${r.status} ${r.text}`),
      [],
      "every other save is refused as a conflict",
    );
    return { winner: replies.indexOf(won[0] as Reply<Answer>), replies, refused };
  }
  const messageOf = (r: Reply<Answer>) => String((r.body["error"] as { message?: string }).message);
  const audited = async (
    actions: AuditAction[],
    about: (a: { referralId: string | null; subjectId: string | null; reference: string }) => boolean,
  ) =>
    (await auditOfArea(tables, "merton"))
      .map((a) => a.value)
      .filter((a) => actions.includes(a.action) && about(a));

  it(`triage: ${RACERS} accepts, questions and declines on one version; one is stored`, async () => {
    const priya = PEOPLE.mertonCoordinator.id;
    const made = await call<Answer>(service, `/api/panels/${PANEL}/referrals`, {
      token: tokens[PEOPLE.mertonSocialWorker.id],
      body: { kind: "individual", formId: randomUUID(), values: mertonChild("Tess Racecase") },
    });
    assert.equal(made.status, 201, made.text);
    const path = `/referrals/${String(made.body["id"])}`;
    const version = String((await api(priya, path)).body["version"]);
    const steps = Array.from(
      { length: RACERS },
      (_, i) =>
        [
          { decision: "accept", note: `Racer ${i}` },
          { decision: "ask", question: `Racer ${i}` },
          { decision: "decline", reason: `Racer ${i}` },
        ][i % 3],
    );
    const { winner, refused } = await race(
      steps.map((body) => () => api(priya, `${path}/triage`, { ifMatch: version, body })),
    );
    for (const r of refused) assert.match(messageOf(r), CHANGED_BY("Priya Okafor"));

    const step = steps[winner];
    const stored = (await api(priya, path)).body;
    const expected = { accept: "accepted", ask: "more-information-requested", decline: "declined" };
    assert.equal(stored["status"], expected[step?.decision as keyof typeof expected]);
    if (step?.decision === "ask")
      assert.deepEqual(
        (stored["questions"] as { question: string }[]).map((q) => q.question),
        [`Racer ${winner}`],
      );
    const changes = await audited(
      ["referral.accepted", "referral.more-information-requested", "referral.declined"],
      (a) => a.referralId === made.body["id"],
    );
    assert.equal(changes.length, 1);
    // Only an acceptance puts the child into the cohort, and only once.
    const subjects = (await records.subjects.listRange(keyOf("merton"), "subject|")).filter((s) =>
      s.value.referralIds.includes(String(made.body["id"])),
    );
    assert.equal(subjects.length, step?.decision === "accept" ? 1 : 0);
  });

  it(`a decision: ${RACERS} first saves, then ${RACERS} corrections on one version; one of each is stored`, async () => {
    const priya = PEOPLE.mertonCoordinator.id;
    const child = await acceptedMertonReferral(service, "Uma Racecase", "9 Imaginary Close", MEETING);
    // On the meeting's day, Priya signs in to it before recording its decisions.
    now = new Date(`${MEETING}T10:00:00Z`);
    const signIn = await api(priya, `/meetings/${MEETING}/room/sign-in`, {
      body: { agencyId: "mer-csc", capacity: "member", agreed: true },
    });
    assert.equal(signIn.status, 201, signIn.text);
    const path = `/meetings/${MEETING}/decisions/${child.subjectId}`;
    const decisionOf = async () =>
      ((await api(priya, `/meetings/${MEETING}/decisions`)).body["decisions"] as Answer[]).find(
        (d) => d["subjectId"] === child.subjectId,
      );
    const bodies = Array.from({ length: RACERS }, (_, i) =>
      i % 2
        ? { kind: "return", returnTo: "2027-11-04", rationale: `Racer ${i}` }
        : { kind: "continue", reviewDate: "2027-12-01", riskLevel: "significant", rationale: `Racer ${i}` },
    );
    let version = "none";
    for (const round of ["first saves", "corrections"]) {
      const { winner, refused } = await race(
        bodies.map((body) => () => api(priya, path, { method: "PUT", ifMatch: version, body })),
      );
      for (const r of refused) assert.match(messageOf(r), CHANGED_BY("Priya Okafor"));
      const stored = await decisionOf();
      assert.deepEqual(
        [stored?.["kind"], stored?.["rationale"]],
        [bodies[winner]?.kind, `Racer ${winner}`],
        round,
      );
      version = String(stored?.["version"]);
      // The case follows the decision that was stored.
      const held = await records.subjectAndCase("merton", PANEL, child.subjectId);
      assert.equal(
        held.case?.value.nextMeetingDate,
        bodies[winner]?.kind === "return" ? "2027-11-04" : "2027-12-02",
        round,
      );
    }
    assert.equal((await audited(["case.decided"], (a) => a.subjectId === child.subjectId)).length, 2);
  });

  it(`an action: ${RACERS} completions and updates by its owner, the coordinator and the chair on one version`, async () => {
    const people = [PEOPLE.mertonNurse, PEOPLE.mertonCoordinator, PEOPLE.mertonChair];
    const recorded = await api(PEOPLE.mertonCoordinator.id, `/meetings/${MEETING}/actions`, {
      body: {
        title: "Share the school's attendance record",
        text: "Send the attendance record to the allocated social worker.",
        ownerId: PEOPLE.mertonNurse.id,
      },
    });
    assert.equal(recorded.status, 201, recorded.text);
    const action = recorded.body["action"] as { id: string; reference: string; version: string };
    const changes = Array.from({ length: RACERS }, (_, i) => ({
      by: people[i % people.length] ?? PEOPLE.mertonNurse,
      done: i % 2 === 0,
      words: `Racer ${i}`,
    }));
    const { winner, refused } = await race(
      changes.map(
        (c) => () =>
          api(c.by.id, `/actions/${action.id}/${c.done ? "done" : "updates"}`, {
            ifMatch: action.version,
            body: c.done ? { note: c.words } : { text: c.words },
          }),
      ),
    );
    const won = changes[winner];
    for (const r of refused) assert.match(messageOf(r), CHANGED_BY(won?.by.displayName ?? ""));

    const listed = (await api(PEOPLE.mertonCoordinator.id, "/actions")).body["actions"] as Answer[];
    const stored = listed.find((a) => a["id"] === action.id);
    assert.equal(stored?.["status"], won?.done ? "done" : "open");
    if (won?.done)
      assert.deepEqual(stored?.["completed"], { ...(stored?.["completed"] as object), note: won.words });
    const audit = await audited(
      ["action.completed", "action.updated"],
      (a) => a.reference === action.reference,
    );
    assert.deepEqual(
      audit.map((a) => a.action),
      [won?.done ? "action.completed" : "action.updated"],
    );
    const row = await records.actions.get(keyOf("merton"), actionRow(PANEL, action.id));
    assert.deepEqual(
      row?.value.updates.map((u) => u.text),
      won?.done ? [] : [won?.words],
    );
  });
});
