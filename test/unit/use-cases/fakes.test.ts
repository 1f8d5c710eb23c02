import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { ConcurrencyConflict } from "../../../bot/src/application/ports/versioned.js";
import type { Subject } from "../../../bot/src/domain/cohort/case.js";
import { fakeCasework } from "../../support/fakes/casework.js";
import { fakeDeliveries } from "../../support/fakes/deliveries.js";

// The fakes promise what the table adapters do; the use-case tests rely on these promises.

const now = () => new Date("2026-11-24T12:00:00Z");
const subject = (label: string): Subject => ({
  id: randomUUID(),
  areaId: "merton",
  kind: "individual",
  reference: "MER-2026-0001",
  label,
  referralIds: [],
});

describe("The port fakes behave as storage does", () => {
  it("a unit of work writes everything or nothing, and a stale version, a duplicate or a missing record is a conflict", async () => {
    const casework = fakeCasework(now);
    const first = subject("First Invented");
    const created = casework.unit("merton", "Priya Okafor");
    created.createSubject(first);
    await created.commit();
    const [read] = casework.subjectsOf("merton");
    assert.ok(read);
    assert.equal(read.updatedBy, "Priya Okafor");

    const changed = casework.unit("merton", "Priya Okafor");
    changed.replaceSubject({ ...first, label: "Changed Invented" }, read);
    await changed.commit();
    const [after] = casework.subjectsOf("merton");
    assert.notEqual(after?.etag, read.etag, "every write gives a new version");

    const attempts: ((u: ReturnType<typeof casework.unit>) => void)[] = [
      (u) => u.replaceSubject({ ...first, label: "Stale Invented" }, read),
      (u) => u.createSubject(first),
      (u) =>
        u.removeNotice({
          id: randomUUID(),
          kind: "referral-arrived",
          at: now().toISOString(),
          areaId: "merton",
          panelId: "merton-pre-mace",
          referralId: randomUUID(),
          recipientId: null,
          attempts: 0,
          retryAt: null,
        }),
    ];
    for (const attempt of attempts) {
      const unit = casework.unit("merton", "Tom Ashworth");
      unit.createSubject(subject("Never Stored"));
      attempt(unit);
      await assert.rejects(unit.commit(), ConcurrencyConflict);
    }
    assert.deepEqual(
      casework.subjectsOf("merton").map((s) => [s.value.label, s.etag]),
      [["Changed Invented", after?.etag]],
    );
  });

  it("reads are copies, and a record that does not fit its schema is refused when it is written", async () => {
    const casework = fakeCasework(now);
    const unit = casework.unit("merton", "Priya Okafor");
    const s = subject("Copied Invented");
    unit.createSubject(s);
    await unit.commit();
    s.referralIds.push("changed after the write");
    const read = await casework.subjectAndCase("merton", "merton-pre-mace", s.id);
    read.subject?.value.referralIds.push("changed after the read");
    assert.deepEqual(
      (await casework.subjectAndCase("merton", "merton-pre-mace", s.id)).subject?.value.referralIds,
      [],
    );
    assert.throws(() => casework.unit("merton", "x").createSubject({ ...s, kind: "cat" as never }));
  });

  it("a delivery is claimed once, and moved on only from the version last read", async () => {
    const deliveries = fakeDeliveries(now);
    const claim = {
      on: "2026-11-24",
      kind: "assigned" as const,
      areaId: "merton",
      panelId: "merton-pre-mace",
      about: randomUUID(),
      target: "personal",
      recipientId: "someone",
      actionIds: [],
      state: "sending" as const,
      holder: "instance-a",
      attempts: 0,
      retryAt: null,
      reason: null,
      activityId: null,
    };
    const claimed = await deliveries.claim(claim);
    assert.ok(claimed);
    assert.equal(await deliveries.claim({ ...claim, holder: "instance-b" }), undefined);
    const sent = await deliveries.update(claimed, { ...claim, state: "sent" });
    assert.equal(sent?.value.state, "sent");
    assert.equal(await deliveries.update(claimed, { ...claim, state: "retry" }), undefined);
    assert.deepEqual(
      (await deliveries.dateOf("2026-11-24")).deliveries.map((d) => [d.value.state, d.updatedBy]),
      [["sent", "instance-a"]],
    );
  });
});
