// An invented 15-year-old, referred to Merton pre-MACE after a strategy meeting: a victim who is
// also a concern to others.
export const mertonChild = (name: string) => ({
  subjectName: name,
  dateOfBirth: "2011-04-09",
  gender: "female",
  ethnicity: "not-known",
  language: "English",
  address: `7 ${name.split(" ")[0]} Close, Morden`,
  postcode: "SM4 5ZZ",
  safeguardingStatus: "child-protection",
  alsoPersonOfConcern: "true",
  consent: "yes",
  strategyMeetingDate: "2026-11-12",
  "screening.criminal-exploitation": 12,
  request: "Disruption of the adults involved.",
  howSafer: "Less contact with them.",
  riskLevel: "significant",
});
