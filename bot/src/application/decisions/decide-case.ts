import { DateTime } from "luxon";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { Panel } from "../../domain/catalogue/panel.js";
import {
  decisionProblems,
  effectOf,
  type Decision,
  type DecisionInput,
  type DecisionOutcome,
  type DecisionProblem,
  type MeetingHeld,
} from "../../domain/decisions/decision.js";
import type { DecisionHow } from "../../domain/decisions/taken.js";
import type { Actor } from "../../domain/people/actor.js";
import type { PanelRole } from "../../domain/people/membership.js";
import { addDays, localDay } from "../../domain/schedule/dates.js";
import { occurrencesBetween } from "../../domain/schedule/occurrences.js";
import { auditEntry } from "../audit/audit-trail.js";
import type { CaseworkUnit, StoredCase, StoredDecision } from "../ports/casework.js";
import { ConcurrencyConflict, type Versioned } from "../ports/versioned.js";
import { Refusal } from "../../domain/refusal.js";
import { meetingContext, type DecisionView } from "./decision-context.js";
import type { DecisionPorts } from "./decision-ports.js";
import { makeTransfer, sourceReferral } from "./transfer.js";
import { endPresenters } from "../people/presenters.js";
import { howTakenNow, meetingsHeldAfter, refuseUnlessOpen } from "./how-taken.js";

// The coordinator records what the panel decided about one agenda item, at the meeting; or, between
// meetings, a coordinator or chair records a chairs' decision against the next meeting
// (how-taken.ts). The case follows (a review date puts it on the first meeting on or after it, a
// removal closes it, an escalation also opens it on the strategic MACE). The decision, the case's
// change and the audit entry are one unit of work; a closed case's presenters then lose the role
// it gave them.

type PanelInArea = Panel & { areaId: string };
const VIA = "tab meeting";
const hhmm = (iso: string): string => DateTime.fromISO(iso, { zone: "Europe/London" }).toFormat("HH:mm");
const changed = (message: string) => new Refusal("conflict", message, { code: "changed-by-someone-else" });

/** The case as it is and its decision at this meeting, refused if the decision changed since `version`. */
async function heldCase(
  ports: Pick<DecisionPorts, "casework">,
  panel: PanelInArea,
  meetingId: string,
  subjectId: string,
  how: DecisionHow,
  version: string,
) {
  const [held, existing] = await Promise.all([
    ports.casework.subjectAndCase(panel.areaId, panel.id, subjectId),
    ports.casework.decision(panel.areaId, panel.id, meetingId, subjectId, how),
  ]);
  if (!held.case) throw new Refusal("not-found", "That case is not on this panel.", { code: "unknown-case" });
  if ((existing?.etag ?? "none") !== version) throw changedBy(existing);
  return { current: held.case, existing };
}

const changedBy = (decision: Versioned<StoredDecision> | undefined) => {
  const by = decision ? `${decision.value.recordedByName} at ${hhmm(decision.value.at)}` : "someone else";
  return changed(`This item was changed by ${by}. Reload to see it before saving.`);
};

const strategicPanelOf = (catalogue: Catalogue, panel: PanelInArea) =>
  [...catalogue.panels.values()].find((p) => p.areaId === panel.areaId && p.tier === "strategic");

/** What the decision lacks, by the domain's rules and what a transfer needs to carry. */
async function problemsWith(
  ports: Pick<DecisionPorts, "catalogue" | "casework">,
  input: DecisionOutcome,
  context: Pick<ReturnType<typeof meetingContext>, "panel" | "area"> & {
    laterMeetings: MeetingHeld[];
    from: string;
  },
  current: StoredCase,
) {
  const { catalogue } = ports;
  const { panel, area, laterMeetings, from } = context;
  const strategic = strategicPanelOf(catalogue, panel);
  const problems: DecisionProblem[] = decisionProblems(input, {
    meetingId: from,
    riskScale: area.riskScale,
    laterMeetings,
    transferPanels: [...catalogue.panels.values()].filter(
      (p) => p.areaId !== panel.areaId && p.tier === "operational",
    ),
    hasStrategicPanel: !!strategic && strategic.id !== panel.id,
  });
  const transferTo = input.kind === "transfer" ? catalogue.panels.get(input.transferTo ?? "") : undefined;
  const source = transferTo ? await sourceReferral(ports, panel.areaId, current.referralIds[0]) : undefined;
  if (transferTo && !source) {
    problems.push({
      field: "transferTo",
      message:
        "The referral that brought this case to the panel is no longer held, so there is nothing to transfer. Refer the child to the host panel directly.",
    });
  }
  if (transferTo && source && !transferTo.referralRules?.kinds.includes(source.kind))
    problems.push({
      field: "transferTo",
      message: `${transferTo.name} does not take this kind of referral.`,
    });
  return { problems, transfer: transferTo && source ? { to: transferTo, source } : undefined, strategic };
}

/**
 * The case after the decision, keeping how it came to this meeting from its first decision here. A
 * chairs' decision takes effect from the day it is taken, and the case was not discussed at a meeting.
 */
function caseAfter(
  c: StoredCase,
  input: DecisionOutcome,
  laterMeetings: MeetingHeld[],
  taken: { meetingId: string | null; from: string; at: string },
): StoredCase {
  const { meetingId, from, at } = taken;
  const effect = effectOf(input, { riskLevel: c.riskLevel }, laterMeetings, from);
  const decidedStage =
    c.decidedOn === meetingId && c.decidedStage ? c.decidedStage : c.lastDiscussedOn ? "return" : "new";
  return {
    ...c,
    status: effect.status,
    nextMeetingDate: effect.nextMeetingDate,
    riskLevel: effect.riskLevel,
    ...(meetingId && { lastDiscussedOn: meetingId, decidedOn: meetingId, decidedStage }),
    lastDecision: { kind: input.kind, on: from },
    closedAt: effect.status === "closed" ? (c.status === "closed" ? (c.closedAt ?? at) : at) : null,
  };
}

/** An escalation puts the case on the strategic MACE's next agenda, or brings it back there. */
async function escalationWrites(
  ports: Pick<DecisionPorts, "catalogue" | "casework">,
  strategic: PanelInArea,
  c: StoredCase,
  from: string,
  at: string,
): Promise<(unit: CaseworkUnit) => void> {
  const onStrategic = await ports.casework.case(c.areaId, strategic.id, c.subjectId);
  const [next] = occurrencesBetween(ports.catalogue, strategic.id, addDays(from, 1), addDays(from, 400));
  if (!next) return () => undefined;
  if (!onStrategic) {
    const opened: StoredCase = {
      ...c,
      panelId: strategic.id,
      status: "open",
      nextMeetingDate: next.date,
      lastDiscussedOn: null,
      decidedOn: null,
      openedAt: at,
      entryRiskLevel: c.riskLevel,
    };
    return (unit) => unit.createCase(opened);
  }
  if (onStrategic.value.status !== "closed") return () => undefined;
  // Known to the strategic MACE before and closed there: it comes back.
  const reopened = {
    ...onStrategic.value,
    status: "open" as const,
    nextMeetingDate: next.date,
    closedAt: null,
  };
  return (unit) => unit.replaceCase(reopened, onStrategic);
}

/**
 * Records (or corrects) the decision on one agenda item, or the chairs' decision reported at it.
 * `version` is the decision's version as the recorder last read it, or "none" for a first one: a
 * second coordinator's stale save is refused.
 */
export async function decideCase(
  ports: DecisionPorts,
  actor: Actor,
  role: PanelRole,
  panelId: string,
  meetingId: string,
  subjectId: string,
  input: DecisionInput,
  version: string,
): Promise<DecisionView> {
  const context = meetingContext(ports, panelId, meetingId);
  const { panel, area } = context;
  const today = localDay(ports.now());
  const { chairsDecision, ...outcome } = input;
  // A chairs' decision takes effect from the day it is taken; the meeting's, from the meeting.
  const from = chairsDecision ? today : meetingId;
  // Read while the meeting's day is checked; a refusal of the day comes first.
  const reads = Promise.all([
    heldCase(
      ports,
      panel,
      meetingId,
      subjectId,
      chairsDecision ? "chairs-decision" : "at-the-meeting",
      version,
    ),
    howTakenNow(ports, actor, panel, meetingId, input, today),
    meetingsHeldAfter(ports, panelId, today),
  ]);
  reads.catch(() => undefined);
  await refuseUnlessOpen(ports, role, panelId, meetingId, input);
  const [{ current, existing }, how, laterMeetings] = await reads;
  const { problems, transfer, strategic } = await problemsWith(
    ports,
    outcome,
    { panel, area, laterMeetings, from },
    current.value,
  );
  problems.push(...how.problems);
  if (problems.length || !how.taken) {
    throw new Refusal("invalid", problems.map((p) => p.message).join(" "), {
      code: "decision-incomplete",
      fields: problems,
    });
  }
  const at = ports.now().toISOString();
  const decision: Decision = {
    ...outcome,
    panelId,
    meetingId,
    subjectId,
    reference: current.value.reference,
    recordedBy: actor.id,
    recordedByName: actor.name,
    at,
    taken: how.taken,
  };
  // Correcting an earlier decision leaves alone what later meetings have done to the case.
  const c = current.value;
  const latest = from >= (c.decidedOn ?? c.lastDiscussedOn ?? "");
  const escalation =
    input.kind === "escalate" && strategic && latest
      ? await escalationWrites(ports, strategic, c, from, at)
      : undefined;
  const after = latest
    ? caseAfter(c, outcome, laterMeetings, { meetingId: chairsDecision ? null : meetingId, from, at })
    : undefined;
  await commitDecision(ports, actor, { ...decision, areaId: panel.areaId }, existing, current, {
    caseAfter: after,
    escalation,
  });
  if (after?.status === "closed" && c.status === "open") await endPresenters(ports, actor, after, VIA);

  const saved = await ports.casework.decision(panel.areaId, panelId, meetingId, subjectId, how.taken.how);
  if (!saved)
    throw new Refusal("conflict", "The decision could not be read back. Reload.", { code: "not-stored" });
  const { areaId: _areaId, ...view } = saved.value;
  const transferred = transfer
    ? await makeTransfer(ports, actor, { panel, area }, decision, transfer.to, transfer.source)
    : null;
  return { ...view, version: saved.etag, transfer: transferred };
}

async function commitDecision(
  ports: Pick<DecisionPorts, "casework" | "now">,
  actor: Actor,
  decision: StoredDecision,
  existing: Versioned<StoredDecision> | undefined,
  current: Versioned<StoredCase>,
  writes: { caseAfter: StoredCase | undefined; escalation: ((unit: CaseworkUnit) => void) | undefined },
): Promise<void> {
  const unit = ports.casework.unit(decision.areaId, actor.name);
  if (existing) unit.replaceDecision(decision, existing.etag);
  else unit.createDecision(decision);
  if (writes.caseAfter) unit.replaceCase(writes.caseAfter, current);
  unit.audit(
    auditEntry(ports.now(), {
      areaId: decision.areaId,
      panelId: decision.panelId,
      actorId: actor.id,
      action: "case.decided",
      subjectId: decision.subjectId,
      reference: current.value.reference,
      via: VIA,
    }),
  );
  writes.escalation?.(unit);
  try {
    await unit.commit();
  } catch (e) {
    if (!(e instanceof ConcurrencyConflict)) throw e;
    // Another save of this decision got in first: say whose, as for a save on an old version.
    const current = await ports.casework.decision(
      decision.areaId,
      decision.panelId,
      decision.meetingId,
      decision.subjectId,
      decision.taken?.how,
    );
    if (current && current.etag !== existing?.etag) throw changedBy(current);
    throw changed("This item changed just now. Reload to see it before saving.");
  }
}
