import type { ReferralKind } from "../domain/catalogue/panel.js";

// Invented children, young people and places for local demos and tests. None is real.

export interface DemoReferral {
  /** Fixed, so that seeding again finds the same referral instead of making another. */
  formId: string;
  referrerId: string;
  referrerName: string;
  panelId: string;
  kind: ReferralKind;
  accept: boolean;
  values: Record<string, string | number | boolean>;
}

const GRACE = { referrerId: "00000000-0000-4000-8000-000000000103", referrerName: "Grace Mensah" };
const MERTON_SCREENING = {
  "screening.criminal-exploitation": 18,
  "screening.missing": 12,
  "screening.education": 8,
  "screening.serious-youth-violence": 14,
};

export const DEMO_REFERRALS: DemoReferral[] = [
  {
    formId: "5eed0000-0000-4000-8000-000000000001",
    ...GRACE,
    panelId: "merton-pre-mace",
    kind: "individual",
    accept: true,
    values: {
      subjectName: "Jayden Okoro-Hart",
      dateOfBirth: "2010-03-14",
      gender: "male",
      ethnicity: "black-caribbean",
      language: "English",
      address: "12 Fernlea Road, Colliers Wood",
      postcode: "SW19 2XY",
      schoolOrEmployer: "Wandle Valley Academy",
      safeguardingStatus: "child-in-need",
      consent: "yes",
      strategyMeetingDate: "2026-10-20",
      ...MERTON_SCREENING,
      request:
        "Multi-agency disruption of the older males collecting him from school; an education place that keeps him in school all day.",
      howSafer: "Fewer missing episodes and no contact with the adults exploiting him.",
      riskLevel: "significant",
    },
  },
  {
    formId: "5eed0000-0000-4000-8000-000000000002",
    ...GRACE,
    panelId: "merton-pre-mace",
    kind: "individual",
    accept: false,
    values: {
      subjectName: "Amara Lindqvist",
      dateOfBirth: "2009-08-02",
      gender: "female",
      ethnicity: "mixed-white-black-african",
      language: "English and Swedish",
      address: "Flat 4, Cedar Court, Mitcham",
      postcode: "CR4 1ZZ",
      schoolOrEmployer: "Mitcham Sixth Form College",
      safeguardingStatus: "child-protection",
      consent: "other",
      consentNote:
        "Parent consents; Amara has not yet been asked because of the risk of disclosure to the adults involved.",
      strategyMeetingDate: "2026-11-10",
      ...MERTON_SCREENING,
      request: "Agreement on a Child Abduction Warning Notice for the adult she has been found with twice.",
      howSafer: "The adult would be warned off and police could act on any further contact.",
      riskLevel: "moderate",
    },
  },
  {
    formId: "5eed0000-0000-4000-8000-000000000003",
    ...GRACE,
    panelId: "merton-pre-mace",
    kind: "location-of-concern",
    accept: false,
    values: {
      address: "Unit 3, Station Parade Arcade, Morden",
      postcode: "SM4 9QQ",
      locationDescription: "Vape shop with a back room; young people seen there after school.",
      concerns:
        "Several children on the cohort have been found here during missing episodes since September.",
      request: "Licensing visit and a joint police and community safety plan for the parade.",
    },
  },
];
