import assert from "node:assert/strict";
import { loadCatalogue } from "../../bot/src/adapters/config-files/catalogue-files.js";
import type { Action } from "../../bot/src/domain/actions/action.js";
import type { Case, Subject } from "../../bot/src/domain/cohort/case.js";
import {
  chronology,
  referencesShown,
  type ChronologyNames,
  type SubjectRecord,
} from "../../bot/src/domain/cohort/chronology.js";
import { DecisionInput, type Decision } from "../../bot/src/domain/decisions/decision.js";
import type { Link } from "../../bot/src/domain/links/link.js";
import type { Referral } from "../../bot/src/domain/referrals/referral.js";

// A Merton child's chronology, built from the records alone: referred, asked a question, accepted,
// discussed at two pre-MACE meetings, escalated to the strategic MACE and removed, with an action
// and a link to a person of concern. Every person and place is invented.

const catalogue = loadCatalogue("bot/config/areas");
const names: ChronologyNames = {
  panel: (id) => catalogue.panels.get(id)?.name ?? id,
  agency: (id) => catalogue.agencies.get(id)?.name ?? id,
  risk: (_panelId, level) => ({ significant: "Significant", moderate: "Moderate" })[level] ?? level,
  person: (id) => ({ grace: "Grace Mensah", "worker-2": "Sam Invented" })[id],
};
const PRE = "merton-pre-mace";
const STRATEGIC = "merton-strategic-mace";
const stamp = (byName: string, at: string) => ({ by: byName.toLowerCase(), byName, at });

const subject: Subject = {
  id: "subject-robin",
  areaId: "merton",
  kind: "individual",
  reference: "MER-2026-0042",
  label: "Robin Invented-Hale",
  referralIds: ["00000000-0000-4000-8000-00000000a001"],
};
const referral: Referral = {
  id: "00000000-0000-4000-8000-00000000a001",
  reference: "MER-2026-0042",
  areaId: "merton",
  panelId: PRE,
  kind: "individual",
  status: "accepted",
  submitted: stamp("Grace Mensah", "2026-11-20T10:00:00.000Z"),
  referrer: { agencyId: "mer-csc", jobTitle: "Social worker", email: "grace@merton.example" },
  meetingDate: "2027-01-07",
  values: { subjectName: "Robin Invented-Hale" },
  managerId: null,
  approval: null,
  triage: { ...stamp("Priya Okafor", "2026-11-23T09:00:00.000Z"), decision: "accepted", note: "" },
  questions: [
    {
      ...stamp("Priya Okafor", "2026-11-21T09:00:00.000Z"),
      question: "Has the strategy meeting been held?",
      answer: "Yes, on 10 December.",
      answeredAt: "2026-11-22T15:30:00.000Z",
    },
  ],
  possibleDuplicates: [],
  linkedSubjectId: null,
  subjectId: "subject-robin",
};
const decision = (meetingId: string, at: string, input: object, panelId = PRE): Decision => ({
  ...DecisionInput.parse(input),
  panelId,
  meetingId,
  subjectId: subject.id,
  reference: subject.reference,
  recordedBy: "priya",
  recordedByName: "Priya Okafor",
  at,
});
const removedAt = "2027-03-04T11:00:00.000Z";
const cases: Case[] = [
  {
    panelId: PRE,
    subjectId: subject.id,
    reference: subject.reference,
    placement: "victim",
    riskLevel: "significant",
    status: "closed",
    openedAt: "2026-11-23T09:00:00.000Z",
    nextMeetingDate: null,
    referralIds: [referral.id],
    presenterIds: ["grace", "worker-2"],
    closedAt: removedAt,
    lastDecision: { kind: "remove", on: "2027-03-04" },
  },
  {
    panelId: STRATEGIC,
    subjectId: subject.id,
    reference: subject.reference,
    placement: "victim",
    riskLevel: "significant",
    status: "open",
    openedAt: "2027-02-04T10:30:00.000Z",
    nextMeetingDate: "2027-02-18",
    referralIds: [referral.id],
    presenterIds: ["grace"],
  },
];
const decisions = [
  decision("2027-01-07", "2027-01-07T10:00:00.000Z", {
    kind: "continue",
    reviewDate: "2027-01-20",
    riskLevel: "significant",
    rationale: "Missing episodes are increasing.",
    volt: { personsOfConcern: ["Adult known as 'K'"], locations: [], groups: [], themes: ["County lines"] },
    disruption: ["Child Abduction Warning Notice"],
    disruptionDetail: "Served by the police this week.",
  }),
  decision("2027-02-04", "2027-02-04T10:30:00.000Z", { kind: "escalate" }),
  decision("2027-03-04", removedAt, { kind: "remove", rationale: "Moved out of the area for good." }),
];
const action: Action = {
  id: "00000000-0000-4000-8000-00000000b001",
  reference: "MER-A-2027-0003",
  areaId: "merton",
  panelId: PRE,
  meetingId: "2027-01-07",
  subjectId: subject.id,
  caseReference: subject.reference,
  title: "Share the disruption plan",
  text: "Send the plan to the school's safeguarding lead.",
  ownerId: "owen",
  ownerName: "Owen Brathwaite",
  ownerAgencyId: "mer-education",
  dueDate: "2027-01-21",
  status: "done",
  created: stamp("Priya Okafor", "2027-01-07T10:05:00.000Z"),
  completed: { ...stamp("Owen Brathwaite", "2027-01-19T16:00:00.000Z"), note: "Sent by email" },
  updates: [{ ...stamp("Owen Brathwaite", "2027-01-12T09:00:00.000Z"), text: "Meeting booked" }],
};
const link: Link = {
  id: "00000000-0000-4000-8000-00000000c001",
  areaId: "merton",
  kind: "exploited-by",
  from: subject.id,
  to: "subject-k",
  note: "Seen together near the station.",
  panelId: PRE,
  meetingId: "2027-01-07",
  referralId: null,
  added: stamp("Priya Okafor", "2027-01-07T10:02:00.000Z"),
  ended: { ...stamp("Priya Okafor", "2027-03-04T11:05:00.000Z"), reason: "No contact since January." },
};
const record: SubjectRecord = {
  subject,
  thresholdings: [],
  referrals: [referral],
  cases,
  decisions,
  actions: [action],
  notes: [],
  links: [link],
  linked: new Map([["subject-k", { reference: "MER-2026-0031", label: "Adult known as K" }]]),
};

describe("A subject's chronology", () => {
  const entries = chronology(record, names);

  it("runs oldest first across both panels, what happened at the same moment in the order it follows", () => {
    assert.deepEqual(
      entries.map((e) => [e.at.slice(0, 16), e.kind, e.panelName, e.reference]),
      [
        ["2026-11-20T10:00", "referral", "Pre-MACE operational panel", "MER-2026-0042"],
        ["2026-11-21T09:00", "question", "Pre-MACE operational panel", "MER-2026-0042"],
        ["2026-11-22T15:30", "answer", "Pre-MACE operational panel", "MER-2026-0042"],
        ["2026-11-23T09:00", "triage", "Pre-MACE operational panel", "MER-2026-0042"],
        ["2026-11-23T09:00", "case-opened", "Pre-MACE operational panel", "MER-2026-0042"],
        ["2027-01-07T10:00", "decision", "Pre-MACE operational panel", "MER-2026-0042"],
        ["2027-01-07T10:02", "link-added", "Pre-MACE operational panel", "MER-2026-0031"],
        ["2027-01-07T10:05", "action", "Pre-MACE operational panel", "MER-A-2027-0003"],
        ["2027-02-04T10:30", "decision", "Pre-MACE operational panel", "MER-2026-0042"],
        ["2027-02-04T10:30", "case-opened", "Strategic MACE", "MER-2026-0042"],
        ["2027-03-04T11:00", "decision", "Pre-MACE operational panel", "MER-2026-0042"],
        ["2027-03-04T11:00", "case-closed", "Pre-MACE operational panel", "MER-2026-0042"],
        ["2027-03-04T11:05", "link-ended", "Pre-MACE operational panel", "MER-2026-0031"],
      ],
    );
  });

  it("says who referred, with their agency, who asked and answered, and who accepted", () => {
    const [referred, asked, answered, accepted, opened] = entries;
    assert.deepEqual(
      [referred?.title, referred?.by, referred?.details],
      [
        "Referred to Pre-MACE operational panel",
        "Grace Mensah (Children's Social Care)",
        [
          { label: "Kind", text: "Individual child or young adult" },
          { label: "Referrer's role", text: "Social worker" },
          { label: "For the meeting on", text: "7 January 2027" },
          { label: "Status now", text: "Accepted by the panel" },
        ],
      ],
    );
    assert.deepEqual(
      [asked?.by, asked?.details, answered?.by, answered?.details],
      [
        "Priya Okafor",
        [{ label: "Question", text: "Has the strategy meeting been held?" }],
        "Grace Mensah",
        [{ label: "Answer", text: "Yes, on 10 December." }],
      ],
    );
    assert.deepEqual([accepted?.title, accepted?.by], ["Accepted by the coordinator", "Priya Okafor"]);
    assert.deepEqual(opened?.details, [{ label: "Presented by", text: "Grace Mensah, Sam Invented" }]);
  });

  it("gives each decision in words, with the risk level's label, the rationale and the disruption", () => {
    const continued = entries.find((e) => e.kind === "decision");
    assert.deepEqual(
      [continued?.title, continued?.by, continued?.details],
      [
        "Decided at the meeting on 7 January 2027: Continue, with a review",
        "Priya Okafor",
        [
          { label: "Decision", text: "Continue; review by 2027-01-20." },
          { label: "Risk after discussion", text: "Significant" },
          { label: "Rationale", text: "Missing episodes are increasing." },
          { label: "Links noted", text: "Person of concern: Adult known as 'K'; Theme: County lines" },
          {
            label: "Disruption",
            text: "Child Abduction Warning Notice; Served by the police this week.",
          },
        ],
      ],
    );
    const removed = entries.filter((e) => e.kind === "decision").at(-1);
    assert.deepEqual(removed?.details, [
      { label: "Decision", text: "Removed from the cohort: Moved out of the area for good." },
    ]);
    const closed = entries.find((e) => e.kind === "case-closed");
    assert.deepEqual(closed?.details, [{ label: "Last decision", text: "Remove from the cohort" }]);
  });

  it("gives an action's owner and agency, due date, updates and outcome", () => {
    const agreed = entries.find((e) => e.kind === "action");
    assert.deepEqual(
      [agreed?.title, agreed?.details],
      [
        "Action agreed at the meeting on 7 January 2027: Share the disruption plan",
        [
          { label: "What is to be done", text: "Send the plan to the school's safeguarding lead." },
          { label: "Owner", text: "Owen Brathwaite (Education)" },
          { label: "Due", text: "21 January 2027" },
          { label: "Update", text: "12 January 2027 at 09:00, Owen Brathwaite: Meeting booked" },
          { label: "Outcome", text: "Done on 19 January 2027 at 16:00 by Owen Brathwaite: Sent by email" },
        ],
      ],
    );
  });

  it("reads a link from the subject's side, naming the other subject, and from the other side the other way", () => {
    const added = entries.find((e) => e.kind === "link-added");
    const ended = entries.find((e) => e.kind === "link-ended");
    assert.deepEqual(
      [added?.title, added?.otherSubjectId, added?.details, ended?.title, ended?.details],
      [
        "Linked: exploited by MER-2026-0031 (Adult known as K)",
        "subject-k",
        [{ label: "Why", text: "Seen together near the station." }],
        "Link ended: exploited by MER-2026-0031 (Adult known as K)",
        [{ label: "Reason", text: "No contact since January." }],
      ],
    );
    const fromK = chronology(
      {
        ...record,
        subject: { ...subject, id: "subject-k", reference: "MER-2026-0031" },
        referrals: [],
        cases: [],
        decisions: [],
        actions: [],
        linked: new Map([[subject.id, { reference: subject.reference, label: subject.label }]]),
      },
      names,
    );
    assert.equal(fromK[0]?.title, "Linked: exploits MER-2026-0042 (Robin Invented-Hale)");
  });

  it("shows a transfer in with the other panel's decision, and a transfer out as its decision", () => {
    const transferred = chronology(
      {
        ...record,
        referrals: [
          {
            ...referral,
            transferredFrom: {
              areaName: "Lambeth",
              panelName: "MAVE",
              reference: "LAM-2026-0007",
              summary: "Continue; review by 2026-12-01. Risk: High.",
            },
          },
        ],
        cases: [],
        decisions: [
          decision("2027-01-07", "2027-01-07T10:00:00.000Z", {
            kind: "transfer",
            transferTo: "lambeth-mave",
          }),
        ],
        actions: [],
        links: [],
      },
      names,
    );
    assert.deepEqual(
      transferred
        .filter((e) => e.kind === "transfer-in" || e.kind === "transfer-out")
        .map((e) => [e.kind, e.title, e.details[0]?.text]),
      [
        ["transfer-in", "Transferred in from Lambeth: MAVE", "LAM-2026-0007"],
        [
          "transfer-out",
          "Decided at the meeting on 7 January 2027: Transfer to another area's panel",
          `Transferred to ${catalogue.panels.get("lambeth-mave")?.name}.`,
        ],
      ],
    );
  });

  it("keeps with a transfer in the risk as the source panel graded it, on its own scale", () => {
    const [entry] = chronology(
      {
        ...record,
        referrals: [
          {
            ...referral,
            transferredFrom: {
              areaName: "Staffordshire",
              panelName: "Tamworth District MACE panel",
              reference: "STA-2026-0004",
              summary: "Decided at the meeting on 2026-12-10: transfer to the host area's panel.",
              sourceRisk: { level: "high", label: "High", areaName: "Staffordshire" },
              hostRisk: "mapped",
            },
          },
        ],
        cases: [],
        decisions: [],
        actions: [],
        links: [],
      },
      names,
    ).filter((e) => e.kind === "transfer-in");
    assert.deepEqual(entry?.details.at(-1), {
      label: "Risk as they graded it",
      text: "High on Staffordshire's scale",
    });
  });

  it("lists every reference it shows once, the subject's first", () => {
    assert.deepEqual(referencesShown(subject, entries), [
      "MER-2026-0042",
      "MER-2026-0031",
      "MER-A-2027-0003",
    ]);
  });
});

describe("A subject's chronology with the notes of its discussion", () => {
  const note = {
    areaId: "merton",
    subjectId: subject.id,
    panelId: PRE,
    meetingId: "2027-01-07",
    itemKey: `case:${subject.id}`,
    reference: "MER-2026-0042",
    text: "School reports missing afternoons; police to share the stop search.",
    recordedById: "priya",
    recordedByName: "Priya Okafor",
    at: "2027-01-07T10:00:00.000Z",
    corrections: 1,
  };
  const entries = chronology({ ...record, notes: [note] }, names);

  it("puts the note of a meeting's discussion before the decision taken at the same moment", () => {
    const at = entries.filter((e) => e.at.startsWith("2027-01-07T10:00")).map((e) => e.kind);
    assert.deepEqual(at, ["note", "decision"]);
  });

  it("gives the note's meeting, text, who kept it and how often it was corrected", () => {
    const entry = entries.find((e) => e.kind === "note");
    assert.deepEqual(
      [entry?.title, entry?.by, entry?.reference, entry?.details],
      [
        "Note of the discussion at the meeting on 7 January 2027",
        "Priya Okafor",
        "MER-2026-0042",
        [
          { label: "Note", text: note.text },
          { label: "Corrected", text: "1 time after the meeting" },
        ],
      ],
    );
  });
});
