import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { PEOPLE } from "../../support/people.js";
import { fakePorts, referralDesk } from "../../support/fakes/index.js";
import { mertonChild } from "../../support/referral-forms.js";

// Lambeth's MAVE forms (004): the individual and group forms end with the agency's approval by a
// service manager; the persons and locations of concern form has no approval section, so it goes
// to the coordinator as soon as it is sent.

const nadia = { id: PEOPLE.lambethPractitioner.id, name: PEOPLE.lambethPractitioner.displayName };
const colm = PEOPLE.lambethManager.id;
const PANEL = "lambeth-mave";

describe("Lambeth's referrals and the service manager's approval", () => {
  const desk = () => referralDesk(fakePorts("2026-11-24T12:00:00Z"));
  const sections = async (kind: string) =>
    (await desk().form(nadia.id, PANEL, kind)).sections.map((s) => s.id);

  it("asks for the service manager on the individual and group forms only", async () => {
    assert.ok((await sections("individual")).includes("approval"));
    assert.ok((await sections("group")).includes("approval"));
    assert.ok(!(await sections("person-of-concern")).includes("approval"));
    assert.ok(!(await sections("location-of-concern")).includes("approval"));
  });

  it("a location of concern goes straight to the coordinator; a child waits for the manager", async () => {
    const referrals = desk();
    const place = await referrals.submit(nadia, PANEL, "location-of-concern", randomUUID(), {
      address: "3 Invented Walk\nBrixton",
      postcode: "SW9 8ZZ",
      concerns: "Young people seen going in late at night.",
      request: "A visit by the licensing team.",
    });
    assert.ok(place.ok, JSON.stringify(place));
    assert.deepEqual([place.referral.status, place.referral.managerId], ["new", null]);

    const child = await referrals.submit(nadia, PANEL, "individual", randomUUID(), {
      ...mertonChild("Tam Invented-Okoye"),
      blockers: ["no-services"],
      managerId: colm,
    });
    assert.ok(child.ok, JSON.stringify(child));
    assert.deepEqual([child.referral.status, child.referral.managerId], ["awaiting-approval", colm]);
  });
});
