import { casesDueAt } from "../../domain/agenda/due-cases.js";
import {
  CATEGORY_LABELS,
  districtMeetingsOf,
  outcomeFor,
  type ThresholdCategory,
} from "../../domain/agenda/thresholding.js";
import type { Case, Placement } from "../../domain/cohort/case.js";
import type { Actor } from "../../domain/people/actor.js";
import type { PanelRole } from "../../domain/people/membership.js";
import { Refusal } from "../../domain/refusal.js";
import { localDay } from "../../domain/schedule/dates.js";
import { auditEntry } from "../audit/audit-trail.js";
import { meetingToday } from "../meeting-room/room-view.js";
import { isNextMeeting } from "../panels/meeting-days.js";
import { knownMeeting } from "../panels/known-panels.js";
import type { StoredCase } from "../ports/casework.js";
import type { Versioned } from "../ports/versioned.js";
import type { ThresholdingPorts } from "./thresholding-ports.js";

// The thresholding meeting's list (003): for each district panel meeting after it, the new
// referrals and returning cases due there, each with the category it was placed in, if it has been.
// Names and rationale wait for sign-in on the meeting's day, as on any agenda; each name shown is audited.

export interface ThresholdingCase {
  subjectId: string;
  reference: string;
  label: string | null;
  placement: Placement;
  /** New to the district panel, or returning to it. */
  stage: "new" | "return" | "review";
  /** The case's version, to send back with the outcome. */
  version: string;
  outcome: {
    category: ThresholdCategory;
    label: string;
    rationale: string | null;
    recordedByName: string;
    at: string;
  } | null;
  /** The question category 2 sent the referrer (here or at the last thresholding), and their answer once given. */
  question: { text: string; answer: string | null } | null;
}

export interface ThresholdingView {
  panelId: string;
  meetingId: string;
  namesHidden: boolean;
  /** Outcomes are recorded on the meeting's day by its coordinators. */
  editable: boolean;
  districts: { panelId: string; panelName: string; meetingId: string; cases: ThresholdingCase[] }[];
}

const VIA = "tab thresholding meeting";

/** The thresholding panel and meeting named, refused for any other panel's. */
export function thresholdingMeeting(
  ports: Pick<ThresholdingPorts, "catalogue">,
  panelId: string,
  meetingId: string,
) {
  const { panel } = knownMeeting(ports.catalogue, panelId, meetingId);
  if (panel.tier !== "thresholding")
    throw new Refusal("not-found", "This panel has no thresholding meeting.", { code: "not-thresholding" });
  return { panel, districts: districtMeetingsOf(ports.catalogue, panel, meetingId) };
}

/** A district's cases due at its meeting, with the drifting ones if that is its next meeting. */
export async function dueAtDistrict(
  ports: Pick<ThresholdingPorts, "catalogue" | "casework" | "meetings" | "now">,
  areaId: string,
  panelId: string,
  meetingId: string,
): Promise<{ due: ReturnType<typeof casesDueAt>; cases: Map<string, Versioned<StoredCase>> }> {
  const today = localDay(ports.now());
  const [{ cases, drifting }, next] = await Promise.all([
    ports.casework.casesAndDrift(areaId, panelId, today, meetingId),
    isNextMeeting(ports, panelId, meetingId, ports.now()),
  ]);
  const due = casesDueAt(
    meetingId,
    cases.map((c) => c.value),
    {},
    next ? drifting : new Set(),
  );
  return { due, cases: new Map(cases.map((c) => [c.value.subjectId, c])) };
}

export async function viewThresholding(
  ports: ThresholdingPorts,
  actor: Actor,
  role: PanelRole,
  panelId: string,
  meetingId: string,
): Promise<ThresholdingView> {
  const { panel, districts } = thresholdingMeeting(ports, panelId, meetingId);
  if (role === "presenter")
    throw new Refusal("not-allowed", "The thresholding list is for the meeting's members.", {
      code: "members-only",
    });
  // On the meeting's day, names wait until the person has signed in, as on the agenda and minutes.
  const { namesHidden, heldToday } = await meetingToday(ports, actor, panel.id, meetingId);
  const read: { panelId: string; subjectId: string; reference: string }[] = [];
  const lists = await Promise.all(
    districts.map(async (d) => {
      const { due, cases } = await dueAtDistrict(ports, panel.areaId, d.panel.id, d.meetingId);
      const rows = await Promise.all(
        due.map(async (a): Promise<ThresholdingCase> => {
          const held = cases.get(a.subjectId);
          const c = held?.value;
          const outcome = c ? outcomeFor(c, d.meetingId) : null;
          if (!namesHidden)
            read.push({ panelId: d.panel.id, subjectId: a.subjectId, reference: a.reference });
          return {
            subjectId: a.subjectId,
            reference: a.reference,
            label: namesHidden ? null : (c?.label ?? null),
            placement: a.placement,
            stage: a.stage,
            version: held?.etag ?? "",
            outcome: outcome && {
              category: outcome.category,
              label: CATEGORY_LABELS[outcome.category],
              rationale: namesHidden ? null : outcome.rationale || null,
              recordedByName: outcome.recordedByName,
              at: outcome.at,
            },
            // Category 2's question, at this meeting or the last: the case waits for its answer.
            question:
              c?.thresholding?.category === 2 && !namesHidden
                ? await questionOf(ports, panel.areaId, c)
                : null,
          };
        }),
      );
      return { panelId: d.panel.id, panelName: d.panel.name, meetingId: d.meetingId, cases: rows };
    }),
  );
  const at = ports.now();
  await ports.casework.appendAudit(
    panel.areaId,
    read.map((r) =>
      auditEntry(at, { areaId: panel.areaId, actorId: actor.id, action: "agenda.viewed", via: VIA, ...r }),
    ),
  );
  return {
    panelId,
    meetingId,
    namesHidden,
    editable: role === "coordinator" && heldToday,
    districts: lists,
  };
}

/** The last question on the case's latest referral: category 2's question, and its answer. */
async function questionOf(
  ports: Pick<ThresholdingPorts, "casework">,
  areaId: string,
  c: Case,
): Promise<ThresholdingCase["question"]> {
  const referralId = c.referralIds.at(-1);
  const referral = referralId ? await ports.casework.referral(areaId, c.panelId, referralId) : undefined;
  const last = referral?.value.questions.at(-1);
  return last ? { text: last.question, answer: last.answer } : null;
}
