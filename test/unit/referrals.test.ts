import assert from "node:assert/strict";
import { loadCatalogue } from "../../bot/src/adapters/config-files/catalogue-files.js";
import type { ReferralKind } from "../../bot/src/domain/catalogue/panel.js";
import { placementFor } from "../../bot/src/domain/cohort/case.js";
import { ageOn, checkPanelRules, readForm } from "../../bot/src/domain/referrals/checks.js";
import { matchKeys } from "../../bot/src/domain/referrals/duplicates.js";
import { fieldsOf, referralForm } from "../../bot/src/domain/referrals/form.js";
import { meetingForReferral } from "../../bot/src/domain/referrals/meeting-choice.js";
import type { Referral } from "../../bot/src/domain/referrals/referral.js";
import {
  answerQuestion,
  decideApproval,
  ReferralStepRefused,
  triageReferral,
  withdrawReferral,
} from "../../bot/src/domain/referrals/triage.js";

const catalogue = loadCatalogue("bot/config/areas");
const TODAY = "2026-11-24";
const REFERRER = "referrer-1";
const MANAGER = { id: "manager-1", name: "A Manager" };

function check(panelId: string, kind: ReferralKind, raw: Record<string, unknown>) {
  const panel = catalogue.panels.get(panelId);
  const area = catalogue.areas.find((a) => a.id === panel?.areaId);
  assert.ok(panel && area);
  const form = referralForm(panel, area, kind, [MANAGER]);
  const read = readForm(form, raw);
  if (!read.ok) return read.problems;
  return checkPanelRules(
    { panel, area, kind, today: TODAY, approverIds: [MANAGER.id], referrerId: REFERRER },
    read.values,
  );
}
const fieldsWithProblems = (problems: { field: string | null }[]) => problems.map((p) => p.field);

// A complete individual referral of a 15-year-old; each test changes what it is about.
const child = {
  subjectName: "Rowan Test-Child",
  dateOfBirth: "2011-05-01",
  gender: "female",
  ethnicity: "white-british",
  language: "English",
  address: "1 Invented Street",
  postcode: "SW19 1AA",
  safeguardingStatus: "child-in-need",
  consent: "yes",
  strategyMeetingDate: "2026-11-01",
  request: "Disruption of the adults involved.",
  howSafer: "Less contact with them.",
  riskLevel: "moderate",
};

describe("Referral rules, panel by panel", () => {
  describe("Merton pre-MACE: contextual harm screening", () => {
    it("takes a referral scoring 50 or more in total", () => {
      const scores = {
        "screening.criminal-exploitation": 9,
        "screening.missing": 9,
        "screening.online-harm": 9,
      };
      const more = { "screening.education": 9, "screening.substance-misuse": 9, "screening.trafficking": 5 };
      assert.deepEqual(check("merton-pre-mace", "individual", { ...child, ...scores, ...more }), []);
    });

    it("takes a referral scoring 10 or more in one area of harm even with a low total", () => {
      assert.deepEqual(check("merton-pre-mace", "individual", { ...child, "screening.missing": 10 }), []);
    });

    it("refuses 49 in total with no area at 10, and says what the panel takes", () => {
      const scores = {
        "screening.criminal-exploitation": 9,
        "screening.missing": 9,
        "screening.online-harm": 9,
      };
      const more = { "screening.education": 9, "screening.substance-misuse": 9, "screening.trafficking": 4 };
      const problems = check("merton-pre-mace", "individual", { ...child, ...scores, ...more });
      assert.equal(problems.length, 1);
      assert.match(problems[0]?.message ?? "", /scores 49 in total and at most 9 in one area/);
      assert.match(problems[0]?.message ?? "", /50 or more in total, or 10 or more in one area/);
    });

    it("needs a strategy meeting that has already happened", () => {
      const problems = check("merton-pre-mace", "individual", {
        ...child,
        "screening.missing": 12,
        strategyMeetingDate: "2026-12-01",
      });
      assert.deepEqual(fieldsWithProblems(problems), ["strategyMeetingDate"]);
      assert.match(problems[0]?.message ?? "", /cannot be in the future/);
      const missing = check("merton-pre-mace", "individual", {
        ...child,
        "screening.missing": 12,
        strategyMeetingDate: "",
      });
      assert.deepEqual(fieldsWithProblems(missing), ["strategyMeetingDate"]);
    });
  });

  describe("Lambeth MAVE: checklist and manager approval", () => {
    const lambeth = { ...child, blockers: "agency-actions-incomplete", managerId: MANAGER.id };

    it("takes a referral with the strategy meeting, one blocker and a named manager", () => {
      assert.deepEqual(check("lambeth-mave", "individual", lambeth), []);
    });

    it("refuses a referral with no blocker ticked", () => {
      const problems = check("lambeth-mave", "individual", { ...lambeth, blockers: "" });
      assert.deepEqual(fieldsWithProblems(problems), ["blockers"]);
    });

    it("needs a manager from the list, and not the referrer", () => {
      assert.deepEqual(
        fieldsWithProblems(check("lambeth-mave", "individual", { ...lambeth, managerId: "" })),
        ["managerId"],
      );
      assert.match(
        check("lambeth-mave", "individual", { ...lambeth, managerId: "someone-else" })[0]?.message ?? "",
        /Choose one of the options/,
      );
    });

    it("asks for manager approval on the group form too, and not on the persons and locations form (004)", () => {
      for (const [kind, asks] of [
        ["group", true],
        ["person-of-concern", false],
        ["location-of-concern", false],
      ] as const) {
        const panel = catalogue.panels.get("lambeth-mave");
        const area = catalogue.areas.find((a) => a.id === "lambeth");
        assert.ok(panel && area);
        const ids = fieldsOf(referralForm(panel, area, kind, [MANAGER])).map((f) => f.id);
        assert.equal(ids.includes("managerId"), asks, kind);
      }
    });

    it("takes young adults up to 25 but not 26", () => {
      assert.deepEqual(check("lambeth-mave", "individual", { ...lambeth, dateOfBirth: "2001-01-01" }), []);
      const problems = check("lambeth-mave", "individual", { ...lambeth, dateOfBirth: "2000-06-01" });
      assert.deepEqual(fieldsWithProblems(problems), ["dateOfBirth"]);
      assert.match(problems[0]?.message ?? "", /up to 25\. This person is 26/);
    });
  });

  describe("Staffordshire districts: Risk Factor Matrix", () => {
    const staffs = { ...child, rfmCompletedOn: "2026-11-02", riskLevel: "medium" };

    it("takes a child the Matrix rates medium or high", () => {
      assert.deepEqual(check("staffordshire-tamworth", "individual", staffs), []);
      assert.deepEqual(check("staffordshire-tamworth", "individual", { ...staffs, riskLevel: "high" }), []);
    });

    it("refuses a child rated low, and one with no completed Matrix", () => {
      const low = check("staffordshire-tamworth", "individual", { ...staffs, riskLevel: "low" });
      assert.deepEqual(fieldsWithProblems(low), ["riskLevel"]);
      assert.match(low[0]?.message ?? "", /rates medium or high/);
      assert.deepEqual(
        fieldsWithProblems(check("staffordshire-tamworth", "individual", { ...staffs, rfmCompletedOn: "" })),
        ["rfmCompletedOn"],
      );
    });
  });

  describe("Havering: child protection procedures, children only, individual children to HARM", () => {
    const havering = { ...child, childProtectionProcedures: "true" };

    it("HARM takes a child whose case followed child protection procedures", () => {
      assert.deepEqual(check("havering-harm", "individual", havering), []);
    });

    it("refuses one that did not", () => {
      const problems = check("havering-harm", "individual", {
        ...havering,
        childProtectionProcedures: "false",
      });
      assert.deepEqual(fieldsWithProblems(problems), ["childProtectionProcedures"]);
      assert.match(problems[0]?.message ?? "", /only cases that have followed child protection procedures/);
    });

    it("refuses an 18-year-old: the panel is for children", () => {
      const problems = check("havering-harm", "individual", { ...havering, dateOfBirth: "2008-11-24" });
      assert.match(problems[0]?.message ?? "", /for children under 18\. This person is 18/);
    });

    it("MACE refuses an individual child's referral, telling the referrer to refer to HARM (002)", () => {
      assert.deepEqual(check("havering-mace", "individual", havering), [
        {
          field: null,
          message:
            "Havering's MACE is not a case management process and does not hold individual children's cases (002). Refer the child to the HARM operational panel: HARM brings a child's case to MACE when MACE is needed.",
        },
      ]);
    });
  });

  it("Wandsworth MARVE Plus takes young adults, not a 17-year-old", () => {
    const plus = { ...child, dateOfBirth: "2009-06-01" };
    assert.match(
      check("wandsworth-marve-plus", "individual", plus)[0]?.message ?? "",
      /young adults aged 18 to 25/,
    );
    assert.deepEqual(
      check("wandsworth-marve-plus", "individual", { ...plus, dateOfBirth: "2005-06-01" }),
      [],
    );
  });

  it("a referral without consent needs the reason it should go ahead", () => {
    const problems = check("wandsworth-marve", "individual", { ...child, consent: "no" });
    assert.deepEqual(fieldsWithProblems(problems), ["consentNote"]);
    assert.deepEqual(
      check("wandsworth-marve", "individual", { ...child, consent: "no", consentNote: "Risk" }),
      [],
    );
  });

  it("a group needs two members with dates of birth, all of an age the panel takes", () => {
    const group = {
      groupName: "Peer group, north",
      "member1.name": "First Member",
      "member1.dateOfBirth": "2011-01-01",
      "member2.name": "Second Member",
      "member2.dateOfBirth": "",
      natureOfHarm: "Criminal exploitation",
      request: "Disruption",
      riskLevel: "moderate",
    };
    assert.deepEqual(fieldsWithProblems(check("wandsworth-marve", "group", group)), ["member2.dateOfBirth"]);
    const adult = { ...group, "member2.dateOfBirth": "2000-01-01" };
    assert.match(check("wandsworth-marve", "group", adult)[0]?.message ?? "", /for children under 18/);
  });

  it("persons and locations of concern can be referred in their own right", () => {
    const location = {
      address: "Invented Arcade",
      postcode: "SM4 9QQ",
      concerns: "Young people seen there",
      request: "Licensing visit",
    };
    assert.deepEqual(check("merton-pre-mace", "location-of-concern", location), []);
    const person = {
      subjectName: "Invented Adult",
      ethnicity: "not-known",
      concerns: "Seen with children",
      request: "CAWN",
    };
    assert.deepEqual(check("merton-pre-mace", "person-of-concern", person), []);
  });

  it("a panel that does not take a kind of referral says so", () => {
    const problems = check("wandsworth-marve-plus", "location-of-concern", {
      address: "Somewhere",
      postcode: "SW18 1AA",
      concerns: "x",
      request: "y",
    });
    assert.match(problems[0]?.message ?? "", /does not take this kind of referral/);
  });
});

describe("Reading a submitted form", () => {
  it("refuses oversized text, wrong types and unknown choices, naming each field", () => {
    const problems = check("merton-pre-mace", "individual", {
      ...child,
      subjectName: "x".repeat(101),
      dateOfBirth: "31/02/2011",
      gender: "martian",
      "screening.missing": "ten",
      postcode: "NOT A POSTCODE",
      alsoPersonOfConcern: "maybe",
      request: { text: "an object" },
    });
    assert.deepEqual(fieldsWithProblems(problems).sort(), [
      "alsoPersonOfConcern",
      "dateOfBirth",
      "gender",
      "postcode",
      "request",
      "screening.missing",
      "subjectName",
    ]);
    const byField = Object.fromEntries(problems.map((p) => [p.field, p.message]));
    assert.equal(byField["subjectName"], "Keep this to 100 characters or fewer (it has 101).");
    assert.equal(byField["postcode"], "Enter a UK postcode, for example SW19 1AA.");
    assert.equal(byField["gender"], "Choose one of the options.");
  });

  it("names every required field left empty", () => {
    const problems = check("merton-pre-mace", "individual", {});
    const fields = fieldsWithProblems(problems);
    for (const f of ["subjectName", "dateOfBirth", "ethnicity", "address", "postcode", "consent", "request"])
      assert.ok(fields.includes(f), f);
    assert.equal(problems.find((p) => p.field === "subjectName")?.message, 'Fill in "Full name".');
  });

  it("counts age in whole years, as the law does", () => {
    assert.equal(ageOn("2008-11-25", "2026-11-24"), 17);
    assert.equal(ageOn("2008-11-24", "2026-11-24"), 18);
  });
});

describe("Which meeting a referral goes to", () => {
  // Merton pre-MACE sits on Thursday 3 December 2026 and Thursday 7 January 2027; the deadline is a week.
  it("a referral sent seven days before the panel goes to that panel", () => {
    assert.equal(
      meetingForReferral(catalogue, "merton-pre-mace", new Date("2026-11-26T16:00:00Z"))?.date,
      "2026-12-03",
    );
  });

  it("a referral sent six days before the panel goes to the next meeting", () => {
    assert.equal(
      meetingForReferral(catalogue, "merton-pre-mace", new Date("2026-11-27T09:00:00Z"))?.date,
      "2027-01-07",
    );
  });

  it("uses the UK date: 23:30 GMT on the deadline day is still in time, 00:30 BST the next day is not", () => {
    // Havering MACE: Monday 14 June 2027, deadline Monday 7 June; in June the UK is an hour ahead of UTC.
    assert.equal(
      meetingForReferral(catalogue, "havering-mace", new Date("2027-06-07T22:30:00Z"))?.date,
      "2027-06-14",
    );
    assert.equal(
      meetingForReferral(catalogue, "havering-mace", new Date("2027-06-07T23:30:00Z"))?.date,
      "2027-07-12",
    );
  });
});

describe("Duplicates and placement", () => {
  it("matches the same name and date of birth whatever the case, accents and spacing", () => {
    const a = matchKeys("individual", { subjectName: "Zoë  O'Neill", dateOfBirth: "2010-01-02" });
    const b = matchKeys("individual", { subjectName: "zoe o neill", dateOfBirth: "2010-01-02" });
    assert.equal(a[0]?.hash, b[0]?.hash);
    const other = matchKeys("individual", { subjectName: "Zoe O'Neill", dateOfBirth: "2010-01-03" });
    assert.notEqual(a[0]?.hash, other[0]?.hash);
  });

  it("matches a place on its first address line and postcode, and never stores the details themselves", () => {
    const a = matchKeys("location-of-concern", { address: "Unit 3, Station Parade", postcode: "sm4 9qq" });
    const b = matchKeys("location-of-concern", { address: "UNIT 3\nStation Parade", postcode: "SM49QQ" });
    assert.equal(a[0]?.hash, b[0]?.hash);
    assert.doesNotMatch(JSON.stringify(a), /unit|SM4/i);
  });

  it("matches addresses only between people or between places, never a child with a known place", () => {
    const place = matchKeys("location-of-concern", {
      address: "Unit 3, Station Parade",
      postcode: "SM4 9QQ",
    });
    const child = matchKeys("individual", {
      subjectName: "A Child",
      dateOfBirth: "2011-01-01",
      address: "Unit 3, Station Parade",
      postcode: "SM4 9QQ",
    });
    const adult = matchKeys("person-of-concern", {
      subjectName: "An Adult",
      address: "Unit 3",
      postcode: "SM4 9QQ",
    });
    const byAddress = (keys: { on: string; hash: string }[]) =>
      keys.find((k) => k.on === "address-and-postcode")?.hash;
    assert.notEqual(byAddress(place), byAddress(child));
    assert.equal(byAddress(child), byAddress(adult));
  });

  it("a child who is also a person of concern is placed as a victim, and stays one", () => {
    assert.equal(placementFor("individual"), "victim");
    assert.equal(placementFor("person-of-concern", "victim"), "victim");
    assert.equal(placementFor("person-of-concern"), "person-of-concern");
    assert.equal(placementFor("location-of-concern"), "location");
  });
});

describe("Approval and triage steps", () => {
  const at = new Date("2026-11-24T10:00:00Z");
  const base: Referral = {
    id: "3f1f6c2e-5b7a-4c1e-9f00-000000000001",
    reference: "LAM-2026-0001",
    areaId: "lambeth",
    panelId: "lambeth-mave",
    kind: "individual",
    status: "awaiting-approval",
    submitted: { by: REFERRER, byName: "Referrer", at: at.toISOString() },
    referrer: { agencyId: "lam-youth-justice", jobTitle: "Practitioner", email: "r@example.org" },
    meetingDate: "2026-12-08",
    values: {},
    managerId: MANAGER.id,
    approval: null,
    triage: null,
    questions: [],
    possibleDuplicates: [],
    linkedSubjectId: null,
    subjectId: null,
  };
  const coordinator = { id: "coordinator-1", name: "Coordinator" };

  it("a transfer from another area cannot be withdrawn by the coordinator who sent it", () => {
    const transfer: Referral = {
      ...base,
      status: "new",
      managerId: null,
      transferredFrom: {
        areaName: "Merton",
        panelName: "Pre-MACE operational panel",
        reference: "MER-2026-0042",
        summary: "Moved to Lambeth.",
      },
    };
    const sender = { id: REFERRER, name: "Referrer" };
    assert.throws(
      () => withdrawReferral(transfer, sender, "Sent by mistake.", at),
      /LAM-2026-0001 is a transfer from Pre-MACE operational panel: it cannot be withdrawn/,
    );
    assert.equal(
      withdrawReferral({ ...transfer, transferredFrom: null }, sender, "Not needed now.", at).status,
      "withdrawn",
    );
  });

  it("only the named manager approves, and a refusal needs a reason", () => {
    assert.throws(() => decideApproval(base, coordinator, "approved", "", at), ReferralStepRefused);
    assert.throws(() => decideApproval(base, MANAGER, "declined", " ", at), /Say why/);
    assert.equal(decideApproval(base, MANAGER, "approved", "", at).status, "new");
    assert.equal(decideApproval(base, MANAGER, "declined", "Not yet", at).status, "not-approved");
  });

  it("an approval already given is not given again: the manager is told where the referral is", () => {
    const approved = decideApproval(base, MANAGER, "approved", "", at);
    assert.throws(() => decideApproval(approved, MANAGER, "approved", "", at), /can no longer be done/);
    assert.throws(() => decideApproval(approved, coordinator, "approved", "", at), /Only the manager named/);
  });

  it("until approved, the coordinator cannot act on it", () => {
    assert.throws(
      () =>
        triageReferral(base, coordinator, { decision: "accept", note: "", linkToSubjectId: null }, at, "s"),
      /waiting for manager approval/,
    );
  });

  it("asking for more information goes back to the referrer, and their answer brings it back", () => {
    const approved = decideApproval(base, MANAGER, "approved", "", at);
    const asked = triageReferral(
      approved,
      coordinator,
      { decision: "ask", question: "Which school?" },
      at,
      "",
    );
    assert.equal(asked.status, "more-information-requested");
    assert.throws(() => answerQuestion(asked, coordinator, "x", at), /Only the person who made/);
    const answered = answerQuestion(asked, { id: REFERRER, name: "Referrer" }, "Invented Academy", at);
    assert.equal(answered.status, "new");
    assert.equal(answered.questions[0]?.answer, "Invented Academy");
  });

  it("declining needs a reason; accepting can link only to a match shown", () => {
    const approved = decideApproval(base, MANAGER, "approved", "", at);
    assert.throws(
      () => triageReferral(approved, coordinator, { decision: "decline", reason: "" }, at, ""),
      /reason/,
    );
    assert.throws(
      () =>
        triageReferral(
          approved,
          coordinator,
          { decision: "accept", note: "", linkToSubjectId: "other" },
          at,
          "other",
        ),
      /only to one of the possible matches/,
    );
    const accepted = triageReferral(
      approved,
      coordinator,
      { decision: "accept", note: "", linkToSubjectId: null },
      at,
      "s-1",
    );
    assert.equal(accepted.status, "accepted");
    assert.equal(accepted.subjectId, "s-1");
  });
});
