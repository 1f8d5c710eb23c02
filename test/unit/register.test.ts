import assert from "node:assert/strict";
import { identifyingDetail } from "../../bot/src/domain/privacy/identifying-detail.js";
import {
  awaitsReviewAt,
  withReview,
  type RegisterItem,
} from "../../bot/src/domain/strategic/register-item.js";

// The strategic register's rules as plain functions: what typed text looks identifying, and how
// each meeting's review of an entry is kept.

describe("Text on the strategic register", () => {
  it("is refused when it gives a date of birth, a full postcode or a house address", () => {
    assert.deepEqual(identifyingDetail("Her DOB is 03/04/2011."), ["a date of birth"]);
    assert.deepEqual(identifyingDetail("date of birth 3 April 2011"), ["a date of birth"]);
    assert.deepEqual(identifyingDetail("Born 2011 in the borough"), ["a date of birth"]);
    assert.deepEqual(identifyingDetail("Seen near SW19 2HR"), ["a postcode"]);
    assert.deepEqual(identifyingDetail("Lives at 14 Invented Road"), ["an address"]);
    assert.deepEqual(identifyingDetail("d.o.b. given, at 7 Imaginary Close, SM4 5ZZ"), [
      "a date of birth",
      "a postcode",
      "an address",
    ]);
  });

  it("passes case references, meeting dates, districts and numbers of cases", () => {
    for (const text of [
      "Three cases (MER-2026-0004, MER-2026-0011) waited twelve weeks.",
      "Raised at the meeting of 17 December 2026; review in January.",
      "Children placed in SW19 and CR4 from out of borough.",
      "12 children excluded this term; 3 on part-time timetables.",
    ])
      assert.deepEqual(identifyingDetail(text), [], text);
  });
});

describe("Reviews of a register entry", () => {
  const stamp = { by: "chair", byName: "Invented Chair", at: "2026-12-17T12:00:00.000Z" };
  const entry: RegisterItem = {
    id: "00000000-0000-4000-8000-00000000a001",
    reference: "MER-R-2026-0001",
    areaId: "merton",
    panelId: "merton-strategic-mace",
    kind: "blockage",
    title: "Waiting for CAMHS",
    description: "Cases wait too long.",
    raised: stamp,
    raisedFrom: { kind: "member" },
    ownerId: "chair",
    ownerName: "Invented Chair",
    status: "open",
    outcome: null,
    reviews: [],
  };

  it("keeps one review per meeting, in meeting order: a second at the same meeting replaces the first's note", () => {
    const january = withReview(entry, { ...stamp, meetingId: "2027-01-21", note: "Report due." });
    const december = withReview(january, { ...stamp, meetingId: "2026-12-17", note: "First look." });
    const corrected = withReview(december, { ...stamp, meetingId: "2027-01-21", note: "Report received." });
    assert.deepEqual(
      corrected.reviews.map((r) => [r.meetingId, r.note]),
      [
        ["2026-12-17", "First look."],
        ["2027-01-21", "Report received."],
      ],
    );
    assert.equal(awaitsReviewAt(corrected, "2027-01-21"), false);
    assert.equal(awaitsReviewAt(corrected, "2027-02-18"), true);
    assert.equal(awaitsReviewAt({ ...corrected, status: "closed" }, "2027-02-18"), false);
  });
});
