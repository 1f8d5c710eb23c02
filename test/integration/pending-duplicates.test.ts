import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { areaRecords, referralRow } from "../../bot/src/adapters/tables/area-records.js";
import { caseworkTables } from "../../bot/src/adapters/tables/casework-tables.js";
import { keyOf } from "../../bot/src/adapters/tables/entity-store.js";
import { tableFactory, type TableFactory } from "../../bot/src/adapters/tables/storage.js";
import { matchKeys } from "../../bot/src/domain/referrals/duplicates.js";
import { roundTripCounter, scanIn } from "../../scripts/lib/round-trips.js";
import { azurite } from "../support/azurite.js";
import { referralDeskOver } from "../support/referral-desk-over.js";
import { forgetMertonReferrals } from "../support/forget-referrals.js";
import { call } from "../support/http.js";
import { PEOPLE } from "../support/people.js";
import { mertonChild } from "../support/referral-forms.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";

// Likely duplicates across the work not yet decided, through the tab's API and stored in Azurite:
// a referral waiting for triage is found by the next one for the same child until it is decided,
// and a place recorded as a subject is found by a referral naming it.

const PANEL = "merton-pre-mace";
const now = new Date("2026-11-24T12:00:00Z");

interface Duplicate {
  subjectId?: string;
  referralId?: string;
  reference: string;
  matchedOn: string;
}
interface ReferralBody {
  id: string;
  reference: string;
  version: string;
  possibleDuplicates: Duplicate[];
  error?: { message: string };
}

describe("Likely duplicates of waiting referrals and recorded subjects, stored in Azurite", () => {
  let service: TestService;
  let tables: TableFactory;
  let grace: string;
  let priya: string;
  const made: string[] = [];

  before(async () => {
    service = await startTestService({}, { now: () => now });
    grace = await signInAs(service, PEOPLE.mertonSocialWorker.id);
    priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    tables = tableFactory({
      kind: "connection-string",
      connectionString: (await azurite()).connectionString,
    });
  });
  after(async () => {
    await service.close();
    await forgetMertonReferrals(made);
  });

  const refer = async (values: object, kind = "individual") => {
    const formId = randomUUID();
    made.push(formId);
    const res = await call<ReferralBody>(service, `/api/panels/${PANEL}/referrals`, {
      token: grace,
      body: { kind, formId, values },
    });
    assert.equal(res.status, 201, res.text);
    return res.body;
  };
  const triage = async (id: string, body: object) => {
    const path = `/api/panels/${PANEL}/referrals/${id}`;
    const read = await call<ReferralBody>(service, path, { token: priya });
    const res = await call<ReferralBody>(service, `${path}/triage`, {
      token: priya,
      ifMatch: read.body.version,
      body,
    });
    assert.equal(res.status, 200, res.text);
    return res.body;
  };
  const waitingRowsOf = async (referralId: string) =>
    (await areaRecords(tables).matches.listRange(keyOf("merton"), "match|")).filter(
      (m) => m.value.referralId === referralId,
    );
  const pending = (list: Duplicate[]) =>
    list.flatMap((d) => (d.referralId ? [[d.reference, d.referralId]] : []));

  it("a referral for a child whose first referral awaits triage names it, until the first is declined", async () => {
    const first = await refer(mertonChild("Hollis Pendingcase"));
    assert.deepEqual(first.possibleDuplicates, []);
    assert.equal((await waitingRowsOf(first.id)).length, 2);

    const second = await refer(mertonChild("Hollis Pendingcase"));
    assert.deepEqual(second.possibleDuplicates, [
      { referralId: first.id, reference: first.reference, matchedOn: "name-and-date-of-birth" },
      { referralId: first.id, reference: first.reference, matchedOn: "address-and-postcode" },
    ]);
    // The coordinator's view of the second names the first.
    const read = await call<ReferralBody>(service, `/api/panels/${PANEL}/referrals/${second.id}`, {
      token: priya,
    });
    assert.deepEqual(pending(read.body.possibleDuplicates), [
      [first.reference, first.id],
      [first.reference, first.id],
    ]);

    await triage(first.id, { decision: "decline", reason: "Already known to the team" });
    assert.deepEqual(await waitingRowsOf(first.id), []);
    const third = await refer(mertonChild("Hollis Pendingcase"));
    assert.deepEqual(pending(third.possibleDuplicates), [
      [second.reference, second.id],
      [second.reference, second.id],
    ]);

    // Accepted, the second's keys are its subject's.
    await triage(second.id, { decision: "accept", note: "" });
    assert.deepEqual(await waitingRowsOf(second.id), []);
    const stored = await areaRecords(tables).referrals.get(keyOf("merton"), referralRow(PANEL, second.id));
    const subjectId = stored?.value.subjectId;
    assert.ok(subjectId);
    const fourth = await refer(mertonChild("Hollis Pendingcase"));
    assert.deepEqual(
      fourth.possibleDuplicates.map((d) => [d.reference, d.subjectId ?? d.referralId]),
      [
        [second.reference, subjectId],
        [third.reference, third.id],
        [second.reference, subjectId],
        [third.reference, third.id],
      ],
    );
  });

  it("a referral naming a location already recorded as a subject is flagged", async () => {
    // A place recorded from a link, with no referral of its own: its match keys are written with it.
    const place = { address: "Unit 9, Invented Yard\nMitcham", postcode: "CR4 7ZZ" };
    const subjectId = randomUUID();
    const unit = caseworkTables(tables).unit("merton", PEOPLE.mertonCoordinator.displayName);
    unit.createSubject({
      id: subjectId,
      areaId: "merton",
      kind: "location-of-concern",
      reference: "MER-S-2026-0901",
      label: "Unit 9, Invented Yard",
      referralIds: [],
      postcode: "CR47ZZ",
      createdAt: now.toISOString(),
    });
    for (const key of matchKeys("location-of-concern", place))
      unit.addMatch({
        areaId: "merton",
        hash: key.hash,
        on: key.on,
        subjectId,
        reference: "MER-S-2026-0901",
      });
    await unit.commit();

    const referral = await refer(
      {
        address: "unit 9,  INVENTED YARD",
        postcode: "cr4 7zz",
        concerns: "Young people seen there late at night with adults",
        request: "A licensing visit",
        riskLevel: "significant",
      },
      "location-of-concern",
    );
    assert.deepEqual(referral.possibleDuplicates, [
      { subjectId, reference: "MER-S-2026-0901", matchedOn: "address-and-postcode" },
    ]);
  });

  it("a submit that finds a waiting referral still takes two round trips, and scans nothing", async () => {
    const trips = roundTripCounter();
    const counted = tableFactory(
      { kind: "connection-string", connectionString: (await azurite()).connectionString },
      trips.options,
    );
    const { desk } = referralDeskOver(counted, () => now);
    const first = await refer(mertonChild("Quill Pendingcase"));
    const before = { requests: trips.count(), sequential: trips.sequential() };
    const formId = randomUUID();
    made.push(formId);
    const result = await desk.submit(
      { id: PEOPLE.mertonSocialWorker.id, name: "Grace Mensah" },
      PANEL,
      "individual",
      formId,
      mertonChild("Quill Pendingcase"),
    );
    assert.ok(result.ok);
    assert.deepEqual(pending(result.referral.possibleDuplicates), [
      [first.reference, first.id],
      [first.reference, first.id],
    ]);
    assert.equal(trips.sequential() - before.sequential, 2);
    assert.deepEqual(trips.requests().slice(before.requests).map(scanIn).filter(Boolean), []);
  });
});
