import assert from "node:assert/strict";
import { runRetention, type RetentionOptions } from "../../../bot/src/application/retention/retention-run.js";
import type { Catalogue } from "../../../bot/src/domain/catalogue/catalogue.js";
import type { RetentionPolicy } from "../../../bot/src/domain/retention/retention-policy.js";
import { matchKeys } from "../../../bot/src/domain/referrals/duplicates.js";
import { randomUUID } from "node:crypto";
import { ConcurrencyConflict } from "../../../bot/src/application/ports/versioned.js";
import { referralDesk } from "../../../bot/src/application/referrals/referral-desk.js";
import { demoActor } from "../../support/people.js";
import { DecisionInput } from "../../../bot/src/domain/decisions/decision.js";
import { caseDecisions, fakePorts, type FakePorts } from "../../support/fakes/index.js";
import { mertonChild } from "../../support/referral-forms.js";
import {
  decide,
  drawLink,
  PANEL,
  personFromLink,
  referAndAccept,
  referAndClose,
  removal,
  type MadeCase,
} from "../../support/closed-cases.js";

// The retention job on fakes with a fake clock: Merton keeps a closed case's record six years, then
// deletes it. Cases are closed at pre-MACE meetings in January 2027 (seven years before the run)
// and January 2029 (five years before), and the job runs in January 2034.

const RUN_ON = "2034-01-10T09:00:00Z";
const STRATEGIC = "merton-strategic-mace";

/** The catalogue with Merton's policy replaced, as its data protection officer might set it. */
const withPolicy = (catalogue: Catalogue, retention: RetentionPolicy): Catalogue => ({
  ...catalogue,
  areas: catalogue.areas.map((a) => (a.id === "merton" ? { ...a, retention } : a)),
});

describe("Retention of Merton's closed cases", () => {
  let ports: FakePorts;
  let old: MadeCase;
  let recent: MadeCase;
  let person: { id: string; reference: string };

  const run = (options: Partial<RetentionOptions> = {}, catalogue = ports.catalogue) => {
    ports.clock.set(RUN_ON);
    return runRetention(
      { ...ports, catalogue },
      { areaId: "merton", dryRun: false, actorId: "retention", via: "test", ...options },
    );
  };
  const recordOf = async (subjectId: string) => {
    const c = ports.casework;
    const [subject, cases, decisions, actions, links] = await Promise.all([
      c.subject("merton", subjectId),
      c.subjectCases("merton", subjectId),
      c.subjectDecisions("merton", subjectId),
      c.subjectActions("merton", subjectId),
      c.subjectLinks("merton", subjectId),
    ]);
    return { subject: subject?.value, cases, decisions, actions, links };
  };

  beforeEach(async () => {
    ports = fakePorts("2026-12-20T12:00:00Z");
    old = await referAndClose(ports, "Robin Invented-Hale", "2026-12-20");
    recent = await referAndClose(ports, "Sky Invented-Marsh", "2028-12-18");
    const p = await personFromLink(ports.casework, "Dale Invented-Crook", "MER-S-2027-0001", RUN_ON);
    person = { id: p.id, reference: p.reference };
    await drawLink(ports.casework, old.subjectId, p.id, "exploited-by", old.meeting);
    await drawLink(ports.casework, old.subjectId, recent.subjectId, "associates-with", old.meeting);
  });

  it("removes a record closed seven years ago under a six-year policy, with all it holds, and keeps one closed five years ago", async () => {
    assert.deepEqual([old.meeting, recent.meeting], ["2027-01-07", "2029-01-04"]);
    const [first] = await ports.casework.closedBy("merton", "2029-12-31", 1);
    const [second] = await ports.casework.closedBy("merton", "2029-12-31", 1, first);
    assert.deepEqual([first?.subjectId, second?.subjectId], [old.subjectId, recent.subjectId]);
    const report = await run();

    const gone = await recordOf(old.subjectId);
    assert.deepEqual(gone, { subject: undefined, cases: [], decisions: [], actions: [], links: [] });
    const referrals = ports.casework.referralsOf("merton", PANEL).map((r) => r.value.reference);
    assert.deepEqual(referrals, [recent.reference]);
    assert.equal(await ports.casework.referralById("merton", old.referralId), undefined);
    const notices = (await ports.casework.notices("merton")).map((n) => n.value);
    assert.ok(notices.every((n) => !("referralId" in n) || n.referralId !== old.referralId));
    // The person of concern was known only through the removed child's link: it goes too.
    assert.equal(await ports.casework.subject("merton", person.id), undefined);

    // The child closed five years ago keeps everything but the link to the removed child.
    const kept = await recordOf(recent.subjectId);
    assert.equal(kept.subject?.label, "Sky Invented-Marsh");
    assert.deepEqual(
      [kept.cases.length, kept.decisions.length, kept.actions.length, kept.links.length],
      [1, 1, 1, 0],
    );
    assert.deepEqual([report.areas[0]?.done, report.areas[0]?.kept], [[old.reference], []]);
  });

  it("keeps everything when the area keeps records indefinitely, reading nothing", async () => {
    const catalogue = withPolicy(ports.catalogue, { closedCasesKeptFor: "indefinitely", then: "delete" });
    ports.casework.calls.reset();
    const report = await run({}, catalogue);
    assert.deepEqual(report.areas[0]?.policy, "kept indefinitely");
    assert.deepEqual([report.areas[0]?.due, report.areas[0]?.done], [[], []]);
    assert.equal(ports.casework.calls.total, 0);
    assert.equal((await recordOf(old.subjectId)).subject?.label, "Robin Invented-Hale");
  });

  it("keeps a subject whose case is still open at another panel, whole", async () => {
    const child = await referAndAccept(ports, "Kit Invented-Rowe", "2026-12-20");
    await decide(ports, child, { kind: "escalate", riskLevel: "significant" });
    ports.clock.set("2027-02-04T10:00:00Z");
    await decide(ports, child, removal);
    const report = await run();
    const kept = await recordOf(child.subjectId);
    assert.deepEqual(
      kept.cases.map((c) => [c.panelId, c.status]),
      [
        [PANEL, "closed"],
        [STRATEGIC, "open"],
      ],
    );
    assert.deepEqual([kept.decisions.length, kept.actions.length], [2, 1]);
    const why = report.areas[0]?.kept.find((k) => k.subjectId === child.subjectId)?.why;
    assert.equal(why, "still open at Strategic MACE");
  });

  it("keeps a record due to go while a waiting referral is a likely duplicate of it: the child may be back", async () => {
    ports.clock.set("2034-01-09T09:00:00Z");
    const again = await referralDesk(ports).submit(
      demoActor("Grace Mensah"),
      PANEL,
      "individual",
      randomUUID(),
      mertonChild("Robin Invented-Hale"),
    );
    assert.ok(again.ok);
    const report = await run();
    assert.equal((await recordOf(old.subjectId)).subject?.label, "Robin Invented-Hale");
    const why = report.areas[0]?.kept.find((k) => k.subjectId === old.subjectId)?.why;
    assert.equal(
      why,
      `a referral waiting for a decision may be about the same subject (${again.referral.reference})`,
    );
  });

  it("a dry run changes nothing and lists what would go, by reference, and why", async () => {
    const before = ports.casework.auditOf("merton").length;
    const report = await run({ dryRun: true });
    assert.deepEqual(report.areas[0]?.due, [
      {
        subjectId: old.subjectId,
        reference: old.reference,
        why: "every case closed; the last at Pre-MACE operational panel on 2027-01-07, due from 2033-01-07",
        references: [old.reference, old.actionReference, person.reference],
      },
    ]);
    assert.deepEqual(report.areas[0]?.done, []);
    assert.equal((await recordOf(old.subjectId)).subject?.label, "Robin Invented-Hale");
    assert.equal(ports.casework.auditOf("merton").length, before);
  });

  it("a run stopped after the first subject is finished by the next, and a third run does nothing", async () => {
    const second = await referAndClose(ports, "Jo Invented-Lake", "2026-12-20");
    const stop = new AbortController();
    const progress: string[] = [];
    const first = await run({
      signal: stop.signal,
      onProgress: (p) => {
        progress.push(p.step === "looked" ? `looked ${p.due}/${p.kept}` : `${p.done}/${p.of} ${p.outcome}`);
        if (p.step === "record") stop.abort();
      },
    });
    assert.deepEqual(progress, ["looked 2/0", "1/2 deleted"]);
    assert.equal(first.stopped, true);
    const left = [old, second].filter((c) => !first.areas[0]?.done.includes(c.reference));
    assert.equal(left.length, 1);

    const again = await run();
    assert.deepEqual([again.stopped, again.areas[0]?.done], [false, [left[0]?.reference]]);
    for (const c of [old, second]) assert.equal((await recordOf(c.subjectId)).subject, undefined);

    const audited = ports.casework.auditOf("merton").length;
    ports.casework.calls.reset();
    const third = await run();
    assert.deepEqual([third.areas[0]?.due, third.areas[0]?.done], [[], []]);
    assert.equal(ports.casework.auditOf("merton").length, audited);
    assert.equal(ports.casework.calls.of("commit"), 0);
  });

  it("a run that fails between two of a subject's transactions leaves it for the next, which finishes it", async () => {
    ports.casework.interleave(() => Promise.resolve());
    ports.casework.interleave(() => Promise.reject(new Error("The storage account stopped answering")));
    await assert.rejects(run(), /stopped answering/);
    // The first transaction went, with the audit entry; the subject and its case wait for the next run.
    const removed = () => ports.casework.auditOf("merton").filter((a) => a.action === "record.removed");
    assert.equal(removed().length, 1);
    const half = await recordOf(old.subjectId);
    assert.deepEqual([half.subject?.id, half.cases.length], [old.subjectId, 1]);
    assert.equal(await ports.casework.subject("merton", person.id), undefined);

    const again = await run();
    assert.deepEqual(again.areas[0]?.done, [old.reference]);
    assert.equal(removed().length, 2);
    assert.deepEqual(await recordOf(old.subjectId), {
      subject: undefined,
      cases: [],
      decisions: [],
      actions: [],
      links: [],
    });
  });

  /** A risk assessment kept on a subject's case, as the documents desk keeps one. */
  const riskAssessmentOn = async (made: MadeCase) => {
    const id = randomUUID();
    await ports.files.put(`merton/${id}`, new Uint8Array([0x25, 0x50, 0x44, 0x46]), "application/pdf");
    await ports.documents.add(
      {
        id,
        areaId: "merton",
        owner: { kind: "case", subjectId: made.subjectId, panelId: PANEL },
        reference: made.reference,
        kind: "risk-assessment",
        name: "Risk assessment.pdf",
        size: 4,
        contentType: "application/pdf",
        uploadedBy: { id: "coordinator", name: "A coordinator" },
        uploadedAt: "2026-12-20T12:00:00.000Z",
        scan: "clean",
        review: null,
      },
      "coordinator",
    );
    return id;
  };

  it("keeps a record's documents when someone changes the record as it is removed, and removes them with it next run", async () => {
    const id = await riskAssessmentOn(old);
    ports.casework.interleave(() => Promise.reject(new ConcurrencyConflict("Subjects", undefined)));
    const first = await run();
    assert.deepEqual(first.areas[0]?.done, []);
    assert.equal((await recordOf(old.subjectId)).subject?.id, old.subjectId);
    assert.deepEqual(
      (await ports.documents.ofSubject("merton", old.subjectId)).map((d) => d.value.id),
      [id],
    );
    assert.deepEqual(ports.files.names(), [`merton/${id}`]);

    const again = await run();
    assert.deepEqual(again.areas[0]?.done, [old.reference]);
    assert.deepEqual(await ports.documents.ofSubject("merton", old.subjectId), []);
    assert.deepEqual(ports.files.names(), []);
  });

  it("anonymising replaces names and answers, keeps references, dates, kinds and decisions, and is done once", async () => {
    const catalogue = withPolicy(ports.catalogue, { closedCasesKeptFor: { years: 6 }, then: "anonymise" });
    const report = await run({}, catalogue);
    assert.deepEqual(report.areas[0]?.done, [old.reference]);

    const after = await recordOf(old.subjectId);
    const [referral] = ports.casework
      .referralsOf("merton", PANEL)
      .filter((r) => r.value.id === old.referralId);
    const values = referral?.value.values ?? {};
    assert.deepEqual(
      [after.subject?.label, after.subject?.reference, after.subject?.postcode, after.cases[0]?.label],
      ["Anonymised", old.reference, undefined, "Anonymised"],
    );
    assert.deepEqual(
      [
        values["subjectName"],
        values["dateOfBirth"],
        values["address"],
        values["gender"],
        values["riskLevel"],
      ],
      ["Anonymised", "Anonymised", "Anonymised", "female", "significant"],
    );
    assert.deepEqual(
      [referral?.value.reference, referral?.value.triage?.note],
      [old.reference, "Anonymised"],
    );
    const [decision] = after.decisions;
    assert.deepEqual(
      [decision?.kind, decision?.meetingId, decision?.rationale, decision?.volt.personsOfConcern],
      ["remove", "2027-01-07", "Anonymised", ["Anonymised"]],
    );
    assert.deepEqual(
      after.actions.map((a) => [a.reference, a.title, a.text, a.ownerAgencyId]),
      [[old.actionReference, "Anonymised", "Anonymised", "mer-health"]],
    );
    assert.deepEqual(after.links.map((l) => `${l.kind}: ${l.note}`).sort(), [
      "associates-with: Anonymised",
      "exploited-by: Anonymised",
    ]);
    // Nobody is matched with it as a likely duplicate any more.
    const keys = matchKeys("individual", mertonChild("Robin Invented-Hale")).map((k) => k.hash);
    assert.deepEqual(await ports.casework.matches("merton", keys), []);
    assert.equal((await ports.casework.subject("merton", person.id))?.value.label, "Anonymised");
    const stored = JSON.stringify([after, referral, await ports.casework.subject("merton", person.id)]);
    for (const name of ["Robin", "Invented-Hale", "Dale", "SM4"]) assert.ok(!stored.includes(name), name);
    assert.deepEqual(await ports.casework.findSubjects("merton", { by: "word", word: "robin" }, 10), []);
    // The child closed five years ago is untouched.
    assert.equal((await recordOf(recent.subjectId)).subject?.label, "Sky Invented-Marsh");

    const audited = ports.casework.auditOf("merton").length;
    ports.casework.calls.reset();
    const again = await run({}, catalogue);
    assert.deepEqual([again.areas[0]?.due, ports.casework.calls.of("commit")], [[], 0]);
    assert.equal(ports.casework.auditOf("merton").length, audited);
  });

  it("a case the chairs closed between meetings goes with their decision, or keeps it with its reason replaced", async () => {
    const closedByChairs = async (name: string) => {
      const child = await referAndAccept(ports, name, "2026-12-20");
      // Between the January and February meetings: a chairs' decision, reported in February.
      ports.clock.set("2027-01-20T10:00:00Z");
      await caseDecisions(ports).decide(
        demoActor("Priya Okafor"),
        "coordinator",
        PANEL,
        "2027-02-04",
        child.subjectId,
        DecisionInput.parse({
          ...removal,
          chairsDecision: {
            chairId: demoActor("Tom Ashworth").id,
            reason: `${name} left before the meeting.`,
          },
        }),
        "none",
      );
      return child;
    };
    const deleted = await closedByChairs("Jo Invented-Vale");
    await run();
    assert.deepEqual((await recordOf(deleted.subjectId)).decisions, []);

    const anonymised = await closedByChairs("Lee Invented-Brook");
    await run({}, withPolicy(ports.catalogue, { closedCasesKeptFor: { years: 6 }, then: "anonymise" }));
    const [decision] = (await recordOf(anonymised.subjectId)).decisions;
    assert.deepEqual(decision?.taken, {
      how: "chairs-decision",
      chairId: demoActor("Tom Ashworth").id,
      chairName: "Tom Ashworth",
      reason: "Anonymised",
      on: "2027-01-20",
    });
  });

  it("audits each subject removed once per run, with references and no names", async () => {
    await run();
    const entries = ports.casework.auditOf("merton").filter((a) => a.action === "record.removed");
    assert.deepEqual(
      entries.map((e) => [e.actorId, e.subjectId, e.reference, e.panelId, e.via, e.shown, e.at]),
      [
        [
          "retention",
          old.subjectId,
          old.reference,
          PANEL,
          "test (deleted)",
          [old.reference, old.actionReference, person.reference],
          "2034-01-10T09:00:00.000Z",
        ],
      ],
    );
    for (const name of ["Robin", "Invented-Hale", "Dale", "Crook"])
      assert.ok(!JSON.stringify(entries).includes(name), name);
  });

  it("tells the audit trail of a kept child that its link to a deleted record went with it", async () => {
    await run();
    assert.deepEqual((await recordOf(recent.subjectId)).links, []);
    const ended = ports.casework.auditOf("merton").filter((a) => a.action === "link.ended");
    assert.deepEqual(
      ended.map((e) => [e.subjectId, e.reference, e.shown, e.via]),
      [
        [
          recent.subjectId,
          recent.reference,
          [old.reference],
          `test (the linked record ${old.reference} was deleted)`,
        ],
      ],
    );
  });
});
