import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { linkDesk, type NewLink } from "../../../bot/src/application/links/link-desk.js";
import type { Casework } from "../../../bot/src/application/ports/casework.js";
import type { Person } from "../../../bot/src/domain/people/membership.js";
import { Refusal } from "../../../bot/src/domain/refusal.js";
import { demoActor } from "../../support/people.js";
import { fakePorts, referralDesk, type FakePorts } from "../../support/fakes/index.js";
import { referredAndAccepted } from "../../support/referrals.js";

// Linking subjects on fakes: a coordinator records a person of concern and a place, links a child
// to them at a meeting, ends a link; the map around the child, to a depth, as each person may see it.

const PANEL = "merton-pre-mace";
const MEETING = "2027-01-07";
const priya = demoActor("Priya Okafor");
const grace = demoActor("Grace Mensah");
const hannah = demoActor("Hannah Reyes");
const ava: Person = {
  id: "00000000-0000-4000-8000-000000000941",
  displayName: "Ava Invented-Referrer",
  email: "ava.invented@merton.example",
  jobTitle: "Youth justice practitioner",
  agencyId: "mer-youth-justice",
};

const refusedWith = (code: string) => (e: unknown) => {
  assert.ok(e instanceof Refusal, String(e));
  assert.equal(e.code, code, e.message);
  return true;
};

describe("Links between an area's subjects", () => {
  let ports: FakePorts;
  let links: ReturnType<typeof linkDesk>;
  let robin: string;
  let sasha: string;

  const accept = async (by: { id: string; name: string }, name: string) =>
    (await referredAndAccepted(referralDesk(ports), by, name)).subjectId;
  const record = (label: string, kind: "person-of-concern" | "location-of-concern" | "group", more = {}) =>
    links.record(priya, "merton", { kind, label, postcode: null, dateOfBirth: null, ...more }, "test");
  const link = (kind: NewLink["kind"], from: string, to: string, by = priya) =>
    links.add(
      by,
      "merton",
      { kind, from, to, note: "", panelId: PANEL, meetingId: MEETING, referralId: null },
      "test",
    );
  const auditOf = (action: string) => ports.casework.auditOf("merton").filter((a) => a.action === action);

  beforeEach(async () => {
    ports = fakePorts("2026-12-20T12:00:00Z");
    ports.directory.seed([ava], []);
    links = linkDesk(ports);
    robin = await accept(grace, "Robin Invented-Hale");
    sasha = await accept({ id: ava.id, name: ava.displayName }, "Sasha Invented-Lowe");
  });

  it("records a person of concern and a place with the year's subject references, audited", async () => {
    const dale = await record("Dale Invented-Crane", "person-of-concern", { dateOfBirth: "1994-02-03" });
    const shop = await record("12 Invented Parade", "location-of-concern", { postcode: "sm4 5zz" });
    assert.deepEqual(
      [dale.reference, shop.reference, shop.postcode],
      ["MER-S-2026-0001", "MER-S-2026-0002", "SM45ZZ"],
    );
    assert.deepEqual(
      auditOf("subject.created")
        .map((a) => [a.reference, a.actorId, a.subjectId])
        .sort(),
      [
        ["MER-S-2026-0001", priya.id, dale.id],
        ["MER-S-2026-0002", priya.id, shop.id],
      ],
    );
    // Found again by a word of the name, and by the postcode's district.
    assert.deepEqual(
      (await links.find(priya, "merton", "crane", "test")).map((s) => s.reference),
      ["MER-S-2026-0001"],
    );
    assert.deepEqual(
      (await links.find(hannah, "merton", "SM4", "test")).map((s) => s.reference),
      ["MER-S-2026-0002"],
    );
    assert.deepEqual(
      auditOf("subjects.searched")
        .map((a) => [a.actorId, a.shown?.join()])
        .sort(),
      [
        [hannah.id, "MER-S-2026-0002"],
        [priya.id, "MER-S-2026-0001"],
      ].sort(),
    );
  });

  it("flags a later referral of a place it recorded, and refuses to record the same place twice", async () => {
    const shop = await record("12 Invented Parade", "location-of-concern", { postcode: "SM4 5ZZ" });
    const sent = await referralDesk(ports).submit(grace, PANEL, "location-of-concern", randomUUID(), {
      address: "12 Invented Parade\nMorden",
      postcode: "SM4 5ZZ",
      concerns: "Children seen going in after school.",
      request: "Visit by the licensing team.",
    });
    assert.ok(sent.ok, JSON.stringify(sent));
    assert.deepEqual(
      sent.referral.possibleDuplicates.map((d) => [d.reference, d.matchedOn]),
      [[shop.reference, "address-and-postcode"]],
    );
    await assert.rejects(
      record("12 invented parade", "location-of-concern", { postcode: "SM45ZZ" }),
      refusedWith("likely-duplicate"),
    );
  });

  it("lets only coordinators record subjects and draw links, and only for the panels they coordinate", async () => {
    const dale = await record("Dale Invented-Crane", "person-of-concern");
    await assert.rejects(
      links.record(
        hannah,
        "merton",
        { kind: "group", label: "Invented crew", postcode: null, dateOfBirth: null },
        "test",
      ),
      refusedWith("coordinators-only"),
    );
    await assert.rejects(link("exploited-by", robin, dale.id, hannah), refusedWith("coordinators-only"));
    await assert.rejects(
      links.add(
        priya,
        "merton",
        {
          kind: "exploited-by",
          from: robin,
          to: dale.id,
          note: "",
          panelId: "lambeth-mave",
          meetingId: MEETING,
          referralId: null,
        },
        "test",
      ),
      refusedWith("not-coordinator"),
    );
    assert.deepEqual(auditOf("link.added"), []);
  });

  it("refuses a link of the wrong kind and the same link twice, and draws it again once ended", async () => {
    const dale = await record("Dale Invented-Crane", "person-of-concern");
    await assert.rejects(link("frequents", robin, dale.id), refusedWith("link-not-valid"));
    const drawn = await link("exploited-by", robin, dale.id);
    assert.deepEqual(
      [drawn.fromReference, drawn.label, drawn.toReference],
      ["MER-2026-0001", "exploited by", dale.reference],
    );
    await assert.rejects(link("exploited-by", robin, dale.id), (e: unknown) => {
      assert.ok(e instanceof Refusal);
      assert.equal(e.reason, "conflict");
      assert.equal(e.message, "These two are already linked this way.");
      return true;
    });
    const ended = await links.end(priya, "merton", drawn.id, "Not the same man after all.", "test");
    assert.equal(ended.ended?.reason, "Not the same man after all.");
    await assert.rejects(
      links.end(priya, "merton", drawn.id, "Again.", "test"),
      refusedWith("already-ended"),
    );
    await link("exploited-by", robin, dale.id);
    assert.deepEqual(
      [...auditOf("link.added"), ...auditOf("link.ended")].map((a) => [a.action, a.shown]),
      [
        ["link.added", ["MER-2026-0001", dale.reference]],
        ["link.added", ["MER-2026-0001", dale.reference]],
        ["link.ended", ["MER-2026-0001", dale.reference]],
      ],
    );
  });

  it("of two coordinators drawing the same link at the same moment, one draws it and the other is told", async () => {
    // Siblings read the same both ways: Robin to Sasha is the same link as Sasha to Robin.
    ports.casework.interleave(() => link("sibling", sasha, robin));
    await assert.rejects(link("sibling", robin, sasha), refusedWith("already-linked"));
    const drawn = await ports.casework.subjectLinks("merton", robin);
    assert.deepEqual(
      drawn.map((l) => [l.kind, l.from]),
      [["sibling", sasha]],
    );
    assert.equal(auditOf("link.added").length, 1, "only the link drawn is audited");
  });

  describe("the map around a child", () => {
    let dale: string;
    let shop: string;
    let toShop: string;
    beforeEach(async () => {
      dale = (await record("Dale Invented-Crane", "person-of-concern")).id;
      shop = (await record("12 Invented Parade", "location-of-concern", { postcode: "SM4 5ZZ" })).id;
      await link("exploited-by", robin, dale);
      toShop = (await link("frequents", robin, shop)).id;
      await link("frequents", sasha, shop);
    });
    const map = (actor: { id: string; name: string }, depth: number, more = {}) =>
      links.map(actor, "merton", robin, { depth, kinds: [], ...more }, "test");
    const references = (m: Awaited<ReturnType<typeof map>>) => m.nodes.map((n) => n.reference).sort();

    it("to depth 1 holds the child's links; to depth 2 the child who shares the place", async () => {
      const one = await map(priya, 1);
      assert.deepEqual(references(one), ["MER-2026-0001", "MER-S-2026-0001", "MER-S-2026-0002"]);
      assert.deepEqual(
        one.edges
          .map((e) => [e.from, e.label, e.to])
          .sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
        [
          [robin, "exploited by", dale],
          [robin, "frequents", shop],
        ],
      );
      const two = await map(priya, 2);
      assert.deepEqual(references(two), [
        "MER-2026-0001",
        "MER-2026-0002",
        "MER-S-2026-0001",
        "MER-S-2026-0002",
      ]);
      assert.deepEqual(two.shared, [{ child: robin, place: shop, with: sasha }]);
      const sashaNode = two.nodes.find((n) => n.id === sasha);
      assert.deepEqual(
        [sashaNode?.label, sashaNode?.depth, sashaNode?.case?.status, sashaNode?.case?.riskLabel],
        ["Sasha Invented-Lowe", 2, "open", "Significant"],
      );
      assert.equal(two.cut, false);
      assert.deepEqual(
        // Entries made at one instant have no order of their own.
        auditOf("map.viewed")
          .map((a) => [a.reference, a.shown?.slice().sort()])
          .sort((a, b) => Number(a[1]?.length) - Number(b[1]?.length)),
        [
          ["MER-2026-0001", ["MER-2026-0001", "MER-S-2026-0001", "MER-S-2026-0002"]],
          ["MER-2026-0001", references(two)],
        ],
      );
    });

    it("shows a presenter their own case's direct links by reference and kind only, and refuses them another's", async () => {
      const seen = await map(grace, 2);
      const byId = new Map(seen.nodes.map((n) => [n.id, n]));
      assert.equal(byId.get(robin)?.label, "Robin Invented-Hale");
      // Not the network beyond the case's own links, nor who else shares its places.
      assert.equal(seen.depth, 1);
      assert.ok(!byId.has(sasha));
      assert.deepEqual(seen.shared, []);
      for (const other of [dale, shop]) {
        assert.deepEqual(
          [byId.get(other)?.label, byId.get(other)?.withheld, byId.get(other)?.case],
          [null, true, null],
        );
      }
      assert.ok(seen.edges.every((e) => e.note === null && e.addedByName === null));
      await assert.rejects(
        links.map(grace, "merton", sasha, { depth: 2, kinds: [] }, "test"),
        refusedWith("not-your-case"),
      );
      await assert.rejects(map({ id: ava.id, name: ava.displayName }, 1), refusedWith("not-your-case"));
      assert.equal(auditOf("map.viewed").length, 1);
    });

    it("follows only the kinds of link chosen, and an ended link only in a period it was in force", async () => {
      assert.deepEqual(references(await map(priya, 2, { kinds: ["exploited-by"] })), [
        "MER-2026-0001",
        "MER-S-2026-0001",
      ]);
      ports.clock.set("2026-12-21T12:00:00Z");
      await links.end(priya, "merton", toShop, "Stopped going there.", "test");
      ports.clock.set("2026-12-22T12:00:00Z");
      assert.deepEqual(references(await map(priya, 2)), ["MER-2026-0001", "MER-S-2026-0001"]);
      const december = await map(priya, 1, { from: "2026-12-01", to: "2026-12-31" });
      assert.equal(december.edges.find((e) => e.id === toShop)?.endedAt, "2026-12-21T12:00:00.000Z");
    });

    it("reads a depth-2 map in three waves of reads, then writes its audit entry", async () => {
      let inFlight = 0;
      let waves = 0;
      const counted = new Proxy(ports.casework, {
        get(target, name, receiver) {
          const value: unknown = Reflect.get(target, name, receiver);
          if (typeof value !== "function") return value;
          return (...args: unknown[]) => {
            if (inFlight++ === 0) waves++;
            return (value as (...a: unknown[]) => Promise<unknown>)
              .apply(target, args)
              .finally(() => inFlight--);
          };
        },
      }) as Casework;
      await linkDesk({ ...ports, casework: counted }).map(
        priya,
        "merton",
        robin,
        { depth: 2, kinds: [] },
        "test",
      );
      assert.equal(waves, 4);
    });

    it("stops at 150 subjects and says the map was cut", async () => {
      for (let n = 1; n <= 150; n++) {
        const place = await record(`${n} Invented Walk`, "location-of-concern");
        await link("frequents", robin, place.id);
      }
      const cut = await map(priya, 1);
      assert.equal(cut.nodes.length, 150);
      assert.equal(cut.cut, true);
      assert.ok(cut.edges.every((e) => cut.nodes.some((n) => n.id === e.to)));
    });
  });
});
