import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { NoticeDelivery } from "../../../bot/src/application/notices/notice-delivery.js";
import { outcomeNote } from "../../../bot/src/domain/referrals/outcome-note.js";
import type { Referral } from "../../../bot/src/domain/referrals/referral.js";
import { Refusal } from "../../../bot/src/domain/refusal.js";
import { demoActor, PEOPLE } from "../../support/people.js";
import { fakePorts, referralDesk, type FakePorts } from "../../support/fakes/index.js";
import { mertonChild } from "../../support/referral-forms.js";

// The practitioner who refers: her own referrals, newest first, and withdrawing one that waits.

const PANEL = "merton-pre-mace";
const grace = demoActor("Grace Mensah");
const priya = demoActor("Priya Okafor");
const ines = demoActor("Ines Dalgaard");
const nadia = { id: PEOPLE.lambethPractitioner.id, name: PEOPLE.lambethPractitioner.displayName };
const colm = { id: PEOPLE.lambethManager.id, name: PEOPLE.lambethManager.displayName };

const refused = (reason: string, message: string) => (e: unknown) => {
  assert.ok(e instanceof Refusal, String(e));
  assert.deepEqual([e.reason, e.message], [reason, message]);
  return true;
};

describe("A practitioner's own referrals", () => {
  let ports: FakePorts;
  let desk: ReturnType<typeof referralDesk>;
  beforeEach(() => {
    ports = fakePorts("2026-11-24T12:00:00Z");
    desk = referralDesk(ports);
  });
  const submitted = async (who: { id: string; name: string }, name: string, panelId = PANEL, more = {}) => {
    const result = await desk.submit(who, panelId, "individual", randomUUID(), {
      ...mertonChild(name),
      ...more,
    });
    assert.ok(result.ok, JSON.stringify(result));
    return result.referral;
  };
  const triage = async (r: Referral, step: Parameters<typeof desk.triage>[3]) => {
    const read = await desk.view(priya, r.panelId, r.id, "test");
    return desk.triage(priya, r.panelId, r.id, step, read.etag, "test");
  };
  const withdraw = async (who: { id: string; name: string }, r: Referral, reason: string) => {
    const read = await desk.view(who, r.panelId, r.id, "test");
    return desk.withdraw(who, r.panelId, r.id, reason, read.etag, "test");
  };

  it("a practitioner's `referrals` lists only her own, newest first, with the meeting each goes to", async () => {
    const first = await submitted(grace, "Ivy Testcase");
    await submitted(ines, "Jude Testcase");
    await triage(first, { decision: "accept", note: "For the December panel", linkToSubjectId: null });
    ports.clock.set("2026-11-27T12:00:00Z");
    const late = await submitted(grace, "Kit Testcase");

    ports.casework.calls.reset();
    const page = await desk.own(grace, "test");
    assert.deepEqual(
      page.referrals.map((r) => [r.value.reference, r.value.status, r.value.meetingDate]),
      [
        [late.reference, "new", "2027-01-07"],
        [first.reference, "accepted", "2026-12-03"],
      ],
    );
    assert.equal(page.next, null);
    // The coordinator's note on acceptance is the referrer's to read.
    assert.deepEqual(outcomeNote(page.referrals[1]?.value as Referral), {
      kind: "accepted",
      label: "Coordinator's note",
      by: "Priya Okafor",
      at: "2026-11-24T12:00:00.000Z",
      text: "For the December panel",
    });
    // One range of the area's records, and one audit entry naming what the page showed.
    assert.deepEqual([ports.casework.calls.of("referralsBy"), ports.casework.calls.total], [1, 2]);
    const viewed = ports.casework.auditOf("merton").filter((e) => e.action === "referrals.viewed");
    assert.deepEqual(
      viewed.map((e) => [e.actorId, e.panelId, e.shown]),
      [[grace.id, PANEL, [late.reference, first.reference]]],
    );

    // A page at a time: the cursor of the first carries on to the second.
    const one = await desk.own(grace, "test", { pageSize: 1 });
    assert.ok(one.next);
    const two = await desk.own(grace, "test", { pageSize: 1, after: one.next });
    assert.deepEqual(
      [...one.referrals, ...two.referrals].map((r) => r.value.reference),
      [late.reference, first.reference],
    );
    assert.equal(two.next, null);
    assert.deepEqual((await desk.own(priya, "test")).referrals, [], "the coordinator made none");
  });

  it("she withdraws one waiting for the coordinator, with a reason; the coordinator is told; it is no longer waiting", async () => {
    const waiting = await submitted(grace, "Nell Testcase");
    ports.clock.set("2026-11-25T09:30:00Z");
    const withdrawn = await withdraw(grace, waiting, "The family moved out of the area yesterday.");
    assert.equal(withdrawn.status, "withdrawn");
    assert.deepEqual(withdrawn.withdrawal, {
      by: grace.id,
      byName: "Grace Mensah",
      at: "2026-11-25T09:30:00.000Z",
      reason: "The family moved out of the area yesterday.",
      waitingFor: "coordinator",
    });
    assert.equal(withdrawn.pendingMatchKeys, undefined, "its match keys are settled as a decline's");

    const waitingForTriage = await desk.list(priya, PANEL, "test", {}, ["new", "more-information-requested"]);
    assert.ok(!waitingForTriage.referrals.some((r) => r.value.id === waiting.id));
    const all = await desk.list(priya, PANEL, "test");
    assert.deepEqual(
      all.referrals.filter((r) => r.value.id === waiting.id).map((r) => r.value.status),
      ["withdrawn"],
      "the coordinator still sees it among all the panel's referrals",
    );
    const again = await submitted(grace, "Nell Testcase");
    assert.deepEqual(again.possibleDuplicates, [], "a withdrawn referral no longer flags");
    assert.ok(
      ports.casework
        .auditOf("merton")
        .some((e) => e.action === "referral.withdrawn" && e.reference === waiting.reference),
    );

    const delivery = new NoticeDelivery({ ...ports, messenger: ports.notices.reach(priya.id) });
    delivery.kick("merton");
    await delivery.idle();
    assert.deepEqual(
      ports.notices.sent
        .filter((s) => s.reference === waiting.reference)
        .map((s) => [s.recipientId, s.notice.kind])
        .sort(),
      [
        [priya.id, "referral-arrived"],
        [priya.id, "referral-withdrawn"],
      ],
    );
  });

  it("one waiting for the manager's approval is withdrawn to the manager, and never reaches the panel", async () => {
    const lambethChild = { blockers: ["no-services"], managerId: colm.id };
    const waiting = await submitted(nadia, "Olu Testcase", "lambeth-mave", lambethChild);
    assert.equal(waiting.status, "awaiting-approval");
    const withdrawn = await withdraw(nadia, waiting, "Sent to the wrong panel.");
    assert.equal(withdrawn.withdrawal?.waitingFor, "manager");
    assert.deepEqual(await ports.casework.awaitingApprovalBy("lambeth", colm.id), []);

    const delivery = new NoticeDelivery({ ...ports, messenger: ports.notices.reach(colm.id) });
    delivery.kick("lambeth");
    await delivery.idle();
    assert.deepEqual(ports.notices.sent.map((s) => [s.recipientId, s.notice.kind]).sort(), [
      [colm.id, "approval-requested"],
      [colm.id, "referral-withdrawn"],
    ]);
    const leila = demoActor("Leila Haddad");
    await assert.rejects(
      desk.view(leila, "lambeth-mave", waiting.id, "test"),
      refused("not-found", "There is no such referral on this panel."),
    );
  });

  it("an accepted referral cannot be withdrawn, nor a declined one, nor anyone else's", async () => {
    const accepted = await triage(await submitted(grace, "Pip Testcase"), {
      decision: "accept",
      note: "",
      linkToSubjectId: null,
    });
    await assert.rejects(
      withdraw(grace, accepted, "No longer needed"),
      refused(
        "not-now",
        `${accepted.reference} has already been accepted by the panel, so it can no longer be withdrawn. If the case should come off the panel, ask the panel coordinator.`,
      ),
    );
    const declined = await triage(await submitted(grace, "Quin Testcase"), {
      decision: "decline",
      reason: "Not exploitation",
    });
    await assert.rejects(
      withdraw(grace, declined, "No longer needed"),
      refused(
        "not-now",
        `${declined.reference} has already been declined by the panel, so there is nothing to withdraw.`,
      ),
    );
    const waiting = await submitted(grace, "Rae Testcase");
    await assert.rejects(
      withdraw(priya, waiting, "Not mine to withdraw"),
      refused("not-allowed", `Only the person who made ${waiting.reference} can withdraw it.`),
    );
    await assert.rejects(
      withdraw(grace, waiting, "  "),
      refused("invalid", `Say why you are withdrawing ${waiting.reference}: the panel coordinator sees it.`),
    );
    // Nothing changed: each is as it was.
    const statuses = await Promise.all(
      [accepted, declined, waiting].map(
        async (r) => (await ports.casework.referral("merton", PANEL, r.id))?.value.status,
      ),
    );
    assert.deepEqual(statuses, ["accepted", "declined", "new"]);
  });

  it("a withdrawal from a card drawn before the coordinator asked a question is refused as out of date", async () => {
    const waiting = await submitted(grace, "Sky Testcase");
    const drawn = (await desk.view(grace, PANEL, waiting.id, "test")).etag;
    ports.clock.set("2026-11-24T14:05:00Z");
    await triage(waiting, { decision: "ask", question: "Which school?" });
    await assert.rejects(
      desk.withdraw(grace, PANEL, waiting.id, "Moved away", drawn, "test"),
      refused("conflict", `${waiting.reference} was changed by Priya Okafor at 14:05. Reload and try again.`),
    );
    // Read again, the referral waiting for her answer can be withdrawn.
    const withdrawn = await withdraw(grace, waiting, "Moved away");
    assert.equal(withdrawn.status, "withdrawn");
  });
});
