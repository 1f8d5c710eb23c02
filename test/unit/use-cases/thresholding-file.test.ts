import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { auditEntry } from "../../../bot/src/application/audit/audit-trail.js";
import { removeRecord } from "../../../bot/src/application/retention/record-removal.js";
import { readWholeRecord } from "../../../bot/src/application/retention/whole-record.js";
import { ThresholdingInput } from "../../../bot/src/domain/agenda/thresholding.js";
import { ANONYMISED } from "../../../bot/src/domain/retention/anonymise.js";
import {
  caseDecisions,
  fakePorts,
  historyDesk,
  referralDesk,
  type FakePorts,
} from "../../support/fakes/index.js";
import { signInToMeeting } from "../../support/meeting-sign-in.js";
import { demoActor } from "../../support/people.js";
import { staffordshireChild } from "../../support/referral-forms.js";

// The thresholding meeting's rationale kept in the child's file (003: "Key decisions will be added
// to each child's file to record rationale"): in their case history, in the subject access export,
// and gone or anonymised with the rest of the record by retention.

const TAMWORTH = "staffordshire-tamworth";
const THRESHOLDING = "staffordshire-pre-mace-thresholding";
const MARCH_THRESHOLDING = "2027-02-25";
const marcus = demoActor("Marcus Thorne");
const callum = demoActor("Callum Brightwell");
const tamsin = demoActor("Tamsin Hale");
const FIRST = "Awaiting the updated Risk Factor Matrix before a full discussion.";
const LATER = "Safety plan in place; no further disruption MACE can offer.";

describe("The thresholding meeting's rationale in the child's file", () => {
  let ports: FakePorts;
  let subjectId: string;

  beforeEach(async () => {
    ports = fakePorts("2027-02-01T10:00:00Z");
    const desk = referralDesk(ports);
    const sent = await desk.submit(
      callum,
      TAMWORTH,
      "individual",
      randomUUID(),
      staffordshireChild("Ellis Invented-Marsh"),
    );
    assert.ok(sent.ok, JSON.stringify(sent));
    const read = await desk.view(marcus, TAMWORTH, sent.referral.id, "test");
    const accepted = await desk.triage(
      marcus,
      TAMWORTH,
      sent.referral.id,
      { decision: "accept", note: "", linkToSubjectId: null },
      read.etag,
      "test",
    );
    subjectId = accepted.subjectId ?? "";
    ports.clock.set(`${MARCH_THRESHOLDING}T10:00:00Z`);
    await signInToMeeting(ports, marcus, THRESHOLDING, MARCH_THRESHOLDING);
  });

  const threshold = async (category: number, rationale: string) => {
    const held = await ports.casework.case("staffordshire", TAMWORTH, subjectId);
    await caseDecisions(ports).threshold(
      marcus,
      "coordinator",
      THRESHOLDING,
      MARCH_THRESHOLDING,
      subjectId,
      ThresholdingInput.parse({ districtPanelId: TAMWORTH, category, rationale }),
      held?.etag ?? "",
    );
  };
  const thresholdedIn = (
    entries: { kind: string; title: string; details: { label: string; text: string }[] }[],
  ) =>
    entries
      .filter((e) => e.kind === "thresholding")
      .map((e) => [e.title, e.details.map((d) => `${d.label}: ${d.text}`)]);

  it("the case history shows the outcome with its rationale and the district meeting it placed the child at", async () => {
    await threshold(1, FIRST);
    ports.clock.set(`${MARCH_THRESHOLDING}T10:20:00Z`);
    // Changed at the same meeting: the file keeps the outcome the meeting settled on.
    await threshold(3, LATER);
    const seen = await historyDesk(ports).view(marcus, "staffordshire", subjectId, "test");
    assert.deepEqual(thresholdedIn(seen.entries), [
      [
        "Thresholded at the meeting on 25 February 2027: 3. Remains considered for MACE, not fully discussed",
        [
          "For: Tamworth District MACE panel on 4 March 2027",
          `Rationale: ${LATER}`,
          "Quorum: Quorate when recorded",
        ],
      ],
    ]);
  });

  it("the subject access export lists it, and retention's anonymising replaces the rationale", async () => {
    await threshold(3, LATER);
    const exported = await historyDesk(ports).exportForSubjectAccess(
      tamsin,
      "staffordshire",
      subjectId,
      "test",
    );
    assert.equal(thresholdedIn(exported.entries)[0]?.[1]?.[1], `Rationale: ${LATER}`);

    const record = await readWholeRecord(ports.casework, "staffordshire", subjectId);
    assert.ok(record);
    const audit = auditEntry(ports.now(), {
      areaId: "staffordshire",
      actorId: "retention",
      panelId: TAMWORTH,
      action: "record.removed",
      subjectId,
      reference: record.subject.value.reference,
      via: "test",
    });
    await removeRecord(ports, record, "anonymise", audit, "retention");
    const kept = await ports.casework.subjectThresholdings("staffordshire", subjectId);
    assert.deepEqual(
      kept.map((t) => [t.category, t.rationale]),
      [[3, ANONYMISED]],
    );
  });

  it("retention's deletion removes it with the rest of the record", async () => {
    await threshold(3, LATER);
    const record = await readWholeRecord(ports.casework, "staffordshire", subjectId);
    assert.ok(record);
    const audit = auditEntry(ports.now(), {
      areaId: "staffordshire",
      actorId: "retention",
      panelId: TAMWORTH,
      action: "record.removed",
      subjectId,
      reference: record.subject.value.reference,
      via: "test",
    });
    await removeRecord(ports, record, "delete", audit, "retention");
    assert.deepEqual(await ports.casework.subjectThresholdings("staffordshire", subjectId), []);
  });
});
