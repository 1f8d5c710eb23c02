import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { tableFactory } from "../../bot/src/adapters/tables/storage.js";
import type {
  OwnReferralsResponse,
  ReferralDetail,
  ReferralSummary,
  ReferralsResponse,
} from "../../bot/src/adapters/http/contract/index.js";
import { roundTripCounter, scanIn } from "../../scripts/lib/round-trips.js";
import { azurite } from "../support/azurite.js";
import { referralDeskOver } from "../support/referral-desk-over.js";
import { forgetPerson } from "../support/forget-person.js";
import { forgetMertonReferrals } from "../support/forget-referrals.js";
import { call } from "../support/http.js";
import { PEOPLE } from "../support/people.js";
import { newMertonPractitioner } from "../support/new-practitioner.js";
import { mertonChild } from "../support/referral-forms.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";

// The referrer's side through the tab's API: her own referrals, newest first, and withdrawing one
// that still waits; then the same reads and writes counted on Azurite, none of them a scan.

const PANEL = "merton-pre-mace";

describe("A practitioner's own referrals through the tab's API, stored in Azurite", () => {
  let service: TestService;
  let tokens: Record<"wren" | "priya" | "daniel", string>;
  // A referrer of the suite's own: a demo practitioner's list holds other suites' referrals too.
  let wren = { id: "", name: "" };
  let clock = "2026-12-01T10:00:00Z";
  const made: string[] = [];
  const mine: ReferralSummary[] = [];

  before(async () => {
    service = await startTestService({}, { now: () => new Date(clock) });
    const referrer = await newMertonPractitioner("Wren Ownlist");
    wren = { id: referrer.id, name: referrer.displayName };
    tokens = {
      wren: await signInAs(service, referrer.id),
      priya: await signInAs(service, PEOPLE.mertonCoordinator.id),
      daniel: await signInAs(service, PEOPLE.mertonPoliceOfficer.id),
    };
  });
  after(async () => {
    await service.close();
    await forgetMertonReferrals(made);
    await forgetPerson(wren.id, "merton", PANEL);
  });

  const get = <T>(who: keyof typeof tokens, path: string) => call<T>(service, path, { token: tokens[who] });
  const detail = (who: keyof typeof tokens, id: string) =>
    get<ReferralDetail>(who, `/api/panels/${PANEL}/referrals/${id}`);
  const withdraw = (who: keyof typeof tokens, id: string, body: unknown, ifMatch?: string) =>
    call<ReferralSummary & { error?: { message: string } }>(
      service,
      `/api/panels/${PANEL}/referrals/${id}/withdraw`,
      { token: tokens[who], body, ifMatch },
    );

  it("lists her own referrals newest first, a page at a time, each with its panel, meeting, status and the note on its outcome", async () => {
    for (const [at, name] of [
      ["2026-12-01T10:01:00Z", "Ada Ownlist"],
      ["2026-12-01T10:05:00Z", "Bo Ownlist"],
    ] as const) {
      clock = at;
      const formId = randomUUID();
      const sent = await call<ReferralSummary>(service, `/api/panels/${PANEL}/referrals`, {
        token: tokens.wren,
        body: { kind: "individual", formId, values: mertonChild(name) },
      });
      assert.equal(sent.status, 201, sent.text);
      made.push(sent.body.id);
      mine.unshift(sent.body);
    }
    const [newer, older] = mine as [ReferralSummary, ReferralSummary];
    const read = await detail("priya", older.id);
    const declined = await call(service, `/api/panels/${PANEL}/referrals/${older.id}/triage`, {
      token: tokens.priya,
      body: { decision: "decline", reason: "A family matter, not exploitation." },
      ifMatch: read.body.version,
    });
    assert.equal(declined.status, 200, declined.text);

    const first = await get<OwnReferralsResponse>("wren", "/api/referrals/mine?pageSize=1");
    assert.equal(first.status, 200, first.text);
    const top = first.body.referrals[0];
    assert.deepEqual(
      [top?.reference, top?.panel, top?.statusLabel, top?.meetingDate, top?.outcome],
      [
        newer.reference,
        { id: PANEL, name: "Pre-MACE operational panel" },
        "With the panel coordinator",
        // Two days before 3 December is past Merton's week-before deadline.
        "2027-01-07",
        null,
      ],
    );
    assert.ok(first.body.next);
    const second = await get<OwnReferralsResponse>(
      "wren",
      `/api/referrals/mine?pageSize=1&after=${encodeURIComponent(first.body.next)}`,
    );
    const next = second.body.referrals[0];
    assert.deepEqual(
      [next?.reference, next?.status, next?.outcome?.label, next?.outcome?.by, next?.outcome?.text],
      [
        older.reference,
        "declined",
        "Reason for declining",
        "Priya Okafor",
        "A family matter, not exploitation.",
      ],
    );
    assert.equal(second.body.next, null, "only the two she made");
    const priyas = await get<OwnReferralsResponse>("priya", "/api/referrals/mine?pageSize=200");
    assert.ok(
      !priyas.body.referrals.some((r) => made.includes(r.id)),
      "the coordinator's own are hers alone",
    );
    const bad = await get<{ error: { message: string } }>("wren", "/api/referrals/mine?pageSize=0");
    assert.equal(bad.status, 400);
  });

  it("she withdraws one that waits, with a reason; it leaves the coordinator's waiting list; it cannot be withdrawn twice", async () => {
    const [waiting, declined] = mine as [ReferralSummary, ReferralSummary];
    const read = await detail("wren", waiting.id);
    assert.equal((await withdraw("wren", waiting.id, { reason: "x" })).status, 428, "no version, no change");
    assert.equal((await withdraw("wren", waiting.id, { reason: 5 }, read.body.version)).status, 400);
    const other = await withdraw("daniel", waiting.id, { reason: "Not mine" }, read.body.version);
    assert.deepEqual(
      [other.status, other.body.error?.message],
      [404, "There is no such referral on this panel."],
    );

    clock = "2026-12-01T11:00:00Z";
    const done = await withdraw(
      "wren",
      waiting.id,
      { reason: "The family has moved to Kent." },
      read.body.version,
    );
    assert.equal(done.status, 200, done.text);
    assert.deepEqual(
      [done.body.status, done.body.statusLabel, done.body.outcome?.label, done.body.outcome?.text],
      ["withdrawn", "Withdrawn by the referrer", "Reason for withdrawing", "The family has moved to Kent."],
    );
    const triage = await get<ReferralsResponse>(
      "priya",
      `/api/panels/${PANEL}/referrals?show=waiting&pageSize=200`,
    );
    assert.ok(!triage.body.referrals.some((r) => r.id === waiting.id));
    const all = await get<ReferralsResponse>("priya", `/api/panels/${PANEL}/referrals?pageSize=200`);
    assert.equal(all.body.referrals.find((r) => r.id === waiting.id)?.status, "withdrawn");

    const again = await withdraw(
      "wren",
      waiting.id,
      { reason: "Again" },
      (await detail("wren", waiting.id)).body.version,
    );
    assert.deepEqual(
      [again.status, again.body.error?.message],
      [409, `You have already withdrawn ${waiting.reference}.`],
    );
    const decided = await withdraw(
      "wren",
      declined.id,
      { reason: "x" },
      (await detail("wren", declined.id)).body.version,
    );
    assert.deepEqual(
      [decided.status, decided.body.error?.message],
      [409, `${declined.reference} has already been declined by the panel, so there is nothing to withdraw.`],
    );
  });

  it("her list is one key range of the area's records, and a withdrawal one transaction: no scan", async () => {
    const trips = roundTripCounter();
    const tables = tableFactory(
      { kind: "connection-string", connectionString: (await azurite()).connectionString },
      trips.options,
    );
    const { desk } = referralDeskOver(tables, () => new Date(clock));
    const sent = await desk.submit(wren, PANEL, "individual", randomUUID(), mertonChild("Cy Ownlist"));
    assert.ok(sent.ok);
    made.push(sent.referral.id);

    const before = trips.count();
    const page = await desk.own(wren, "test", { pageSize: 10 });
    // Her person's record, the page of her copies, the same range of the archive (her few live
    // referrals do not fill the page) and the audit entry of the view.
    assert.deepEqual(
      trips
        .requests()
        .slice(before)
        .map((r) => (r.kind === "transaction" ? r.kind : `${r.kind} of ${r.table}`)),
      ["point read of People", "query of AreaRecords", "query of CaseworkArchive", "transaction"],
    );
    const listed = page.referrals.find((r) => r.value.id === sent.referral.id);
    assert.ok(listed);
    const beforeWithdrawal = trips.count();
    await desk.withdraw(wren, PANEL, sent.referral.id, "Made in error", listed.etag, "test");
    assert.deepEqual(
      trips
        .requests()
        .slice(beforeWithdrawal)
        .map((r) => r.kind),
      ["point read", "transaction"],
      "the referral by its key, then the referral, its copies, match keys, audit and notice together",
    );
    assert.deepEqual(trips.requests().map(scanIn).filter(Boolean), []);
  });
});
