import assert from "node:assert/strict";
import { accessFileSource } from "../../../bot/src/application/access/download-access.js";
import { downloadsDesk } from "../../../bot/src/application/downloads/downloads-desk.js";
import { forgetExpiredLinks } from "../../../bot/src/application/downloads/forget-used-links.js";
import { Refusal } from "../../../bot/src/domain/refusal.js";
import { fakePorts, type FakePorts } from "../../support/fakes/index.js";
import { downloadsOn, holder, TEST_LINK_KEY, tokenOf } from "../../support/fakes/downloads.js";
import { demoActor, PEOPLE } from "../../support/people.js";

// The download links every file of the tab is opened through: made only for someone the file's
// page lets see it, for one person and one file, opening once within its minute whichever
// instance it reaches; a changed, expired or used link is refused in words that say what to do.

const PANEL = "merton-pre-mace";
const priya = demoActor(PEOPLE.mertonCoordinator.displayName);
const police = demoActor(PEOPLE.mertonPoliceOfficer.displayName);
const analyst = demoActor(PEOPLE.mertonAnalyst.displayName);
const rhodri = demoActor(PEOPLE.lambethAdministrator.displayName);
const ines = demoActor(PEOPLE.mertonAdministrator.displayName);
const MINUTES = { areaId: "merton", path: `/api/panels/${PANEL}/meetings/2026-12-15/minutes.pdf` };

const refusedWith = (code: string, words?: RegExp) => (e: unknown) => {
  assert.ok(e instanceof Refusal, String(e));
  assert.equal(e.code, code, e.message);
  if (words) assert.match(e.message, words);
  return true;
};

describe("Download links to the tab's files", () => {
  let ports: FakePorts;
  let downloads: ReturnType<typeof downloadsOn>;

  beforeEach(() => {
    ports = fakePorts("2026-12-20T12:00:00Z");
    downloads = downloadsOn(ports);
  });

  it("opens a coordinator's link once, within its minute, as her, for the file it names", async () => {
    const given = downloads.desk.link(holder(priya), MINUTES);
    assert.match(given.url, /^\/downloads\/[\w-]+$/);
    assert.equal(given.expiresAt, "2026-12-20T12:01:00.000Z");
    ports.clock.set("2026-12-20T12:00:59Z");
    const opened = await downloads.desk.open(tokenOf(given.url));
    assert.deepEqual(opened, { holder: holder(priya), file: MINUTES });
    await assert.rejects(
      downloads.desk.open(tokenOf(given.url)),
      refusedWith("link-used", /used already: each link opens once\. Go back/),
    );
  });

  it("refuses a link once its minute is up, saying to choose the download again", async () => {
    const given = downloads.desk.link(holder(priya), MINUTES);
    ports.clock.set("2026-12-20T12:01:00Z");
    await assert.rejects(
      downloads.desk.open(tokenOf(given.url)),
      refusedWith("link-expired", /expired: links last a minute\. Go back .* choose the download again/),
    );
  });

  it("holds nothing readable: neither the person, their sign-in name, nor the file it opens", () => {
    const upn = "kofi.invented@merton.example";
    const reference = "MER-2026-0001";
    const file = { areaId: "merton", path: `/api/areas/merton/subject-access.docx?reference=${reference}` };
    const token = tokenOf(downloads.desk.link({ ...holder(police), upn }, file).url);
    const decoded = Buffer.from(token, "base64url").toString("latin1");
    for (const secret of [police.id, upn, "kofi", reference, "subject-access", "merton"])
      assert.ok(!token.includes(secret) && !decoded.includes(secret), `the link shows ${secret}`);
  });

  it("refuses a link with any part changed, one sealed with another key, and nonsense", async () => {
    const given = tokenOf(downloads.desk.link(holder(police), MINUTES).url);
    const bytes = Buffer.from(given, "base64url");
    // A change anywhere: the nonce, the sealed contents, the tag at the end.
    for (const at of [0, 11, 12, Math.floor(bytes.length / 2), bytes.length - 17, bytes.length - 1]) {
      const changed = Buffer.from(bytes);
      changed[at] = (changed[at] ?? 0) ^ 0x01;
      await assert.rejects(
        downloads.desk.open(changed.toString("base64url")),
        refusedWith("bad-link", /not one the service made/),
      );
    }
    await assert.rejects(
      downloads.desk.open(bytes.subarray(0, -1).toString("base64url")),
      refusedWith("bad-link"),
    );
    const elsewhere = downloadsDesk({
      usedLinks: downloads.usedLinks,
      now: ports.now,
      links: { key: `another-${TEST_LINK_KEY}`, seconds: 60 },
    });
    await assert.rejects(
      downloads.desk.open(tokenOf(elsewhere.link(holder(priya), MINUTES).url)),
      refusedWith("bad-link"),
    );
    // Base64url decodes these to the same bytes; only the one spelling is taken.
    const lastOther = given.endsWith("A") ? "B" : "A";
    for (const respelt of [
      `${given.slice(0, -1)}${lastOther}`,
      `${given.slice(0, 10)}!${given.slice(10)}`,
      `${given}=`,
    ])
      await assert.rejects(downloads.desk.open(respelt), refusedWith("bad-link"));
    for (const nonsense of ["", "abc", `${given}.more`, 42, "x".repeat(5000)])
      await assert.rejects(downloads.desk.open(nonsense), refusedWith("bad-link"));
    // None of them spent the real link.
    assert.equal((await downloads.desk.open(given)).holder.id, police.id);
  });

  it("refuses on a second instance a link already opened on the first, sharing storage", async () => {
    const second = downloadsDesk({
      usedLinks: downloads.usedLinks,
      now: ports.now,
      links: { key: TEST_LINK_KEY, seconds: 60 },
    });
    const given = tokenOf(downloads.desk.link(holder(priya), MINUTES).url);
    const both = await Promise.allSettled([downloads.desk.open(given), second.open(given)]);
    assert.deepEqual(
      both.map((b) => b.status),
      ["fulfilled", "rejected"],
    );
    assert.equal(((both[1] as PromiseRejectedResult).reason as Refusal).code, "link-used");
  });

  it("forgets used links five minutes after they expire, so an instance whose clock runs behind still finds the use", async () => {
    const given = tokenOf(downloads.desk.link(holder(priya), MINUTES).url);
    await downloads.desk.open(given);
    const forget = () =>
      forgetExpiredLinks({ catalogue: ports.catalogue, usedLinks: downloads.usedLinks, now: ports.now });
    assert.equal(await forget(), 0);
    ports.clock.set("2026-12-20T12:01:00.001Z");
    assert.equal(await forget(), 0);
    ports.clock.set("2026-12-20T12:06:00.001Z");
    assert.equal(await forget(), 1);
    await assert.rejects(downloads.desk.open(given), refusedWith("link-expired"));
  });

  it("gives a link only to someone the file's page lets see it", async () => {
    const check = (who: { id: string; name: string }, source: Parameters<typeof accessFileSource>[2]) =>
      accessFileSource(ports, who, source);
    assert.equal(await check(police, { from: "panel", panelId: PANEL }), "merton");
    await assert.rejects(check(rhodri, { from: "panel", panelId: PANEL }), refusedWith("not-a-member"));
    await assert.rejects(
      check(analyst, { from: "panel", panelId: PANEL }),
      (e: unknown) => e instanceof Refusal && e.reason === "not-allowed",
    );
    await assert.rejects(
      check(priya, { from: "panel", panelId: "no-such-panel" }),
      refusedWith("unknown-panel"),
    );
    assert.equal(await check(analyst, { from: "reports", areaId: "merton" }), "merton");
    await assert.rejects(
      check(police, { from: "reports", areaId: "merton" }),
      refusedWith("report-readers-only"),
    );
    assert.equal(await check(priya, { from: "people", areaId: "merton" }), "merton");
    await assert.rejects(check(police, { from: "people", areaId: "merton" }), refusedWith("not-a-manager"));
    assert.equal(await check(ines, { from: "subject-access", areaId: "merton" }), "merton");
    // A request's reference must name one of the area's subjects: said beside the form, before any link.
    await assert.rejects(
      check(ines, { from: "subject-access", areaId: "merton", reference: "mer-2019-9999" }),
      refusedWith("unknown-subject", /^No subject of Merton has the reference MER-2019-9999\./),
    );
    await assert.rejects(
      check(ines, { from: "subject-access", areaId: "merton", reference: "Robin" }),
      refusedWith("invalid-reference"),
    );
    await assert.rejects(
      check(priya, { from: "subject-access", areaId: "merton" }),
      refusedWith("administrators-only"),
    );
    await assert.rejects(
      check(rhodri, { from: "subject-access", areaId: "merton" }),
      refusedWith("administrators-only"),
    );
  });
});
