import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { accessPanel } from "../../../bot/src/application/access/panel-access.js";
import { agendaDesk } from "../../../bot/src/application/agenda/agenda-desk.js";
import { DecisionInput } from "../../../bot/src/domain/decisions/decision.js";
import type { Person } from "../../../bot/src/domain/people/membership.js";
import { referralForm, fieldsOf } from "../../../bot/src/domain/referrals/form.js";
import { Refusal } from "../../../bot/src/domain/refusal.js";
import { demoActor } from "../../support/people.js";
import { areas, caseDecisions, fakePorts, referralDesk, type FakePorts } from "../../support/fakes/index.js";
import { mertonChild } from "../../support/referral-forms.js";
import { signInToMeeting } from "../../support/meeting-sign-in.js";

// Presenters come from the work: whoever refers a case, and the allocated worker and manager the
// form names, present it and see it on the agenda; the role goes when the case leaves the panel.

const PANEL = "merton-pre-mace";
const MEETING = "2027-01-07";
const priya = demoActor("Priya Okafor");
const hannah = demoActor("Hannah Reyes");

/** Invented Merton practitioners with no place on the panel yet. */
const practitioner = (n: number, name: string, jobTitle: string, agencyId = "mer-csc"): Person => ({
  id: `00000000-0000-4000-8000-00000000093${n}`,
  displayName: name,
  email: `${name.split(" ")[0]?.toLowerCase()}.invented@merton.example`,
  jobTitle,
  agencyId,
});
const ava = practitioner(1, "Ava Invented-Referrer", "Youth justice practitioner", "mer-youth-justice");
const sam = practitioner(2, "Sam Invented-Worker", "Social worker");
const lee = practitioner(3, "Lee Invented-Manager", "Team manager");
const actorOf = (p: Person) => ({ id: p.id, name: p.displayName });

describe("Presenters come from the work", () => {
  let ports: FakePorts;
  let desk: ReturnType<typeof referralDesk>;
  beforeEach(() => {
    ports = fakePorts("2026-12-20T12:00:00Z");
    ports.directory.seed([ava, sam, lee], []);
    desk = referralDesk(ports);
  });

  const accept = async (by: Person, name: string, named: object = {}) => {
    const sent = await desk.submit(actorOf(by), PANEL, "individual", randomUUID(), {
      ...mertonChild(name),
      ...named,
    });
    assert.ok(sent.ok, JSON.stringify(sent));
    const read = await desk.view(priya, PANEL, sent.referral.id, "test");
    const accepted = await desk.triage(
      priya,
      PANEL,
      sent.referral.id,
      { decision: "accept", note: "", linkToSubjectId: null },
      read.etag,
      "test",
    );
    return accepted.subjectId ?? "";
  };
  const roleOf = async (personId: string) =>
    (await ports.directory.membersOf(PANEL)).find((m) => m.personId === personId)?.role;
  /** The role changes audited, in a stable order (entries made at one instant have no order). */
  const roleAudit = () =>
    ports.casework
      .auditOf("merton")
      .filter((e) => e.action.startsWith("role."))
      .map((e) => [e.action, e.personId, e.actorId, e.panelId].join(" "))
      .sort();
  const audited = (action: string, people: Person[]) =>
    people.map((p) => [action, p.id, priya.id, PANEL].join(" ")).sort();
  const agendaFor = (actor: { id: string; name: string }) =>
    agendaDesk(ports).view(actor, "presenter", PANEL, MEETING, "test");
  const decide = async (subjectId: string, input: object) => {
    await signInToMeeting(ports, priya, PANEL, MEETING);
    return caseDecisions(ports).decide(
      priya,
      "coordinator",
      PANEL,
      MEETING,
      subjectId,
      DecisionInput.parse(input),
      "none",
    );
  };

  it("the individual forms of the panels whose terms of reference expect them ask for the allocated worker and manager", () => {
    const { panels, areas: all } = areas();
    const ids = (panelId: string, kind: "individual" | "group" = "individual") => {
      const panel = panels.get(panelId);
      const area = all.find((a) => a.id === panel?.areaId);
      assert.ok(panel && area);
      return fieldsOf(referralForm(panel, area, kind, []))
        .filter((f) => f.id.startsWith("allocated"))
        .map((f) => [f.id, f.label, f.required]);
    };
    assert.deepEqual(ids("wandsworth-marve"), [
      ["allocatedWorkerEmail", "Allocated social worker: email", false],
      ["allocatedManagerEmail", "Their manager (supervisor): email", false],
    ]);
    assert.equal(ids("merton-pre-mace").length, 2);
    assert.equal(ids("wandsworth-marve-plus")[0]?.[1], "Allocated personal adviser (PA): email");
    assert.deepEqual(ids("merton-pre-mace", "group"), [], "a group's form names no allocated worker");
    assert.deepEqual(ids("lambeth-mave"), [], "004's form has no such fields");
  });

  it("an email that is not an email address is refused beside its field", async () => {
    const sent = await desk.submit(actorOf(ava), PANEL, "individual", randomUUID(), {
      ...mertonChild("Noor Invented-Case"),
      allocatedWorkerEmail: "sam at merton",
    });
    assert.ok(!sent.ok);
    assert.deepEqual(
      sent.problems.map((p) => p.field),
      ["allocatedWorkerEmail"],
    );
  });

  it("on acceptance the referrer and the named worker and manager become presenters of the case, each audited", async () => {
    const subjectId = await accept(ava, "Noor Invented-Case", {
      allocatedWorkerEmail: sam.email.toUpperCase(),
      allocatedManagerEmail: lee.email,
    });
    assert.deepEqual(
      [await roleOf(ava.id), await roleOf(sam.id), await roleOf(lee.id)],
      ["presenter", "presenter", "presenter"],
    );
    const stored = (await ports.casework.case("merton", PANEL, subjectId))?.value;
    assert.deepEqual([stored?.presenterId, stored?.presenterIds], [ava.id, [ava.id, sam.id, lee.id]]);
    assert.deepEqual(roleAudit(), audited("role.granted", [ava, sam, lee]));

    // Each sees the case's slot, with its name, on the meeting's agenda; each is a presenter there.
    for (const p of [ava, sam, lee]) {
      const access = await accessPanel(ports, p.id, PANEL);
      assert.equal(access.role, "presenter");
      const agenda = await agendaFor(actorOf(p));
      const slots = agenda.entries.flatMap((e) => e.slots);
      assert.deepEqual(
        slots.map((s) => s.subjects.map((x) => x.label)),
        [["Noor Invented-Case"]],
        p.displayName,
      );
      assert.deepEqual(slots[0]?.presenters, [ava.displayName, sam.displayName, lee.displayName]);
    }
  });

  it("a named email not in the area's directory is left out, and nobody's role is lowered", async () => {
    const subjectId = await accept(ava, "Noor Invented-Case", {
      allocatedWorkerEmail: "someone.unknown@merton.example",
      allocatedManagerEmail: "hannah.reyes@nhs.example",
    });
    assert.equal(await roleOf(hannah.id), "member", "a member stays a member");
    const stored = (await ports.casework.case("merton", PANEL, subjectId))?.value;
    assert.deepEqual(stored?.presenterIds, [ava.id, hannah.id]);
    assert.deepEqual(roleAudit(), audited("role.granted", [ava]));
  });

  it("a refused acceptance gives nobody a role", async () => {
    const sent = await desk.submit(actorOf(ava), PANEL, "individual", randomUUID(), {
      ...mertonChild("Noor Invented-Case"),
      allocatedWorkerEmail: sam.email,
    });
    assert.ok(sent.ok);
    await assert.rejects(
      desk.triage(
        priya,
        PANEL,
        sent.referral.id,
        { decision: "accept", note: "", linkToSubjectId: null },
        'W/"old"',
        "test",
      ),
      Refusal,
    );
    assert.deepEqual([await roleOf(ava.id), await roleOf(sam.id)], [undefined, undefined]);
  });

  it("when the case leaves the panel its presenters lose the role, unless they present another open case or hold another", async () => {
    const first = await accept(ava, "Noor Invented-Case", {
      allocatedWorkerEmail: sam.email,
      allocatedManagerEmail: "hannah.reyes@nhs.example",
    });
    const second = await accept(ava, "Kit Invented-Case", { allocatedWorkerEmail: lee.email });
    ports.clock.set(`${MEETING}T10:00:00Z`);

    await decide(first, { kind: "remove", rationale: "The plan is working; no further panel oversight." });
    assert.deepEqual(
      [await roleOf(ava.id), await roleOf(sam.id), await roleOf(lee.id), await roleOf(hannah.id)],
      ["presenter", undefined, "presenter", "member"],
      "Ava still presents Kit's case; Hannah is a member",
    );
    await assert.rejects(accessPanel(ports, sam.id, PANEL), (e: unknown) => {
      assert.ok(e instanceof Refusal);
      assert.equal(e.code, "not-a-member");
      return true;
    });

    await decide(second, { kind: "remove", rationale: "Risk reduced." });
    assert.deepEqual([await roleOf(ava.id), await roleOf(lee.id)], [undefined, undefined]);
    assert.deepEqual(
      roleAudit().filter((e) => e.startsWith("role.removed")),
      audited("role.removed", [ava, sam, lee]),
    );
  });
});
