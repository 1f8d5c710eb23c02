import type { Actor } from "../../domain/people/actor.js";
import { Refusal } from "../../domain/refusal.js";
import { localDay } from "../../domain/schedule/dates.js";
import { MeetingPlan } from "../../domain/strategic/forward-plan.js";
import { accessRegister } from "../access/register-access.js";
import { auditEntry } from "../audit/audit-trail.js";
import { knownMeeting } from "../panels/known-panels.js";
import { cancelledMeeting, heldDay } from "../panels/meeting-days.js";
import { ConcurrencyConflict } from "../ports/versioned.js";
import { changedBy, invalidInput, refuseIdentifying, type RegisterPorts } from "./register-ports.js";

// The coordinator sets the topics planned for one coming strategic meeting (001's forward plan:
// the thematic discussions and reports agreed for it, with their leads), on the version they read.

export interface PlanView {
  meetingId: string;
  topics: MeetingPlan["topics"];
  /** The plan's version, to send back with a change; "none" before the first. */
  version: string;
}

export async function planMeeting(
  ports: RegisterPorts,
  actor: Actor,
  panelId: unknown,
  meetingId: string,
  topics: MeetingPlan["topics"],
  version: string,
  via: string,
): Promise<PlanView> {
  const { panel } = await accessRegister(ports, actor.id, panelId, "plan");
  knownMeeting(ports.catalogue, panel.id, meetingId);
  const [{ day: heldOn, cancelled }, held] = await Promise.all([
    heldDay(ports, panel.id, meetingId),
    ports.casework.meetingPlan(panel.areaId, panel.id, meetingId),
  ]);
  if (cancelled) throw cancelledMeeting("it is not planned", "Plan the panel's next meeting instead.");
  if (heldOn < localDay(ports.now()))
    throw new Refusal("not-now", "That meeting has been held: plan the coming meetings instead.", {
      code: "meeting-held",
    });
  refuseIdentifying(
    Object.fromEntries(
      topics.flatMap((t, n) => [
        [`topics.${n}.title`, t.title],
        [`topics.${n}.lead`, t.lead],
      ]),
    ),
  );
  const plan = MeetingPlan.safeParse({ areaId: panel.areaId, panelId: panel.id, meetingId, topics });
  if (!plan.success) throw invalidInput(plan.error.issues);

  if ((held?.etag ?? "none") !== version) throw held ? changedBy(held) : changedSinceRead();
  const unit = ports.casework.unit(panel.areaId, actor.name);
  unit.putMeetingPlan(plan.data, held);
  unit.audit(
    auditEntry(ports.now(), {
      areaId: panel.areaId,
      panelId: panel.id,
      actorId: actor.id,
      action: "forward-plan.changed",
      subjectId: null,
      reference: meetingId,
      via,
    }),
  );
  try {
    await unit.commit();
  } catch (e) {
    if (!(e instanceof ConcurrencyConflict)) throw e;
    const current = await ports.casework.meetingPlan(panel.areaId, panel.id, meetingId);
    throw current ? changedBy(current) : changedSinceRead();
  }
  const saved = await ports.casework.meetingPlan(panel.areaId, panel.id, meetingId);
  if (!saved)
    throw new Refusal("conflict", "The plan could not be read back. Reload the register.", {
      code: "not-stored",
    });
  return { meetingId, topics: saved.value.topics, version: saved.etag };
}

const changedSinceRead = () =>
  new Refusal(
    "conflict",
    "The plan changed after you opened it. Reload to see it, then make your change again.",
    {
      code: "changed-by-someone-else",
    },
  );
