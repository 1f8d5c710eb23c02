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

// An invented 14-year-old in Tamworth whose Risk Factor Matrix rates the risk medium (003).
export const staffordshireChild = (name: string) => ({
  subjectName: name,
  dateOfBirth: "2012-09-14",
  gender: "male",
  ethnicity: "not-known",
  language: "English",
  address: `3 ${name.split(" ")[0]} Row, Tamworth`,
  postcode: "B79 0ZZ",
  safeguardingStatus: "child-in-need",
  consent: "yes",
  strategyMeetingDate: "2027-01-20",
  rfmCompletedOn: "2027-01-25",
  request: "Disruption of the older young people collecting him from school.",
  howSafer: "An agreed plan for school pick-ups.",
  riskLevel: "medium",
});
