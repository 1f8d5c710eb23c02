import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { ReferralDesk } from "../../bot/src/application/referrals/referral-desk.js";
import type { RunningService } from "../../bot/src/service.js";
import { PEOPLE } from "./people.js";
import { mertonChild } from "./referral-forms.js";

/**
 * A Merton child referred to pre-MACE by `by` and accepted by Priya, through any referral desk
 * (the fakes' or a running service's): `by` then presents the case.
 */
export async function referredAndAccepted(
  desk: ReferralDesk,
  by: { id: string; name: string },
  name: string,
): Promise<{ subjectId: string; reference: string; referralId: string; meetingDate: string | null }> {
  const priya = { id: PEOPLE.mertonCoordinator.id, name: PEOPLE.mertonCoordinator.displayName };
  const sent = await desk.submit(by, "merton-pre-mace", "individual", randomUUID(), mertonChild(name));
  assert.ok(sent.ok, JSON.stringify(sent));
  const read = await desk.view(priya, "merton-pre-mace", sent.referral.id, "test");
  const accepted = await desk.triage(
    priya,
    "merton-pre-mace",
    sent.referral.id,
    { decision: "accept", note: "", linkToSubjectId: null },
    read.etag,
    "test",
  );
  return {
    subjectId: accepted.subjectId ?? "",
    reference: accepted.reference,
    referralId: sent.referral.id,
    meetingDate: sent.referral.meetingDate,
  };
}

/**
 * A Merton child referred by Grace and accepted by Priya through the referral desk, as the bot and
 * the tab would: the case then comes to the meeting the referral was made for.
 */
export async function acceptedMertonReferral(
  service: RunningService,
  name: string,
  address: string,
  expectedMeeting: string,
): Promise<{ reference: string; subjectId: string; name: string }> {
  const grace = { id: PEOPLE.mertonSocialWorker.id, name: PEOPLE.mertonSocialWorker.displayName };
  const priya = { id: PEOPLE.mertonCoordinator.id, name: PEOPLE.mertonCoordinator.displayName };
  const submitted = await service.desk.submit(grace, "merton-pre-mace", "individual", randomUUID(), {
    subjectName: name,
    dateOfBirth: "2011-04-09",
    gender: "female",
    ethnicity: "not-known",
    language: "English",
    address,
    postcode: "SM4 5ZZ",
    safeguardingStatus: "child-protection",
    consent: "yes",
    strategyMeetingDate: "2026-12-10",
    "screening.missing": 12,
    request: "Disruption of the adults involved.",
    howSafer: "Less contact with the adults involved.",
    riskLevel: "significant",
  });
  assert.ok(submitted.ok, JSON.stringify(submitted));
  assert.equal(submitted.referral.meetingDate, expectedMeeting);
  const current = await service.desk.view(priya, "merton-pre-mace", submitted.referral.id, "test");
  const accepted = await service.desk.triage(
    priya,
    "merton-pre-mace",
    submitted.referral.id,
    { decision: "accept", note: "", linkToSubjectId: null },
    current.etag,
    "test",
  );
  return { reference: accepted.reference, subjectId: accepted.subjectId ?? "", name };
}

/**
 * A Wandsworth child referred to the MARVE operational panel by Rory, the police officer, naming
 * Sade as the allocated social worker and Mina as her manager, and accepted by Hollis: all three
 * then present the case (000 §2).
 */
export async function acceptedWandsworthReferral(
  service: RunningService,
  name: string,
  expectedMeeting: string,
): Promise<{ reference: string; subjectId: string; name: string }> {
  const panel = "wandsworth-marve";
  const rory = { id: PEOPLE.wandsworthPoliceOfficer.id, name: PEOPLE.wandsworthPoliceOfficer.displayName };
  const hollis = { id: PEOPLE.wandsworthCoordinator.id, name: PEOPLE.wandsworthCoordinator.displayName };
  const { ["screening.criminal-exploitation"]: _screening, ...form } = mertonChild(name);
  const submitted = await service.desk.submit(rory, panel, "individual", randomUUID(), {
    ...form,
    address: `9 ${name.split(" ")[0]} Walk, Balham`,
    postcode: "SW12 0ZZ",
    strategyMeetingDate: "2027-02-10",
    allocatedWorkerEmail: PEOPLE.wandsworthSocialWorker.email,
    allocatedManagerEmail: PEOPLE.wandsworthTeamManager.email,
  });
  assert.ok(submitted.ok, JSON.stringify(submitted));
  assert.equal(submitted.referral.meetingDate, expectedMeeting);
  const current = await service.desk.view(hollis, panel, submitted.referral.id, "test");
  const accepted = await service.desk.triage(
    hollis,
    panel,
    submitted.referral.id,
    { decision: "accept", note: "", linkToSubjectId: null },
    current.etag,
    "test",
  );
  return { reference: accepted.reference, subjectId: accepted.subjectId ?? "", name };
}
