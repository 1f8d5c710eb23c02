import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { NoticeDelivery } from "../../../bot/src/application/notices/notice-delivery.js";
import { Refusal } from "../../../bot/src/domain/refusal.js";
import { fieldsOf } from "../../../bot/src/domain/referrals/form.js";
import { demoActor } from "../../support/people.js";
import { fakePorts, referralDesk, type FakePorts } from "../../support/fakes/index.js";
import { mertonChild } from "../../support/referral-forms.js";

// Referrals as practitioners and coordinators make them, through the referral desk, on fakes.

const PANEL = "merton-pre-mace";
const grace = demoActor("Grace Mensah");
const priya = demoActor("Priya Okafor");
const tom = demoActor("Tom Ashworth");

const refused = (reason: string, message: string | RegExp) => (e: unknown) => {
  assert.ok(e instanceof Refusal, String(e));
  assert.equal(e.reason, reason);
  if (typeof message === "string") assert.equal(e.message, message);
  else assert.match(e.message, message);
  return true;
};

describe("Referring a child and triaging the referral", () => {
  let ports: FakePorts;
  let desk: ReturnType<typeof referralDesk>;
  beforeEach(() => {
    ports = fakePorts("2026-11-24T12:00:00Z");
    desk = referralDesk(ports);
  });
  const submit = (name: string, formId = randomUUID(), values: object = mertonChild(name)) =>
    desk.submit(grace, PANEL, "individual", formId, values as Record<string, unknown>);
  const submitted = async (name: string) => {
    const result = await submit(name);
    assert.ok(result.ok, JSON.stringify(result));
    return result.referral;
  };

  it("a Merton referral goes to the next pre-MACE whose week-before deadline has not passed", async () => {
    const first = await submit("Ivy Testcase");
    assert.ok(first.ok);
    assert.deepEqual(
      [first.referral.reference, first.referral.status, first.referral.meetingDate, first.created],
      ["MER-2026-0001", "new", "2026-12-03", true],
    );
    // One read of the directory, one of the area's records, one commit.
    assert.deepEqual(
      [ports.directory.calls.total, ports.casework.calls.of("beforeSubmit"), ports.casework.calls.total],
      [1, 1, 2],
    );

    ports.clock.set("2026-11-27T12:00:00Z");
    const late = await submit("Jude Testcase");
    assert.ok(late.ok);
    assert.equal(late.referral.reference, "MER-2026-0002");
    assert.equal(late.referral.meetingDate, "2027-01-07", "six days before 3 December: January's meeting");
  });

  it("the same form submitted twice, or twice at once, stores one referral and one audit entry", async () => {
    const formId = randomUUID();
    const first = await submit("Ivy Testcase", formId);
    const again = await submit("Ivy Testcase", formId);
    assert.ok(first.ok && again.ok);
    assert.equal(again.created, false);
    assert.equal(again.referral.reference, first.referral.reference);
    assert.equal(again.meeting?.date, "2026-12-03");

    const doubleClick = randomUUID();
    ports.casework.calls.reset();
    const [a, b] = await Promise.all([
      submit("Jude Testcase", doubleClick),
      submit("Jude Testcase", doubleClick),
    ]);
    assert.ok(a.ok && b.ok);
    assert.deepEqual([a.created, b.created].sort(), [false, true]);
    assert.equal(a.referral.reference, b.referral.reference);
    // Both read before either wrote: the second commit failed, and the form it then looked up was
    // the first's.
    assert.deepEqual(
      ["beforeSubmit", "commit", "referral"].map((c) => ports.casework.calls.of(c)),
      [2, 2, 1],
    );

    const stored = ports.casework.referralsOf("merton", PANEL);
    assert.deepEqual(stored.map((r) => r.value.reference).sort(), ["MER-2026-0001", "MER-2026-0002"]);
    assert.deepEqual(
      ports.casework
        .auditOf("merton")
        .map((e) => [e.action, e.reference, e.actorId])
        .sort(),
      [
        ["referral.created", "MER-2026-0001", grace.id],
        ["referral.created", "MER-2026-0002", grace.id],
      ],
    );
    assert.equal((await ports.casework.notices("merton")).length, 2);
  });

  it("a referral with a problem stores nothing and comes back with the problem beside its field", async () => {
    const result = await submit("Kit Testcase", randomUUID(), {
      ...mertonChild("Kit Testcase"),
      postcode: "nowhere",
    });
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.deepEqual(result.problems, [
      { field: "postcode", message: "Enter a UK postcode, for example SW19 1AA." },
    ]);
    assert.ok(
      fieldsOf(result.form).some((f) => f.id === "postcode"),
      "the form has the field to show it by",
    );
    assert.equal(ports.casework.calls.of("commit"), 0);
    assert.deepEqual(ports.casework.referralsOf("merton", PANEL), []);
    assert.deepEqual(ports.casework.auditOf("merton"), []);
  });

  it("a submit that loses the race for a reference number is retried and takes the next one", async () => {
    let other: string | undefined;
    // Another practitioner's referral is stored between this one's read and its commit.
    ports.casework.interleave(async () => {
      const result = await submit("Lee Testcase");
      other = result.ok ? result.referral.reference : undefined;
    });
    const referral = await submitted("Max Testcase");
    assert.equal(other, "MER-2026-0001");
    assert.equal(referral.reference, "MER-2026-0002");
    assert.equal((await ports.casework.counter("referral", "merton", 2026))?.value.issued, 2);
    assert.equal(ports.casework.referralsOf("merton", PANEL).length, 2);
  });

  it("only the panel's coordinators can triage its referrals", async () => {
    const referral = await submitted("Nell Testcase");
    const version = (await ports.casework.referral("merton", PANEL, referral.id))?.etag ?? "";
    for (const who of [grace, tom]) {
      await assert.rejects(
        desk.triage(
          who,
          PANEL,
          referral.id,
          { decision: "accept", note: "", linkToSubjectId: null },
          version,
          "test",
        ),
        refused("not-allowed", "Only Pre-MACE operational panel's coordinators can triage its referrals."),
      );
    }
    assert.equal((await ports.casework.referral("merton", PANEL, referral.id))?.value.status, "new");
  });

  it("accepting opens a case placed as a victim, though also a concern to others, and tells the referrer", async () => {
    const referral = await submitted("Nell Testcase");
    const current = await desk.view(priya, PANEL, referral.id, "test");
    const accepted = await desk.triage(
      priya,
      PANEL,
      referral.id,
      { decision: "accept", note: "For the December panel", linkToSubjectId: null },
      current.etag,
      "test",
    );
    assert.equal(accepted.status, "accepted");
    const [subject] = ports.casework.subjectsOf("merton");
    assert.equal(subject?.value.label, "Nell Testcase");
    assert.equal(subject?.value.id, accepted.subjectId);
    const cases = ports.casework.casesOf("merton", PANEL).map((c) => c.value);
    assert.deepEqual(
      cases.map((c) => [c.subjectId, c.placement, c.riskLevel, c.status, c.nextMeetingDate, c.presenterId]),
      [[accepted.subjectId, "victim", "significant", "open", "2026-12-03", grace.id]],
    );
    assert.deepEqual(ports.notified, ["merton", "merton"]);

    // Only Grace has a chat with the app: the coordinators' notice of its arrival waits.
    const delivery = new NoticeDelivery({ ...ports, messenger: ports.notices.reach(grace.id) });
    delivery.kick("merton");
    await delivery.idle();
    assert.deepEqual(
      ports.notices.sent.map((s) => [s.recipientId, s.notice.kind, s.reference]),
      [[grace.id, "triage-decided", "MER-2026-0001"]],
    );
  });

  it("a triage made on an old version is refused, naming who changed it and when, and nothing is overwritten", async () => {
    const referral = await submitted("Sol Testcase");
    const stale = (await desk.view(priya, PANEL, referral.id, "test")).etag;
    ports.clock.set("2026-11-24T14:05:00Z");
    const asked = await desk.triage(
      priya,
      PANEL,
      referral.id,
      { decision: "ask", question: "Who holds the case?" },
      stale,
      "test",
    );
    assert.equal(asked.status, "more-information-requested");
    await assert.rejects(
      desk.triage(
        priya,
        PANEL,
        referral.id,
        { decision: "decline", reason: "Not exploitation" },
        stale,
        "test",
      ),
      (e: unknown) => {
        assert.ok(e instanceof Refusal);
        assert.equal(e.reason, "conflict");
        assert.equal(e.message, "MER-2026-0001 was changed by Priya Okafor at 14:05. Reload and try again.");
        assert.deepEqual(e.detail.changedBy, { name: "Priya Okafor", at: "2026-11-24T14:05:00.000Z" });
        return true;
      },
    );
    assert.equal(
      (await ports.casework.referral("merton", PANEL, referral.id))?.value.status,
      "more-information-requested",
    );
  });
});
