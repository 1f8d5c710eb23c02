import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { matchKeys } from "../../../bot/src/domain/referrals/duplicates.js";
import type { Referral } from "../../../bot/src/domain/referrals/referral.js";
import { Refusal } from "../../../bot/src/domain/refusal.js";
import { demoActor, PEOPLE } from "../../support/people.js";
import { fakePorts, referralDesk, type FakePorts } from "../../support/fakes/index.js";
import { mertonChild } from "../../support/referral-forms.js";

// Likely duplicates among the work not yet decided: referrals waiting for approval or triage, and
// persons and places the area recorded as subjects, as well as the subjects of accepted referrals.

const PANEL = "merton-pre-mace";
const grace = demoActor("Grace Mensah");
const priya = demoActor("Priya Okafor");
const nadia = { id: PEOPLE.lambethPractitioner.id, name: PEOPLE.lambethPractitioner.displayName };
const colm = { id: PEOPLE.lambethManager.id, name: PEOPLE.lambethManager.displayName };

const duplicatesOf = (r: Referral) =>
  r.possibleDuplicates.map((d) => [d.reference, d.matchedOn, d.subjectId ? "subject" : d.referralId]);

describe("Likely duplicates across the work not yet decided", () => {
  let ports: FakePorts;
  let desk: ReturnType<typeof referralDesk>;
  beforeEach(() => {
    ports = fakePorts("2026-11-24T12:00:00Z");
    desk = referralDesk(ports);
  });
  const submitted = async (values: object, panelId = PANEL, who = grace, kind = "individual") => {
    const result = await desk.submit(who, panelId, kind, randomUUID(), values as Record<string, unknown>);
    assert.ok(result.ok, JSON.stringify(result));
    return result.referral;
  };
  const triage = async (r: Referral, step: Parameters<typeof desk.triage>[3]) => {
    const read = await desk.view(priya, r.panelId, r.id, "test");
    return desk.triage(priya, r.panelId, r.id, step, read.etag, "test");
  };

  it("a second referral for the same child while the first awaits triage is flagged as a likely duplicate of the pending referral", async () => {
    const first = await submitted(mertonChild("Nell Testcase"));
    ports.casework.calls.reset();
    ports.directory.calls.reset();
    const second = await submitted(mertonChild("NELL  testcase"));
    assert.deepEqual(duplicatesOf(second), [
      ["MER-2026-0001", "name-and-date-of-birth", first.id],
      ["MER-2026-0001", "address-and-postcode", first.id],
    ]);
    // Still one read of the directory and of the area's records together, then one commit.
    assert.deepEqual(
      [ports.directory.calls.total, ports.casework.calls.of("beforeSubmit"), ports.casework.calls.total],
      [1, 1, 2],
    );
    // It cannot be linked to a referral: only to a subject the panel knows.
    await assert.rejects(
      triage(second, { decision: "accept", note: "", linkToSubjectId: first.id }),
      (e: unknown) => e instanceof Refusal && /linked only to one of the possible matches/.test(e.message),
    );

    // Once the first is accepted, its keys are its subject's: a third referral finds the subject.
    const accepted = await triage(first, { decision: "accept", note: "", linkToSubjectId: null });
    const third = await submitted(mertonChild("Nell Testcase"));
    assert.deepEqual(
      third.possibleDuplicates.filter((d) => d.subjectId),
      [
        { subjectId: accepted.subjectId, reference: "MER-2026-0001", matchedOn: "name-and-date-of-birth" },
        { subjectId: accepted.subjectId, reference: "MER-2026-0001", matchedOn: "address-and-postcode" },
      ],
    );
    assert.deepEqual(
      third.possibleDuplicates.flatMap((d) => (d.referralId ? [d.reference] : [])),
      ["MER-2026-0002", "MER-2026-0002"],
      "the second, still waiting, is flagged as pending; the accepted first is not",
    );
  });

  it("a declined referral no longer flags", async () => {
    const first = await submitted(mertonChild("Sol Testcase"));
    const declined = await triage(first, { decision: "decline", reason: "Not exploitation" });
    assert.equal(declined.status, "declined");
    assert.equal(declined.pendingMatchKeys, undefined);
    const again = await submitted(mertonChild("Sol Testcase"));
    assert.deepEqual(again.possibleDuplicates, []);
  });

  it("a referral waiting for its manager's approval flags, and once not approved no longer does", async () => {
    const lambethChild = {
      ...mertonChild("Olu Testcase"),
      blockers: ["no-services"],
      managerId: colm.id,
    };
    const first = await submitted(lambethChild, "lambeth-mave", nadia);
    assert.equal(first.status, "awaiting-approval");
    const second = await submitted(lambethChild, "lambeth-mave", nadia);
    assert.deepEqual(
      duplicatesOf(second).map(([reference, , id]) => [reference, id]),
      [
        [first.reference, first.id],
        [first.reference, first.id],
      ],
    );
    const read = await desk.view(colm, "lambeth-mave", first.id, "test");
    await desk.decideApproval(
      colm,
      "lambeth-mave",
      first.id,
      "declined",
      "Not yet: a strategy meeting first",
      read.etag,
      "test",
    );
    const third = await submitted(lambethChild, "lambeth-mave", nadia);
    assert.deepEqual(
      third.possibleDuplicates.map((d) => d.reference),
      [second.reference, second.reference],
    );
  });

  it("a referral naming a location already recorded as a subject is flagged", async () => {
    // A place recorded from a link, with no referral: its match keys are written with it.
    const place = { address: "Unit 4, Invented Parade\nMorden", postcode: "SM4 9QQ" };
    const unit = ports.casework.unit("merton", priya.name);
    const subjectId = randomUUID();
    unit.createSubject({
      id: subjectId,
      areaId: "merton",
      kind: "location-of-concern",
      reference: "MER-S-2026-0001",
      label: "Unit 4, Invented Parade",
      referralIds: [],
      postcode: "SM49QQ",
      createdAt: ports.now().toISOString(),
    });
    for (const key of matchKeys("location-of-concern", place))
      unit.addMatch({
        areaId: "merton",
        hash: key.hash,
        on: key.on,
        subjectId,
        reference: "MER-S-2026-0001",
      });
    await unit.commit();

    const referral = await submitted(
      {
        address: "UNIT 4, invented parade",
        postcode: "sm4 9qq",
        concerns: "Young people seen there late at night",
        request: "A licensing visit",
        riskLevel: "significant",
      },
      PANEL,
      grace,
      "location-of-concern",
    );
    assert.deepEqual(referral.possibleDuplicates, [
      { subjectId, reference: "MER-S-2026-0001", matchedOn: "address-and-postcode" },
    ]);
    // A child living at the same address is not the place.
    const child = await submitted({ ...mertonChild("Ada Testcase"), ...place });
    assert.deepEqual(child.possibleDuplicates, []);
  });
});
