import { auditListView } from "../audit/audit-trail.js";
import { knownMeeting } from "../panels/known-panels.js";
import type { Decision } from "../../domain/decisions/decision.js";
import { Refusal } from "../../domain/refusal.js";
import type { DecisionPorts } from "./decision-ports.js";

export interface DecisionView extends Decision {
  version: string;
  /** The referral a transfer made in the host area's panel. */
  transfer?: { reference: string; panelName: string } | null;
}

/** A decision as shown before sign-in: what was decided, without names, rationale or detail. */
export function withoutDetails<T extends Decision>(d: T): T {
  return {
    ...d,
    rationale: "",
    disruptionDetail: "",
    volt: { personsOfConcern: [], locations: [], groups: [], themes: [] },
    ...(d.taken?.how === "chairs-decision" && { taken: { ...d.taken, reason: "" } }),
  };
}

/** The panel, its area and the meeting. */
export function meetingContext(ports: Pick<DecisionPorts, "catalogue">, panelId: string, meetingId: string) {
  const { panel, area, occurrence } = knownMeeting(ports.catalogue, panelId, meetingId);
  if (!area) throw new Refusal("not-found", "The panel's area is not configured.", { code: "unknown-area" });
  return { panel, area, occurrence };
}

/** The decisions recorded at a meeting, each with its version for the next edit. */
export async function decisionsAt(
  ports: Pick<DecisionPorts, "catalogue" | "casework">,
  panelId: string,
  meetingId: string,
): Promise<DecisionView[]> {
  const { panel } = meetingContext(ports, panelId, meetingId);
  const stored = await ports.casework.decisionsAt(panel.areaId, panelId, meetingId);
  return stored.map((d) => {
    const { areaId: _areaId, ...decision } = d.value;
    return { ...decision, version: d.etag };
  });
}

/**
 * The decisions of a meeting as a person sees them: on the meeting's day, without names and
 * detail until they have signed in. Decisions carry VOLT names and rationale, so showing them is
 * audited, in one entry for the view.
 */
export async function viewDecisions(
  ports: Pick<DecisionPorts, "catalogue" | "casework" | "now">,
  actor: { id: string },
  panelId: string,
  meetingId: string,
  namesHidden: boolean,
  via: string,
): Promise<DecisionView[]> {
  const decisions = await decisionsAt(ports, panelId, meetingId);
  if (namesHidden) return decisions.map(withoutDetails);
  const { panel } = meetingContext(ports, panelId, meetingId);
  await auditListView(ports, {
    areaId: panel.areaId,
    panelId,
    actorId: actor.id,
    action: "decisions.viewed",
    shown: decisions.map((d) => d.reference),
    via,
  });
  return decisions;
}
