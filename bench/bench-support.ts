import { DEMO_PEOPLE } from "../bot/src/seed/demo-people.js";

/** An invented demo person, as the actor of a benchmarked step. */
export function demoActor(name: string): { id: string; name: string } {
  const person = DEMO_PEOPLE.find((p) => p.displayName === name);
  if (!person) throw new Error(`${name} is not among the demo people`);
  return { id: person.id, name };
}

export const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** A valid Merton (or Kingsmead) individual referral, a different child each time. */
export const benchValues = (i: number) => ({
  subjectName: `Bench Subject ${i}`,
  dateOfBirth: "2011-04-09",
  gender: "female",
  ethnicity: "not-known",
  language: "English",
  address: `${i} Benchmark Road`,
  postcode: "SM4 5ZZ",
  safeguardingStatus: "child-protection",
  consent: "yes",
  strategyMeetingDate: "2026-01-12",
  "screening.missing": 12,
  request: "Disruption.",
  howSafer: "Less contact.",
  riskLevel: "moderate",
});
