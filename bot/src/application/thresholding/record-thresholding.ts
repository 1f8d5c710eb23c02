import { DateTime } from "luxon";
import { quorumOf } from "../../domain/attendance/sign-in.js";
import {
  outcomeFor,
  thresholdingProblems,
  type Thresholding,
  type ThresholdingInput,
} from "../../domain/agenda/thresholding.js";
import type { Actor } from "../../domain/people/actor.js";
import type { PanelRole } from "../../domain/people/membership.js";
import { questionWaiting } from "../../domain/referrals/triage.js";
import { Refusal } from "../../domain/refusal.js";
import { dayInWords } from "../../domain/schedule/dates.js";
import { auditEntry } from "../audit/audit-trail.js";
import type { CaseworkUnit, StoredCase } from "../ports/casework.js";
import { ConcurrencyConflict, type Versioned } from "../ports/versioned.js";
import { meetingToday } from "../meeting-room/room-view.js";
import { cancelledMeeting } from "../panels/meeting-days.js";
import type { ThresholdingPorts } from "./thresholding-ports.js";
import { dueAtDistrict, thresholdingMeeting } from "./view-thresholding.js";

// The thresholding meeting's outcome for one case (003), recorded at the meeting like a decision:
// on its day, by a coordinator signed in to it. It places the case on the district panel's next
// agenda: category 1 for full discussion, 3 and 4 listed with their rationale; category 2 asks the
// referrer for the missing information, and the case waits for the answer. The outcome, its audit
// entry, its row in the child's file and the question are one unit of work.

const VIA = "tab thresholding meeting";
const notNow = (message: string, code: string) => new Refusal("not-now", message, { code });
const hhmm = (iso: string): string => DateTime.fromISO(iso, { zone: "Europe/London" }).toFormat("HH:mm");

/** Refuses anyone but a coordinator signed in to the meeting, on the day it is held; otherwise the quorum then. */
async function refuseUnlessAtTheMeeting(
  ports: Pick<ThresholdingPorts, "catalogue" | "room" | "meetings" | "now">,
  actor: Actor,
  role: PanelRole,
  panel: ReturnType<typeof thresholdingMeeting>["panel"],
  meetingId: string,
): Promise<boolean> {
  if (role !== "coordinator")
    throw new Refusal("not-allowed", "Only the thresholding meeting's coordinators record its outcomes.", {
      code: "not-coordinator",
    });
  const { heldOn, cancelled, heldToday, signIns, signedIn } = await meetingToday(
    ports,
    actor,
    panel.id,
    meetingId,
  );
  if (cancelled)
    throw cancelledMeeting(
      "no outcome is recorded at it",
      "Record outcomes at the next thresholding meeting.",
    );
  if (!heldToday)
    throw notNow(
      `Outcomes are recorded at the thresholding meeting, on its day (${dayInWords(heldOn)}).`,
      "not-meeting-day",
    );
  if (!signedIn)
    throw notNow(
      "Sign in to the meeting first: an outcome is recorded by a coordinator signed in to the meeting.",
      "not-signed-in",
    );
  return quorumOf(panel, ports.catalogue.agencies, signIns).quorate;
}

export async function recordThresholding(
  ports: ThresholdingPorts,
  actor: Actor,
  role: PanelRole,
  panelId: string,
  meetingId: string,
  subjectId: string,
  input: ThresholdingInput,
  version: string,
): Promise<Thresholding> {
  const { panel, districts } = thresholdingMeeting(ports, panelId, meetingId);
  const quorate = await refuseUnlessAtTheMeeting(ports, actor, role, panel, meetingId);
  const district = districts.find((d) => d.panel.id === input.districtPanelId);
  if (!district)
    throw new Refusal("invalid", "That district panel does not meet after this thresholding meeting.", {
      code: "not-a-district",
    });
  const [{ due }, held] = await Promise.all([
    dueAtDistrict(ports, panel.areaId, district.panel.id, district.meetingId),
    // Changed by its key, not by the list's copy of it.
    ports.casework.case(panel.areaId, district.panel.id, subjectId),
  ]);
  if (!held || !due.some((c) => c.subjectId === subjectId))
    throw new Refusal(
      "not-found",
      `That case is not due at ${district.panel.name} on ${dayInWords(district.meetingId)}. Reload the list.`,
      { code: "unknown-case" },
    );
  if (held.etag !== version) throw changedBy(held);
  const problems = thresholdingProblems(input, held.value.placement);
  if (problems.length)
    throw new Refusal("invalid", problems.map((p) => p.message).join(" "), {
      code: "outcome-incomplete",
      fields: problems,
    });

  const outcome: Thresholding = {
    panelId: panel.id,
    meetingId,
    forMeeting: district.meetingId,
    category: input.category,
    rationale: input.rationale,
    quorate,
    recordedBy: actor.id,
    recordedByName: actor.name,
    at: ports.now().toISOString(),
  };
  const writes = (unit: CaseworkUnit) => {
    const earlier = (held.value.thresholdedFor ?? []).filter((t) => t.meetingId !== outcome.forMeeting);
    const thresholdedFor = [...earlier, { meetingId: outcome.forMeeting, category: outcome.category }];
    unit.replaceCase(
      { ...held.value, thresholding: outcome, thresholdedFor: thresholdedFor.slice(-60) },
      held,
    );
    // The rationale goes into the child's file too, where their case history and export read it.
    unit.putThresholdingOutcome({
      ...outcome,
      areaId: panel.areaId,
      subjectId,
      districtPanelId: district.panel.id,
      reference: held.value.reference,
    });
    unit.audit(
      auditEntry(ports.now(), {
        areaId: panel.areaId,
        panelId: district.panel.id,
        actorId: actor.id,
        action: "case.thresholded",
        subjectId,
        reference: held.value.reference,
        via: VIA,
      }),
    );
  };
  try {
    const referral = input.category === 2 ? await questionTo(ports, held.value, input.rationale) : null;
    if (referral)
      await ports.desk.askAtThresholding(actor, district.panel.id, referral, input.rationale, writes, VIA);
    else {
      const unit = ports.casework.unit(panel.areaId, actor.name);
      writes(unit);
      await unit.commit();
    }
  } catch (e) {
    if (!(e instanceof ConcurrencyConflict)) throw e;
    const now = await ports.casework.case(panel.areaId, district.panel.id, subjectId);
    throw now ? changedBy(now) : changed("This case changed just now. Reload to see it before saving.");
  }
  return outcome;
}

/**
 * The referral whose referrer is asked: the case's latest. None when the same question already waits
 * for them (recorded again at the meeting in the same words, the outcome does not ask twice); new
 * words replace the waiting question.
 */
async function questionTo(
  ports: Pick<ThresholdingPorts, "casework">,
  c: StoredCase,
  question: string,
): Promise<string | null> {
  const referralId = c.referralIds.at(-1);
  const referral = referralId ? await ports.casework.referral(c.areaId, c.panelId, referralId) : undefined;
  if (!referral)
    throw new Refusal(
      "not-now",
      `${c.reference} has no referral whose referrer can be asked. Ask the lead professional directly, then place the case in another category.`,
      { code: "no-referrer" },
    );
  const same =
    questionWaiting(referral.value) && referral.value.questions.at(-1)?.question === question.trim();
  return same ? null : referral.value.id;
}

const changed = (message: string) => new Refusal("conflict", message, { code: "changed-by-someone-else" });

function changedBy(c: Versioned<StoredCase>): Refusal {
  const outcome = outcomeFor(c.value, c.value.thresholding?.forMeeting ?? "");
  const by = outcome ? `${outcome.recordedByName} at ${hhmm(outcome.at)}` : "someone else";
  return changed(`This case was changed by ${by}. Reload to see it before saving.`);
}
