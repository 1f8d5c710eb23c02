import assert from "node:assert/strict";
import { inForceDuring, linkProblems, linkWording, type Link } from "../../bot/src/domain/links/link.js";
import { sharedPlaces, type MapEdge, type MapNode } from "../../bot/src/application/links/subject-map.js";

// The rules a coordinator's link is checked against: what each kind of link joins, a link drawn
// twice, and an ended link, which stays in the record without standing in the way of a new one.

const child = { id: "child", kind: "individual" as const };
const sibling = { id: "sibling", kind: "individual" as const };
const adult = { id: "adult", kind: "person-of-concern" as const };
const shop = { id: "shop", kind: "location-of-concern" as const };
const group = { id: "group", kind: "group" as const };
const stamp = { by: "p", byName: "Priya Okafor", at: "2026-11-02T10:00:00.000Z" };
const existing = (kind: Link["kind"], from: string, to: string, ended: Link["ended"] = null) => ({
  kind,
  from,
  to,
  ended,
});

describe("Links between subjects", () => {
  it("refuses a kind of link that does not join these two, saying what it joins", () => {
    assert.deepEqual(linkProblems("frequents", child, adult, []), [
      '"frequents" links a person or group to a location: choose another kind of link.',
    ]);
    assert.deepEqual(linkProblems("member-of-group", shop, group, []), [
      '"member of" links a person to a group: choose another kind of link.',
    ]);
    assert.deepEqual(linkProblems("exploited-by", child, child, []), [
      "A subject cannot be linked to itself.",
    ]);
    assert.deepEqual(linkProblems("exploited-by", child, group, []), []);
  });

  it("refuses the same link twice, and a sibling link drawn the other way round", () => {
    const drawn = [existing("exploited-by", "child", "adult"), existing("sibling", "child", "sibling")];
    assert.deepEqual(linkProblems("exploited-by", child, adult, drawn), [
      "These two are already linked this way.",
    ]);
    assert.deepEqual(linkProblems("sibling", sibling, child, drawn), [
      "These two are already linked this way.",
    ]);
    // "exploited by" has a direction: the adult's link the other way is another link.
    assert.deepEqual(linkProblems("associates-with", child, adult, drawn), []);
  });

  it("lets a link be drawn again once the old one has ended", () => {
    const ended = existing("frequents", "child", "shop", { ...stamp, reason: "Moved away." });
    assert.deepEqual(linkProblems("frequents", child, shop, [ended]), []);
  });

  it("reads each way, and counts an ended link as in force until the day it ended", () => {
    const link = { from: "child", kind: "exploited-by" as const };
    assert.equal(linkWording(link, "child"), "exploited by");
    assert.equal(linkWording(link, "adult"), "exploits");
    const ended = { added: stamp, ended: { ...stamp, at: "2026-12-01T09:00:00.000Z", reason: "x" } };
    assert.equal(inForceDuring(ended, "2026-11-20", "2026-11-20"), true);
    assert.equal(inForceDuring(ended, "2026-12-01", "2026-12-31"), true);
    assert.equal(inForceDuring(ended, "2026-12-02", "2026-12-31"), false);
    assert.equal(inForceDuring(ended, "2026-10-01", "2026-11-01"), false);
  });

  it("finds children who share a place or a group without being linked to each other", () => {
    const node = (id: string, kind: MapNode["kind"]): MapNode => ({
      id,
      reference: id.toUpperCase(),
      kind,
      depth: 1,
      label: null,
      withheld: true,
      case: null,
    });
    const edge = (from: string, to: string, kind: MapEdge["kind"]): MapEdge => ({
      id: `${from}-${to}`,
      kind,
      from,
      to,
      label: "",
      inverse: "",
      note: null,
      addedByName: null,
      addedAt: stamp.at,
      endedAt: null,
    });
    const nodes = [
      node("a", "individual"),
      node("b", "individual"),
      node("c", "individual"),
      node("shop", "location-of-concern"),
      node("crew", "group"),
    ];
    const edges = [
      edge("b", "shop", "frequents"),
      edge("a", "shop", "frequents"),
      edge("c", "shop", "frequents"),
      edge("a", "c", "sibling"),
      edge("b", "crew", "member-of-group"),
      edge("c", "crew", "member-of-group"),
    ];
    assert.deepEqual(sharedPlaces(nodes, edges, "a"), [
      { child: "a", place: "shop", with: "b" },
      { child: "b", place: "shop", with: "c" },
      { child: "b", place: "crew", with: "c" },
    ]);
  });
});
