import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { Refusal } from "../../../bot/src/domain/refusal.js";
import { demoActor } from "../../support/people.js";
import { fakePorts, referralDesk, type FakePorts } from "../../support/fakes/index.js";
import { mertonChild } from "../../support/referral-forms.js";

// The coordinator's referral list comes a page at a time, newest first, and each view is audited
// with only the page it showed.

const PANEL = "merton-pre-mace";
const priya = demoActor("Priya Okafor");
const grace = demoActor("Grace Mensah");

/** A different invented name for each referral, so that none looks like another's duplicate. */
const inventedName = (i: number) =>
  `${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))}ron Invented-Page`;

describe("Paging the referral list", () => {
  let ports: FakePorts;
  /** References in the order submitted, oldest first. */
  const submitted: string[] = [];
  const viewed = () => ports.casework.auditOf("merton").filter((a) => a.action === "referrals.viewed");

  before(async () => {
    ports = fakePorts("2026-11-16T08:00:00Z");
    const desk = referralDesk(ports);
    for (let i = 0; i < 120; i++) {
      // A minute apart, and two at once now and then, which the order settles by id.
      if (i % 7 !== 3) ports.clock.set(new Date(Date.UTC(2026, 10, 16, 8, i)).toISOString());
      const sent = await desk.submit(grace, PANEL, "individual", randomUUID(), mertonChild(inventedName(i)));
      assert.ok(sent.ok, sent.ok ? "" : JSON.stringify(sent.problems));
      submitted.push(sent.referral.reference);
    }
  });

  it("shows 120 referrals as pages of 50, 50 and 20, newest first, none twice", async () => {
    const desk = referralDesk(ports);
    const first = await desk.list(priya, PANEL, "tab: referrals list");
    assert.ok(first.next);
    const second = await desk.list(priya, PANEL, "tab: referrals list", { after: first.next });
    assert.ok(second.next);
    const third = await desk.list(priya, PANEL, "tab: referrals list", { after: second.next });
    assert.equal(third.next, null);
    const pages = [first, second, third].map((p) => p.referrals.map((r) => r.value.reference));
    assert.deepEqual(
      pages.map((p) => p.length),
      [50, 50, 20],
    );
    const all = pages.flat();
    assert.equal(new Set(all).size, 120);
    const times = [first, second, third].flatMap((p) => p.referrals.map((r) => r.value.submitted.at));
    assert.deepEqual(times, times.slice().sort().reverse());
    assert.deepEqual(all.slice().sort(), submitted.slice().sort());
    assert.equal(all[0], submitted.at(-1), "the newest first");

    // One audit entry per page, naming only what that page showed (the log is not kept in order).
    const byFirst = (x: string[] | undefined, y: string[] | undefined) =>
      String(x?.[0]).localeCompare(String(y?.[0]));
    assert.deepEqual(
      viewed()
        .filter((a) => a.via === "tab: referrals list")
        .map((a) => a.shown)
        .sort(byFirst),
      pages.slice().sort(byFirst),
    );
  });

  it("takes another page size up to 200, and refuses one that is not a whole number from 1 to 200", async () => {
    const desk = referralDesk(ports);
    const small = await desk.list(priya, PANEL, "test", { pageSize: 7 });
    assert.equal(small.referrals.length, 7);
    const whole = await desk.list(priya, PANEL, "test", { pageSize: 200 });
    assert.equal(whole.referrals.length, 120);
    assert.equal(whole.next, null);
    for (const pageSize of [0, 201, 2.5, -1]) {
      await assert.rejects(desk.list(priya, PANEL, "test", { pageSize }), (e: unknown) => {
        assert.ok(e instanceof Refusal && e.reason === "invalid", String(e));
        assert.equal(e.message, "Ask for between 1 and 200 referrals at a time.");
        return true;
      });
    }
  });

  it("refuses a forged or damaged cursor with a plain message, and audits nothing for it", async () => {
    const desk = referralDesk(ports);
    const { next } = await desk.list(priya, PANEL, "test", { pageSize: 10 });
    assert.ok(next);
    const encode = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
    const decoded = JSON.parse(Buffer.from(next, "base64url").toString("utf8")) as object;
    const before = viewed().length;
    for (const after of [
      "not a cursor",
      next.slice(0, -3),
      encode({ ...decoded, id: "../../other-panel" }),
      encode({ ...decoded, at: "yesterday" }),
      encode({ ...decoded, panelId: "lambeth-mave" }),
      encode(["2026-11-16T08:00:00.000Z", randomUUID()]),
      encode(null),
    ]) {
      await assert.rejects(desk.list(priya, PANEL, "test", { after }), (e: unknown) => {
        assert.ok(e instanceof Refusal && e.reason === "invalid", `${after}: ${String(e)}`);
        assert.equal(e.message, "This list cannot be continued from here. Load the referrals again.");
        return true;
      });
    }
    assert.equal(viewed().length, before);
  });
});
