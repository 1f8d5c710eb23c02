import { createHash } from "node:crypto";
import type { Decision } from "../../domain/decisions/decision.js";
import type { Panel, RiskScale } from "../../domain/catalogue/panel.js";
import { sameScale } from "../../domain/referrals/transfer-risk.js";
import type { Actor } from "../../domain/people/actor.js";
import type { Referral } from "../../domain/referrals/referral.js";
import { Refusal } from "../../domain/refusal.js";
import type { DecisionPorts } from "./decision-ports.js";
import type { DecisionView } from "./decision-context.js";

// A transfer decision makes a referral to the host area's panel, carrying what this panel decided
// (000 §21; 003), once however often the decision is saved.

/** The same transfer always gets the same referral id, so saving the decision twice makes one referral. */
function transferId(panelId: string, meetingId: string, subjectId: string, targetPanelId: string): string {
  const h = createHash("sha256")
    .update(`${panelId}|${meetingId}|${subjectId}|${targetPanelId}`)
    .digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * What travels with a transfer: the source panel's decision, risk, links and disruption (000 §21).
 * A risk level read by a host grading on another scale says whose scale it is.
 */
function transferSummary(
  d: Decision,
  scale: RiskScale,
  areaName: string,
  hostScale: RiskScale | undefined,
): string {
  const label = scale.levels.find((l) => l.id === d.riskLevel)?.label;
  const risk =
    label && (hostScale && !sameScale(scale, hostScale) ? `${label} on ${areaName}'s scale` : label);
  return [
    d.taken?.how === "chairs-decision"
      ? `A chairs' decision outside the meeting, on ${d.taken.on}, agreed by ${d.taken.chairName}: transfer to the host area's panel.`
      : `Decided at the meeting on ${d.meetingId}: transfer to the host area's panel.`,
    d.rationale && `Rationale: ${d.rationale}`,
    risk && `Risk after discussion: ${risk}.`,
    d.volt.personsOfConcern.length && `Persons of concern: ${d.volt.personsOfConcern.join(", ")}.`,
    d.volt.locations.length && `Locations: ${d.volt.locations.join(", ")}.`,
    d.volt.groups.length && `Groups: ${d.volt.groups.join(", ")}.`,
    d.volt.themes.length && `Themes: ${d.volt.themes.join(", ")}.`,
    d.disruption.length && `Disruption: ${[...d.disruption, d.disruptionDetail].filter(Boolean).join("; ")}.`,
  ]
    .filter(Boolean)
    .join(" ")
    .slice(0, 2000);
}

/** The referral that first brought the subject to the panels, which a transfer carries on. */
export async function sourceReferral(
  ports: Pick<DecisionPorts, "casework">,
  areaId: string,
  referralId: string | undefined,
): Promise<Referral | undefined> {
  return referralId ? ports.casework.referralById(areaId, referralId) : undefined;
}

export async function makeTransfer(
  ports: Pick<DecisionPorts, "catalogue" | "desk">,
  actor: Actor,
  from: {
    panel: Panel & { areaId: string };
    area: { name: string; riskScale: RiskScale };
  },
  decision: Decision,
  to: Panel & { areaId: string },
  source: Referral,
): Promise<NonNullable<DecisionView["transfer"]>> {
  const targetArea = ports.catalogue.areas.find((a) => a.id === to.areaId);
  try {
    const referral = await ports.desk.transferIn(
      actor,
      transferId(decision.panelId, decision.meetingId, decision.subjectId, to.id),
      to.id,
      source,
      {
        areaId: from.panel.areaId,
        areaName: from.area.name,
        panelName: from.panel.name,
        summary: transferSummary(decision, from.area.riskScale, from.area.name, targetArea?.riskScale),
        // The risk after discussion, or as referred when the panel recorded none.
        riskLevel:
          decision.riskLevel ??
          (typeof source.values["riskLevel"] === "string" ? source.values["riskLevel"] : null),
      },
    );
    return { reference: referral.reference, panelName: `${targetArea?.name ?? ""}: ${to.name}` };
  } catch {
    throw new Refusal(
      "conflict",
      `The decision is saved, but the referral to ${to.name} could not be made. Reload and save the decision again.`,
      { code: "transfer-not-made" },
    );
  }
}
