import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import {
  agendaDesk as agendaDeskOn,
  type AgendaView,
} from "../../../bot/src/application/agenda/agenda-desk.js";
import { DecisionInput } from "../../../bot/src/domain/decisions/decision.js";
import { Refusal } from "../../../bot/src/domain/refusal.js";
import { demoActor } from "../../support/people.js";
import { caseDecisions, fakePorts, referralDesk, type FakePorts } from "../../support/fakes/index.js";
import { mertonChild } from "../../support/referral-forms.js";
import { signInToMeeting } from "../../support/meeting-sign-in.js";

// Merton's pre-MACE sections by presenting need (001 appendix 2) fill themselves from the
// referral's screening, and the coordinator moves a case to another theme.

const PANEL = "merton-pre-mace";
const FIRST = "2026-12-03";
const NEXT = "2027-01-07";
const grace = demoActor("Grace Mensah");
const priya = demoActor("Priya Okafor");
const hannah = demoActor("Hannah Reyes");

/** Where a case is on an agenda: the section's id, "to place", or nowhere. */
const placeOf = (view: AgendaView, subjectId: string): string | undefined =>
  view.entries.find((e) => e.slots.some((s) => s.subjects.some((x) => x.subjectId === subjectId)))?.id ??
  (view.unplaced.some((c) => c.subjectId === subjectId) ? "to place" : undefined);
const slotOf = (view: AgendaView, subjectId: string) =>
  view.entries.flatMap((e) => e.slots).find((s) => s.subjects.some((x) => x.subjectId === subjectId));

describe("A case's theme places it in the agenda's section for its presenting need", () => {
  let ports: FakePorts;
  let desk: ReturnType<typeof referralDesk>;
  let agendas: ReturnType<typeof agendaDeskOn>;
  beforeEach(() => {
    ports = fakePorts("2026-11-24T12:00:00Z");
    desk = referralDesk(ports);
    agendas = agendaDeskOn(ports);
  });

  /** Referred by Grace and accepted by Priya; linked to a known subject if given. */
  const accepted = async (values: Record<string, unknown>, linkTo: string | null = null) => {
    const sent = await desk.submit(grace, PANEL, "individual", randomUUID(), values);
    assert.ok(sent.ok, JSON.stringify(sent));
    const read = await desk.view(priya, PANEL, sent.referral.id, "test");
    const done = await desk.triage(
      priya,
      PANEL,
      sent.referral.id,
      { decision: "accept", note: "", linkToSubjectId: linkTo },
      read.etag,
      "test",
    );
    return { subjectId: done.subjectId ?? "", reference: done.reference, referral: sent.referral };
  };
  /** The panel discusses the case at its first meeting and brings it back to the next. */
  const discussed = async (subjectId: string) => {
    ports.clock.set(`${FIRST}T10:00:00Z`);
    await signInToMeeting(ports, priya, PANEL, FIRST);
    await caseDecisions(ports).decide(
      priya,
      "coordinator",
      PANEL,
      FIRST,
      subjectId,
      DecisionInput.parse({ kind: "continue", reviewDate: NEXT }),
      "none",
    );
  };
  const agendaAt = (meetingId: string) => agendas.view(priya, "coordinator", PANEL, meetingId, "test");
  const themeOf = async (subjectId: string) =>
    (await ports.casework.case("merton", PANEL, subjectId))?.value.theme;

  it("an accepted Merton referral scoring highest on missing episodes is placed in the Missing section of the next agenda it returns to", async () => {
    const child = await accepted({
      ...mertonChild("Ivy Testcase"),
      "screening.missing": 16,
      "screening.criminal-exploitation": 12,
    });
    assert.equal(await themeOf(child.subjectId), "missing");
    // New to the panel, it is first discussed among the new cases, whatever its theme.
    assert.equal(placeOf(await agendaAt(FIRST), child.subjectId), "new-cases");

    await discussed(child.subjectId);
    const next = await agendaAt(NEXT);
    assert.equal(placeOf(next, child.subjectId), "missing");
    assert.deepEqual(slotOf(next, child.subjectId)?.theme.id, "missing");
    assert.deepEqual(
      next.themes.map((t) => t.id),
      ["coercion-control", "missing", "serious-youth-violence", "sexual-health", "out-of-borough"],
    );
  });

  it("the coordinator moves a case to another theme and it moves section", async () => {
    const child = await accepted({ ...mertonChild("Jude Testcase"), "screening.missing": 16 });
    await discussed(child.subjectId);
    const before = await agendaAt(NEXT);
    const version = slotOf(before, child.subjectId)?.theme.caseVersion ?? "";

    ports.clock.set(`${FIRST}T15:30:00Z`);
    const changed = await agendas.changeTheme(
      priya,
      PANEL,
      child.subjectId,
      "out-of-borough",
      version,
      "tab agenda",
    );
    assert.deepEqual(changed, { theme: "out-of-borough" });
    const after = await agendaAt(NEXT);
    assert.equal(placeOf(after, child.subjectId), "out-of-borough");
    assert.deepEqual(
      ports.casework
        .auditOf("merton")
        .filter((e) => e.action === "case.theme-changed")
        .map((e) => [e.actorId, e.subjectId, e.reference, e.via]),
      [[priya.id, child.subjectId, child.reference, "tab agenda"]],
    );

    // A change made on the version read before is refused, naming who changed it and when.
    await assert.rejects(
      agendas.changeTheme(priya, PANEL, child.subjectId, "missing", version, "tab agenda"),
      (e: unknown) =>
        e instanceof Refusal &&
        e.reason === "conflict" &&
        e.message ===
          "This was changed by Priya Okafor at 15:30 after you opened it. Reload to see their change, then make yours again.",
    );
    // No theme at all: the case waits for the coordinator to place it.
    const current = slotOf(after, child.subjectId)?.theme.caseVersion ?? "";
    await agendas.changeTheme(priya, PANEL, child.subjectId, null, current, "tab agenda");
    assert.equal(placeOf(await agendaAt(NEXT), child.subjectId), "to place");
  });

  it("a theme the coordinator chose stays when a later referral for the same child is accepted", async () => {
    const child = await accepted({ ...mertonChild("Kit Testcase"), "screening.missing": 16 });
    await discussed(child.subjectId);
    const version = slotOf(await agendaAt(NEXT), child.subjectId)?.theme.caseVersion ?? "";
    await agendas.changeTheme(priya, PANEL, child.subjectId, "out-of-borough", version, "tab agenda");

    const again = await accepted(
      { ...mertonChild("Kit Testcase"), "screening.serious-youth-violence": 30 },
      child.subjectId,
    );
    assert.equal(again.subjectId, child.subjectId);
    assert.equal(await themeOf(child.subjectId), "out-of-borough");
  });

  it("a later referral's screening moves a case whose theme nobody chose", async () => {
    const child = await accepted({ ...mertonChild("Lee Testcase"), "screening.missing": 16 });
    await accepted(
      { ...mertonChild("Lee Testcase"), "screening.serious-youth-violence": 30 },
      child.subjectId,
    );
    assert.equal(await themeOf(child.subjectId), "serious-youth-violence");
  });

  it("only the panel's coordinators change a theme, and only to one the agenda has", async () => {
    const child = await accepted({ ...mertonChild("Max Testcase"), "screening.missing": 16 });
    const version = (await ports.casework.case("merton", PANEL, child.subjectId))?.etag ?? "";
    await assert.rejects(
      agendas.changeTheme(hannah, PANEL, child.subjectId, "out-of-borough", version, "tab agenda"),
      (e: unknown) =>
        e instanceof Refusal &&
        e.reason === "not-allowed" &&
        e.message === "Only the panel's coordinators can change a case's theme.",
    );
    await assert.rejects(
      agendas.changeTheme(priya, PANEL, child.subjectId, "runaway", version, "tab agenda"),
      (e: unknown) => e instanceof Refusal && e.reason === "invalid" && e.code === "unknown-theme",
    );
    await assert.rejects(
      agendas.changeTheme(priya, PANEL, randomUUID(), "missing", version, "tab agenda"),
      (e: unknown) => e instanceof Refusal && e.reason === "not-found",
    );
    assert.equal(await themeOf(child.subjectId), "missing");
    assert.ok(!ports.casework.auditOf("merton").some((e) => e.action === "case.theme-changed"));
  });
});
