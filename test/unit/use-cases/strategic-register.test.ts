import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { agendaDesk } from "../../../bot/src/application/agenda/agenda-desk.js";
import { historyDesk } from "../../../bot/src/application/history/history-desk.js";
import { registerDesk } from "../../../bot/src/application/strategic/register-desk.js";
import { DecisionInput } from "../../../bot/src/domain/decisions/decision.js";
import { Refusal } from "../../../bot/src/domain/refusal.js";
import {
  actionLog,
  caseDecisions,
  fakePorts,
  referralDesk,
  type FakePorts,
} from "../../support/fakes/index.js";
import { signInToMeeting } from "../../support/meeting-sign-in.js";
import { demoActor } from "../../support/people.js";
import { mertonChild } from "../../support/referral-forms.js";

// Merton's strategic MACE keeps its register of themes, trends and blockages and its forward
// plan, on fakes: who raises, reviews, passes on and closes an entry; what its agenda shows; and
// an operational escalation raised on the register with the case's reference alone.

const STRATEGIC = "merton-strategic-mace";
const PRE_MACE = "merton-pre-mace";
const priya = demoActor("Priya Okafor"); // coordinator of both panels
const tom = demoActor("Tom Ashworth"); // chair of both
const hannah = demoActor("Hannah Reyes"); // member of both
const owen = demoActor("Owen Brathwaite"); // member of both
const daniel = demoActor("Daniel Kowalski"); // pre-MACE only
const farah = demoActor("Farah Lindqvist"); // analyst
const grace = demoActor("Grace Mensah"); // presenter at pre-MACE
const ines = demoActor("Ines Dalgaard"); // Merton's administrator

const refusedWith = (reason: string, code: string, message?: string) => (e: unknown) => {
  assert.ok(e instanceof Refusal, String(e));
  assert.deepEqual([e.reason, e.code], [reason, code]);
  if (message) assert.equal(e.message, message);
  return true;
};

const blockage = (over: object = {}) => ({
  id: randomUUID(),
  kind: "blockage" as const,
  title: "No CAMHS slots for exploited boys",
  description: "Three cases this quarter waited over twelve weeks for a CAMHS assessment (MER-2026-0004).",
  ownerId: null,
  ...over,
});

describe("The strategic MACE's register of themes, trends and blockages", () => {
  let ports: FakePorts;
  let register: ReturnType<typeof registerDesk>;

  beforeEach(() => {
    // Merton's strategic MACE meets on the third Thursday: 17 December 2026, 21 January 2027.
    ports = fakePorts("2026-12-10T10:00:00Z");
    register = registerDesk(ports);
  });

  it("a member raises a blockage: numbered, open, owned by the first chair when no owner is chosen, and audited", async () => {
    const raised = await register.raise(hannah, STRATEGIC, blockage(), "test");
    assert.deepEqual(
      [raised.reference, raised.status, raised.ownerName, raised.kindLabel, raised.raised.byName],
      ["MER-R-2026-0001", "open", "Tom Ashworth", "Blockage", "Hannah Reyes"],
    );
    assert.equal(raised.raisedFromText, "Raised by Hannah Reyes on 10 December 2026");
    const audit = ports.casework.auditOf("merton").filter((a) => a.action === "register.raised");
    assert.deepEqual(
      audit.map((a) => [a.actorId, a.reference, a.panelId, a.subjectId]),
      [[hannah.id, "MER-R-2026-0001", STRATEGIC, null]],
    );
  });

  it("the same form sent twice raises one entry; the next entry takes the next number", async () => {
    const form = blockage({ ownerId: owen.id });
    const first = await register.raise(hannah, STRATEGIC, form, "test");
    const again = await register.raise(hannah, STRATEGIC, form, "test");
    assert.equal(again.id, first.id);
    assert.equal(first.ownerName, "Owen Brathwaite");
    const second = await register.raise(owen, STRATEGIC, blockage({ kind: "trend" }), "test");
    assert.equal(second.reference, "MER-R-2026-0002");
    const page = await register.view(priya, STRATEGIC, undefined);
    assert.deepEqual(
      page.open.map((i) => i.reference),
      ["MER-R-2026-0001", "MER-R-2026-0002"],
    );
  });

  it("a description giving a date of birth or a postcode is refused, naming the field, and nothing is written", async () => {
    await assert.rejects(
      register.raise(
        hannah,
        STRATEGIC,
        blockage({ description: "The boy, DOB 03/04/2011, lives at SW19 2HR." }),
        "test",
      ),
      (e: unknown) => {
        assert.ok(e instanceof Refusal);
        assert.equal(e.code, "identifying-detail");
        assert.deepEqual(
          e.fields.map((f) => [f.field, f.message]),
          [
            [
              "description",
              "This looks like a date of birth and a postcode. Refer to a case by its reference only: no child's name, date of birth or address.",
            ],
          ],
        );
        return true;
      },
    );
    assert.deepEqual((await register.view(priya, STRATEGIC, undefined)).open, []);
  });

  it("only the strategic panel's members use the register: not the pre-MACE's members, its analyst nor an owner from outside it", async () => {
    await assert.rejects(
      register.view(daniel, STRATEGIC, undefined),
      refusedWith("not-allowed", "not-a-member"),
    );
    await assert.rejects(
      register.raise(farah, STRATEGIC, blockage(), "test"),
      refusedWith("not-allowed", "reports-only"),
    );
    await assert.rejects(
      register.raise(hannah, STRATEGIC, blockage({ ownerId: daniel.id }), "test"),
      refusedWith("invalid", "unknown-owner"),
    );
    await assert.rejects(
      register.view(priya, PRE_MACE, undefined),
      refusedWith("not-found", "not-strategic"),
    );
  });

  it("each strategic meeting records a review of an open entry; one still to come, or held before it was raised, cannot", async () => {
    const raised = await register.raise(hannah, STRATEGIC, blockage({ ownerId: owen.id }), "test");
    await assert.rejects(
      register.review(
        tom,
        STRATEGIC,
        raised.id,
        { meetingId: "2026-12-17", note: "Too early to say." },
        raised.version,
        "test",
      ),
      refusedWith("not-now", "meeting-to-come"),
    );
    ports.clock.set("2026-12-17T12:00:00Z");
    await assert.rejects(
      register.review(
        tom,
        STRATEGIC,
        raised.id,
        { meetingId: "2026-11-19", note: "Before its time." },
        raised.version,
        "test",
      ),
      refusedWith("not-now", "meeting-before-raised"),
    );
    const reviewed = await register.review(
      tom,
      STRATEGIC,
      raised.id,
      { meetingId: "2026-12-17", note: "Health to bring waiting times to January." },
      raised.version,
      "test",
    );
    assert.deepEqual(
      reviewed.reviews.map((r) => [r.meetingId, r.byName, r.note]),
      [["2026-12-17", "Tom Ashworth", "Health to bring waiting times to January."]],
    );
    // The owner may review their own entry; another member may not.
    ports.clock.set("2026-12-17T12:05:00Z");
    const corrected = await register.review(
      owen,
      STRATEGIC,
      raised.id,
      { meetingId: "2026-12-17", note: "Health bring waiting times to January's meeting." },
      reviewed.version,
      "test",
    );
    assert.equal(corrected.reviews.length, 1);
    assert.equal(corrected.reviews[0]?.byName, "Owen Brathwaite");
    await assert.rejects(
      register.review(
        hannah,
        STRATEGIC,
        raised.id,
        { meetingId: "2026-12-17", note: "A note of mine." },
        corrected.version,
        "test",
      ),
      refusedWith(
        "not-allowed",
        "leads-or-owner-only",
        "Only the panel's coordinators and chairs, or the entry's owner (Owen Brathwaite), can do this.",
      ),
    );
    assert.deepEqual(
      ports.casework
        .auditOf("merton")
        .filter((a) => a.action === "register.reviewed")
        .map((a) => a.actorId),
      [tom.id, owen.id],
    );
  });

  it("a change on an old version is refused, saying who changed it and when", async () => {
    const raised = await register.raise(hannah, STRATEGIC, blockage(), "test");
    ports.clock.set("2026-12-17T15:00:00Z");
    await register.changeOwner(priya, STRATEGIC, raised.id, hannah.id, raised.version, "test");
    await assert.rejects(
      register.close(tom, STRATEGIC, raised.id, "Commissioners funded more slots.", raised.version, "test"),
      (e: unknown) => {
        assert.ok(e instanceof Refusal);
        assert.equal(e.reason, "conflict");
        assert.match(e.message, /^This was changed by Priya Okafor at \d\d:\d\d after you opened it\./);
        return true;
      },
    );
    await assert.rejects(
      register.changeOwner(owen, STRATEGIC, raised.id, owen.id, raised.version, "test"),
      refusedWith("not-allowed", "leads-only"),
    );
  });

  it("closing an entry with its outcome moves it to the closed list, the latest closed first", async () => {
    const first = await register.raise(hannah, STRATEGIC, blockage(), "test");
    const second = await register.raise(
      hannah,
      STRATEGIC,
      blockage({ kind: "theme", title: "Boys groomed online" }),
      "test",
    );
    ports.clock.set("2026-12-17T15:00:00Z");
    await register.close(tom, STRATEGIC, first.id, "Commissioners funded more slots.", first.version, "test");
    ports.clock.set("2026-12-17T15:05:00Z");
    const closed = await register.close(
      priya,
      STRATEGIC,
      second.id,
      "Taken into the partnership's plan.",
      second.version,
      "test",
    );
    assert.deepEqual([closed.status, closed.outcome?.byName], ["closed", "Priya Okafor"]);
    const page = await register.view(hannah, STRATEGIC, undefined);
    assert.deepEqual(page.open, []);
    assert.deepEqual(
      page.closed.map((i) => [i.reference, i.outcome?.text]),
      [
        ["MER-R-2026-0002", "Taken into the partnership's plan."],
        ["MER-R-2026-0001", "Commissioners funded more slots."],
      ],
    );
    await assert.rejects(
      register.close(tom, STRATEGIC, first.id, "Again.", page.closed[1]?.version ?? "", "test"),
      refusedWith("not-now", "closed"),
    );
  });

  it("the coordinator records an action on an open entry at a strategic meeting; the register lists it under the entry", async () => {
    const raised = await register.raise(hannah, STRATEGIC, blockage(), "test");
    ports.clock.set("2026-12-17T12:00:00Z");
    const action = await actionLog(ports).create(
      priya,
      STRATEGIC,
      "2026-12-17",
      {
        subjectId: null,
        registerItemId: raised.id,
        title: "Waiting times to the board",
        text: "Bring CAMHS waiting times for exploited children to January's meeting.",
        ownerId: hannah.id,
        dueDate: null,
      },
      "test",
    );
    assert.deepEqual(
      [action.registerItem, action.caseReference, action.dueDate, action.ownerName],
      [{ id: raised.id, reference: raised.reference }, null, "2026-12-31", "Hannah Reyes"],
    );
    const page = await register.view(owen, STRATEGIC, undefined);
    assert.deepEqual(
      page.open[0]?.actions.map((a) => [a.reference, a.title, a.ownerName, a.status]),
      [[action.reference, "Waiting times to the board", "Hannah Reyes", "open"]],
    );
    const closed = await register.close(
      tom,
      STRATEGIC,
      raised.id,
      "Waiting times are down.",
      raised.version,
      "test",
    );
    await assert.rejects(
      actionLog(ports).create(
        priya,
        STRATEGIC,
        "2026-12-17",
        {
          subjectId: null,
          registerItemId: closed.id,
          title: "Too late",
          text: "On a closed entry.",
          ownerId: hannah.id,
          dueDate: null,
        },
        "test",
      ),
      refusedWith("invalid", "unknown-register-item"),
    );
  });

  it("the coordinator plans topics for a coming meeting; members see them and cannot change them", async () => {
    const page = await register.view(hannah, STRATEGIC, undefined);
    assert.deepEqual(
      page.forwardPlan.slice(0, 2).map((p) => [p.meetingId, p.topics, p.version]),
      [
        ["2026-12-17", [], "none"],
        ["2027-01-21", [], "none"],
      ],
    );
    const topics = [
      {
        id: randomUUID(),
        title: "Exploitation in supported accommodation",
        lead: "Housing",
        reportRequested: true,
      },
    ];
    await assert.rejects(
      register.planMeeting(hannah, STRATEGIC, "2027-01-21", topics, "none", "test"),
      refusedWith("not-allowed", "coordinators-only"),
    );
    const plan = await register.planMeeting(priya, STRATEGIC, "2027-01-21", topics, "none", "test");
    assert.deepEqual(plan.topics, topics);
    await assert.rejects(
      register.planMeeting(priya, STRATEGIC, "2027-01-21", [], "none", "test"),
      refusedWith("conflict", "changed-by-someone-else"),
    );
    await assert.rejects(
      register.planMeeting(priya, STRATEGIC, "2026-11-19", topics, "none", "test"),
      refusedWith("not-now", "meeting-held"),
    );
    const seen = await register.view(hannah, STRATEGIC, undefined);
    assert.deepEqual(seen.forwardPlan[1]?.topics, topics);
    assert.equal(seen.plans, false);
    assert.deepEqual(
      ports.casework
        .auditOf("merton")
        .filter((a) => a.action === "forward-plan.changed")
        .map((a) => a.reference),
      ["2027-01-21"],
    );
  });

  it("the strategic agenda lists the open entries under the register item, and the meeting's planned topics under the thematic discussion", async () => {
    const raised = await register.raise(hannah, STRATEGIC, blockage(), "test");
    const topic = {
      id: randomUUID(),
      title: "Exploitation in supported accommodation",
      lead: "Housing",
      reportRequested: true,
    };
    await register.planMeeting(priya, STRATEGIC, "2026-12-17", [topic], "none", "test");
    const later = {
      id: randomUUID(),
      title: "Knife crime around stations",
      lead: "Police",
      reportRequested: false,
    };
    await register.planMeeting(priya, STRATEGIC, "2027-01-21", [later], "none", "test");
    ports.clock.set("2026-12-17T12:00:00Z");
    await register.review(
      tom,
      STRATEGIC,
      raised.id,
      { meetingId: "2026-12-17", note: "Health to report back." },
      raised.version,
      "test",
    );

    const agenda = await agendaDesk(ports).view(hannah, "member", STRATEGIC, "2026-12-17", "test");
    const titles = agenda.entries.map((e) => e.id);
    assert.ok(titles.indexOf("pre-mace-update") < titles.indexOf("register"));
    assert.ok(titles.indexOf("register") < titles.indexOf("intelligence"));
    assert.deepEqual(
      agenda.strategic?.register?.entries.map((e) => [
        e.reference,
        e.kindLabel,
        e.ownerName,
        e.reviewedHere,
        e.lastReview?.note,
      ]),
      [["MER-R-2026-0001", "Blockage", "Tom Ashworth", true, "Health to report back."]],
    );
    assert.equal(agenda.strategic?.register?.itemId, "register");
    assert.deepEqual(agenda.strategic?.plannedTopics, {
      itemId: "thematic-discussion",
      topics: [{ title: topic.title, lead: "Housing", reportRequested: true }],
    });
    assert.deepEqual(agenda.strategic?.forwardPlan, {
      itemId: "forward-plan",
      meetings: [
        { meetingId: "2027-01-21", topics: [{ title: later.title, lead: "Police", reportRequested: false }] },
      ],
    });
    const operational = await agendaDesk(ports).view(hannah, "member", PRE_MACE, "2027-01-07", "test");
    assert.equal(operational.strategic, null);
  });

  it("the strategic agenda shows the register and plan to those the Register page lets in, and not to a presenter", async () => {
    await register.raise(hannah, STRATEGIC, blockage(), "test");
    // Grace presents a case to the strategic MACE: she sees that slot, not the register.
    await ports.directory.setRole({ personId: grace.id, panelId: STRATEGIC, role: "presenter" }, "test");
    await assert.rejects(
      register.view(grace, STRATEGIC, undefined),
      refusedWith("not-allowed", "members-only"),
    );
    const asPresenter = await agendaDesk(ports).view(grace, "presenter", STRATEGIC, "2026-12-17", "test");
    assert.equal(asPresenter.strategic, null);
    const asDeputy = await agendaDesk(ports).view(owen, "deputy", STRATEGIC, "2026-12-17", "test");
    assert.deepEqual(
      asDeputy.strategic?.register?.entries.map((e) => e.reference),
      ["MER-R-2026-0001"],
    );
  });
});

describe("Raising an operational escalation on the strategic register", () => {
  const MEETING = "2027-01-07";
  let ports: FakePorts;
  let child: { subjectId: string; reference: string };

  beforeEach(async () => {
    ports = fakePorts("2026-12-20T12:00:00Z");
    const desk = referralDesk(ports);
    const sent = await desk.submit(
      grace,
      PRE_MACE,
      "individual",
      randomUUID(),
      mertonChild("Robin Invented-Hale"),
    );
    assert.ok(sent.ok, JSON.stringify(sent));
    const read = await desk.view(priya, PRE_MACE, sent.referral.id, "test");
    const accepted = await desk.triage(
      priya,
      PRE_MACE,
      sent.referral.id,
      { decision: "accept", note: "", linkToSubjectId: null },
      read.etag,
      "test",
    );
    child = { subjectId: accepted.subjectId ?? "", reference: accepted.reference };
    ports.clock.set(`${MEETING}T10:00:00Z`);
    await signInToMeeting(ports, priya, PRE_MACE, MEETING);
  });

  const decide = (kind: string) =>
    caseDecisions(ports).decide(
      priya,
      "coordinator",
      PRE_MACE,
      MEETING,
      child.subjectId,
      DecisionInput.parse(
        kind === "escalate" ? { kind, riskLevel: "significant" } : { kind, reviewDate: "2027-01-20" },
      ),
      "none",
    );

  it("an escalation raises an entry on the area's strategic register carrying the case's reference only", async () => {
    await decide("escalate");
    const register = registerDesk(ports);
    const raised = await register.raiseFromEscalation(
      priya,
      PRE_MACE,
      MEETING,
      child.subjectId,
      blockage({
        title: "Exclusions leave exploited children without a school place",
        description: "See the case.",
      }),
      "test",
    );
    assert.equal(raised.panelId, STRATEGIC);
    assert.deepEqual(raised.raisedFrom, {
      kind: "escalation",
      panelId: PRE_MACE,
      meetingId: MEETING,
      caseReference: child.reference,
    });
    assert.equal(
      raised.raisedFromText,
      `Escalated from Pre-MACE operational panel on 7 January 2027 (case ${child.reference})`,
    );
    assert.ok(!JSON.stringify(raised).includes("Robin"));
    const page = await register.view(hannah, STRATEGIC, undefined);
    assert.deepEqual(
      page.open.map((i) => i.id),
      [raised.id],
    );
  });

  it("the escalated child's subject access export shows their case went to the strategic register", async () => {
    await decide("escalate");
    const raised = await registerDesk(ports).raiseFromEscalation(
      priya,
      PRE_MACE,
      MEETING,
      child.subjectId,
      blockage({ title: "Exclusions leave exploited children without a school place" }),
      "tab meeting",
    );
    const raisedAudit = ports.casework.auditOf("merton").filter((a) => a.action === "register.raised");
    assert.deepEqual(
      raisedAudit.map((a) => [a.actorId, a.panelId, a.subjectId, a.reference]),
      [[priya.id, STRATEGIC, child.subjectId, raised.reference]],
    );
    const held = await historyDesk(ports).exportForSubjectAccess(ines, "merton", child.subjectId, "test");
    assert.deepEqual(
      held.audit.filter((a) => a.action === "register raised").map((a) => [a.who, a.panelName, a.via]),
      [["Priya Okafor (Children's Social Care)", "Strategic MACE", "tab meeting"]],
    );
  });

  it("a case that was not escalated, or a member who is not a coordinator or chair, is refused", async () => {
    await decide("continue");
    const register = registerDesk(ports);
    await assert.rejects(
      register.raiseFromEscalation(priya, PRE_MACE, MEETING, child.subjectId, blockage(), "test"),
      refusedWith("not-found", "no-escalation"),
    );
    await assert.rejects(
      register.raiseFromEscalation(daniel, PRE_MACE, MEETING, child.subjectId, blockage(), "test"),
      refusedWith("not-allowed", "leads-only"),
    );
  });
});
