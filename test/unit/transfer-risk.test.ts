import assert from "node:assert/strict";
import { loadCatalogue } from "../../bot/src/adapters/config-files/catalogue-files.js";
import type { Area } from "../../bot/src/domain/catalogue/panel.js";
import { gapsAgainstHostRules } from "../../bot/src/domain/referrals/host-rules.js";
import type { Referral } from "../../bot/src/domain/referrals/referral.js";
import { riskOnHostScale, transferRiskProblems } from "../../bot/src/domain/referrals/transfer-risk.js";

// Risk across areas' scales, by configuration, and a transfer read against the host's own rules.

const catalogue = loadCatalogue("bot/config/areas");
const area = (id: string): Area => {
  const found = catalogue.areas.find((a) => a.id === id);
  assert.ok(found, id);
  return found;
};

/** A transfer from Lambeth's MAVE as it arrives, carrying the Lambeth form's answers. */
const transferred = (
  panelId: string,
  values: Referral["values"],
  hostRisk: "set-by-host" | "same-scale",
): Referral => ({
  id: "7d0c1c8e-1d4b-4c57-9a35-7a1f3c1b2a01",
  reference: "MER-2027-0009",
  areaId: "merton",
  panelId,
  kind: "individual",
  status: "new",
  submitted: {
    by: "lambeth-coordinator",
    byName: "Tess Invented-Coordinator",
    at: "2027-01-10T10:00:00.000Z",
  },
  referrer: {
    agencyId: "lam-csc",
    jobTitle: "MAVE panel coordinator",
    email: "tess.invented@lambeth.example",
  },
  meetingDate: "2027-02-04",
  values,
  managerId: null,
  approval: null,
  triage: null,
  questions: [],
  possibleDuplicates: [],
  linkedSubjectId: null,
  subjectId: null,
  transferredFrom: {
    areaName: hostRisk === "set-by-host" ? "Staffordshire" : "Lambeth",
    panelName: "MAVE panel",
    reference: "LAM-2027-0003",
    summary: "Decided at the meeting on 2027-01-08: transfer to the host area's panel.",
    sourceRisk:
      hostRisk === "set-by-host" ? { level: "high", label: "High", areaName: "Staffordshire" } : null,
    hostRisk,
  },
});
const lambethChild = {
  subjectName: "Ari Invented-Moved",
  dateOfBirth: "2011-03-01",
  gender: "male",
  ethnicity: "not-known",
  language: "English",
  address: "2 Invented Court, Mitcham",
  postcode: "CR4 9ZZ",
  safeguardingStatus: "child-in-need",
  consent: "yes",
  strategyMeetingDate: "2026-12-01",
  blockers: ["plan-not-working"],
  request: "Disruption.",
  howSafer: "Less contact with the adults involved.",
  riskLevel: "moderate",
};

describe("A transferred child's risk on the host's scale", () => {
  it("is the same level between areas on one scale", () => {
    assert.deepEqual(riskOnHostScale(area("lambeth"), area("merton"), "significant"), {
      how: "same-scale",
      level: "significant",
    });
  });

  it("is mapped by the host's configuration between different scales, each way", () => {
    assert.deepEqual(riskOnHostScale(area("staffordshire"), area("wandsworth"), "medium"), {
      how: "mapped",
      level: "moderate",
    });
    assert.deepEqual(riskOnHostScale(area("merton"), area("staffordshire"), "emerging"), {
      how: "mapped",
      level: "low",
    });
  });

  it("is left for the host to set where its configuration says so, never copied as the source's word", () => {
    assert.deepEqual(riskOnHostScale(area("staffordshire"), area("havering"), "high"), {
      how: "set-by-host",
      level: null,
    });
  });

  it("is none when the source gave none, or a level not on its scale", () => {
    assert.equal(riskOnHostScale(area("merton"), area("lambeth"), null).how, "none");
    assert.equal(riskOnHostScale(area("merton"), area("lambeth"), "high").how, "none");
  });
});

describe("Checking the areas' risk mappings at start-up", () => {
  const files = () => catalogue.areas.map((a) => ({ ...a, fileName: `${a.id}.json`, takesTransfers: true }));

  it("finds nothing wrong with the areas as configured", () => {
    assert.deepEqual(transferRiskProblems(files()), []);
  });

  it("names the host file and the source area when a pair of different scales has no mapping", () => {
    const areas = files().map((a) => (a.id === "merton" ? { ...a, riskFromOtherAreas: {} } : a));
    assert.deepEqual(transferRiskProblems(areas), [
      'merton.json: field "area.riskFromOtherAreas": Staffordshire grades risk low, medium, high and this area emerging, moderate, significant; map each of Staffordshire\'s levels under "staffordshire", or write "set-by-host"',
    ]);
  });

  it("names a level left unmapped, and one mapped to a level the host does not have", () => {
    const areas = files().map((a) =>
      a.id === "merton"
        ? { ...a, riskFromOtherAreas: { staffordshire: { low: "emerging", medium: "amber" } } }
        : a,
    );
    assert.deepEqual(transferRiskProblems(areas), [
      'merton.json: field "area.riskFromOtherAreas.staffordshire.medium": "amber" is not one of this area\'s risk levels',
      'merton.json: field "area.riskFromOtherAreas.staffordshire": Staffordshire\'s level "high" is not mapped to one of this area\'s',
    ]);
  });

  it("asks nothing of an area no transfer can reach", () => {
    const areas = files().map((a) =>
      a.id === "merton" ? { ...a, riskFromOtherAreas: {}, takesTransfers: false } : a,
    );
    assert.deepEqual(transferRiskProblems(areas), []);
  });
});

describe("A transfer read against the host panel's rules", () => {
  const merton = catalogue.panels.get("merton-pre-mace");
  assert.ok(merton);

  it("into Merton's pre-MACE, a Lambeth referral has no contextual harm screening (001)", () => {
    const gaps = gapsAgainstHostRules(
      merton,
      area("merton"),
      transferred("merton-pre-mace", lambethChild, "same-scale"),
      "2027-01-10",
    );
    assert.deepEqual(
      gaps.map((g) => [g.field, g.label, g.message]),
      [
        [
          "screening.criminal-exploitation",
          "Screening score: Child criminal exploitation",
          "The screening scores 0 in total and at most 0 in one area. The panel takes referrals scoring 50 or more in total, or 10 or more in one area of harm.",
        ],
      ],
    );
  });

  it("says the risk is the host's to set, with the level the source gave on its own scale", () => {
    const { riskLevel: _none, ...values } = lambethChild;
    const gaps = gapsAgainstHostRules(
      merton,
      area("merton"),
      transferred("merton-pre-mace", { ...values, "screening.missing": 12 }, "set-by-host"),
      "2027-01-10",
    );
    assert.deepEqual(
      gaps.map((g) => [g.field, g.message]),
      [
        [
          "riskLevel",
          "Staffordshire grades risk on another scale (High on Staffordshire's scale), which Merton does not map to its own: the panel sets the risk on Merton's scale.",
        ],
      ],
    );
  });
});
