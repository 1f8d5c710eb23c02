import { Refusal, reasonOfStatus } from "./refusal.js";
import { createHash } from "node:crypto";
import { odata } from "@azure/data-tables";
import { DateTime } from "luxon";
import { quorumOf } from "../domain/attendance/sign-in.js";
import { auditEntry } from "./audit-trail.js";
import type { Catalogue } from "../domain/catalogue/catalogue.js";
import {
  decisionProblems,
  effectOf,
  type Decision,
  type DecisionInput,
  type DecisionProblem,
} from "../domain/decisions/decision.js";
import { buildMinutes, type Minutes } from "../domain/minutes/minutes.js";
import type { PanelRole } from "../domain/people/membership.js";
import { addDays, localDay } from "../domain/schedule/dates.js";
import { occurrencesBetween } from "../domain/schedule/occurrences.js";
import { describeOccurrence } from "../domain/schedule/describe.js";
import { actionRow, caseRow, decisionRow, type AreaRecords } from "../adapters/tables/area-records.js";
import { isStatus, keyOf } from "../adapters/tables/entity-store.js";
import type { MeetingRoomRecords } from "../adapters/tables/meeting-room-records.js";
import type { AgendaDesk } from "./agenda-desk.js";
import type { ReferralDesk } from "./referral-desk.js";
import type { Referral } from "../domain/referrals/referral.js";

// The coordinator records, for each agenda item, what the panel decided; the case follows (a review
// date puts it on the first meeting on or after it, a removal closes it). The minutes are generated
// from the meeting's sign-ins, apologies, decisions and actions, for panel members only.

export class DecisionRefused extends Refusal {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    code: string,
    message: string,
    readonly problems: DecisionProblem[] = [],
  ) {
    super(reasonOfStatus(status), message, { code, fields: problems });
    this.name = "DecisionRefused";
  }
}

interface Actor {
  id: string;
  name: string;
}

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
  };
}

/** The same transfer always gets the same referral id, so saving the decision twice makes one referral. */
function transferId(panelId: string, meetingId: string, subjectId: string, targetPanelId: string): string {
  const h = createHash("sha256")
    .update(`${panelId}|${meetingId}|${subjectId}|${targetPanelId}`)
    .digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** What travels with a transfer: the source panel's decision, risk, links and disruption (000 §21). */
function transferSummary(d: Decision, levels: { id: string; label: string }[]): string {
  const risk = levels.find((l) => l.id === d.riskLevel)?.label;
  return [
    `Decided at the meeting on ${d.meetingId}: transfer to the host area's panel.`,
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

const hhmm = (iso: string): string => DateTime.fromISO(iso, { zone: "Europe/London" }).toFormat("HH:mm");

export class CaseDecisions {
  constructor(
    private readonly deps: {
      catalogue: Catalogue;
      records: AreaRecords;
      room: MeetingRoomRecords;
      agendaDesk: AgendaDesk;
      desk: ReferralDesk;
      now: () => Date;
    },
  ) {}

  private context(panelId: string, meetingId: string) {
    const panel = this.deps.catalogue.panels.get(panelId);
    if (!panel) throw new DecisionRefused(404, "unknown-panel", "There is no such panel.");
    const [occurrence] = occurrencesBetween(this.deps.catalogue, panelId, meetingId, meetingId);
    if (!occurrence)
      throw new DecisionRefused(404, "unknown-meeting", "The panel has no meeting on that date.");
    const area = this.deps.catalogue.areas.find((a) => a.id === panel.areaId);
    if (!area) throw new DecisionRefused(404, "unknown-area", "The panel's area is not configured.");
    const laterMeetings = occurrencesBetween(
      this.deps.catalogue,
      panelId,
      addDays(meetingId, 1),
      addDays(meetingId, 550),
    ).map((o) => o.date);
    return { panel, area, occurrence, laterMeetings };
  }

  /** The decisions recorded at a meeting, each with its version for the next edit. */
  async list(panelId: string, meetingId: string): Promise<DecisionView[]> {
    const { panel } = this.context(panelId, meetingId);
    const stored = await this.deps.records.decisions.listRange(
      keyOf(panel.areaId),
      decisionRow(panelId, meetingId, ""),
    );
    return stored.map((d) => {
      const { areaId, ...decision } = d.value;
      return { ...decision, version: d.etag };
    });
  }

  /**
   * Records (or corrects) the decision on one agenda item. `version` is the decision's version as
   * the coordinator last read it, or "none" for a first one: a second coordinator's stale save is
   * refused, never overwritten.
   */
  async decide(
    actor: Actor,
    role: PanelRole,
    panelId: string,
    meetingId: string,
    subjectId: string,
    input: DecisionInput,
    version: string,
  ): Promise<DecisionView> {
    const { panel, area, laterMeetings } = this.context(panelId, meetingId);
    if (role !== "coordinator")
      throw new DecisionRefused(403, "not-coordinator", "Only the panel's coordinators record decisions.");
    const { records, catalogue } = this.deps;
    const partition = keyOf(panel.areaId);
    const [held, existing] = await Promise.all([
      records.subjectAndCase(panel.areaId, panelId, subjectId),
      records.decisions.get(partition, decisionRow(panelId, meetingId, subjectId)),
    ]);
    const current = held.case;
    if (!current) throw new DecisionRefused(404, "unknown-case", "That case is not on this panel.");
    if ((existing?.etag ?? "none") !== version) {
      const by = existing ? `${existing.value.recordedByName} at ${hhmm(existing.value.at)}` : "someone else";
      throw new DecisionRefused(
        409,
        "changed-by-someone-else",
        `This item was changed by ${by}. Reload to see it before saving.`,
      );
    }
    const strategic = [...catalogue.panels.values()].find(
      (p) => p.areaId === panel.areaId && p.tier === "strategic",
    );
    const problems = decisionProblems(input, {
      meetingId,
      riskScale: area.riskScale,
      laterMeetings,
      transferPanels: [...catalogue.panels.values()].filter(
        (p) => p.areaId !== panel.areaId && p.tier === "operational",
      ),
      hasStrategicPanel: !!strategic && strategic.id !== panelId,
    });
    const transferTo = input.kind === "transfer" ? catalogue.panels.get(input.transferTo ?? "") : undefined;
    const source = transferTo
      ? await this.sourceReferral(panel.areaId, current.value.referralIds[0])
      : undefined;
    if (transferTo && !source) {
      problems.push({
        field: "transferTo",
        message:
          "The referral that brought this case to the panel is no longer held, so there is nothing to transfer. Refer the child to the host panel directly.",
      });
    }
    if (transferTo && source && !transferTo.referralRules?.kinds.includes(source.kind)) {
      problems.push({
        field: "transferTo",
        message: `${transferTo.name} does not take this kind of referral.`,
      });
    }
    if (problems.length) {
      throw new DecisionRefused(
        400,
        "decision-incomplete",
        problems.map((p) => p.message).join(" "),
        problems,
      );
    }
    const at = this.deps.now().toISOString();
    const decision: Decision = {
      ...input,
      panelId,
      meetingId,
      subjectId,
      reference: current.value.reference,
      recordedBy: actor.id,
      recordedByName: actor.name,
      at,
    };
    const effect = effectOf(input, { riskLevel: current.value.riskLevel }, laterMeetings, meetingId);
    const c = current.value;
    // How the case came to this meeting, kept from its first decision here.
    const decidedStage =
      c.decidedOn === meetingId && c.decidedStage ? c.decidedStage : c.lastDiscussedOn ? "return" : "new";
    const nextCase = {
      ...c,
      status: effect.status,
      nextMeetingDate: effect.nextMeetingDate,
      riskLevel: effect.riskLevel,
      lastDiscussedOn: meetingId,
      decidedOn: meetingId,
      decidedStage,
    };
    // Correcting an earlier meeting's decision leaves alone what later meetings have done to the case.
    const latest = meetingId >= (c.decidedOn ?? c.lastDiscussedOn ?? "");
    const steps = [
      existing
        ? records.decisions.replaceAction({ ...decision, areaId: panel.areaId }, existing.etag, actor.name)
        : records.decisions.createAction({ ...decision, areaId: panel.areaId }, actor.name),
      ...(latest ? [records.cases.replaceAction(nextCase, current.etag, actor.name)] : []),
      auditEntry(records, this.deps.now(), {
        areaId: panel.areaId,
        panelId,
        actorId: actor.id,
        action: "case.decided",
        subjectId,
        reference: c.reference,
        via: "tab meeting",
      }),
    ];
    // Escalation puts the case on the strategic MACE's next agenda too.
    if (input.kind === "escalate" && strategic && latest) {
      const onStrategic = await records.cases.get(partition, caseRow(strategic.id, subjectId));
      const [next] = occurrencesBetween(
        catalogue,
        strategic.id,
        addDays(meetingId, 1),
        addDays(meetingId, 400),
      );
      if (next && !onStrategic) {
        steps.push(
          records.cases.createAction(
            {
              ...c,
              panelId: strategic.id,
              status: "open",
              nextMeetingDate: next.date,
              lastDiscussedOn: null,
              decidedOn: null,
              openedAt: at,
            },
            actor.name,
          ),
        );
      } else if (next && onStrategic && onStrategic.value.status === "closed") {
        // Known to the strategic MACE before and closed there: it comes back.
        steps.push(
          records.cases.replaceAction(
            { ...onStrategic.value, status: "open", nextMeetingDate: next.date },
            onStrategic.etag,
            actor.name,
          ),
        );
      }
    }
    try {
      await records.transact(steps);
    } catch (e) {
      if (isStatus(e, 409) || isStatus(e, 412)) {
        throw new DecisionRefused(
          409,
          "changed-by-someone-else",
          "This item changed just now. Reload to see it before saving.",
        );
      }
      throw e;
    }
    const saved = await records.decisions.get(partition, decisionRow(panelId, meetingId, subjectId));
    if (!saved) throw new DecisionRefused(409, "not-stored", "The decision could not be read back. Reload.");
    const { areaId, ...view } = saved.value;
    let transfer: DecisionView["transfer"] = null;
    if (transferTo && source) {
      const targetArea = catalogue.areas.find((a) => a.id === transferTo.areaId);
      try {
        const referral = await this.deps.desk.transferIn(
          actor,
          transferId(panelId, meetingId, subjectId, transferTo.id),
          transferTo.id,
          source,
          {
            areaName: area.name,
            panelName: panel.name,
            summary: transferSummary(decision, area.riskScale.levels),
          },
        );
        transfer = {
          reference: referral.reference,
          panelName: `${targetArea?.name ?? ""}: ${transferTo.name}`,
        };
      } catch {
        throw new DecisionRefused(
          409,
          "transfer-not-made",
          `The decision is saved, but the referral to ${transferTo.name} could not be made. Reload and save the decision again.`,
        );
      }
    }
    return { ...view, version: saved.etag, transfer };
  }

  /** The referral that first brought the subject to the panels, which a transfer carries on. */
  private async sourceReferral(
    areaId: string,
    referralId: string | undefined,
  ): Promise<Referral | undefined> {
    if (!referralId) return undefined;
    const found = await this.deps.records.referrals.listRange(
      keyOf(areaId),
      "referral|",
      odata`id eq ${referralId}`,
    );
    return found[0]?.value;
  }

  /** The meeting's minutes, for the panel's members (not presenters); the read is audited. */
  async minutes(
    actor: Actor,
    role: PanelRole,
    panelId: string,
    meetingId: string,
    via: string,
  ): Promise<Minutes> {
    const { panel, area, occurrence } = this.context(panelId, meetingId);
    if (role === "presenter") {
      throw new DecisionRefused(403, "members-only", "Only the panel's members can read its minutes.");
    }
    const { catalogue, records } = this.deps;
    const room = await this.deps.room.room(panelId, meetingId);
    // On the meeting's day, names wait until the person has signed in, in the minutes as on the agenda.
    const namesHidden =
      localDay(this.deps.now()) === meetingId && !room.signIns.some((s) => s.personId === actor.id);
    const [decisions, agenda, actions] = await Promise.all([
      this.list(panelId, meetingId),
      this.deps.agendaDesk.view(actor, role, panelId, meetingId, via, namesHidden),
      records.actions.listRange(keyOf(panel.areaId), actionRow(panelId, ""), `meetingId eq '${meetingId}'`),
    ]);
    const onAgenda = agenda.entries.flatMap((e) => [
      ...e.slots.flatMap((s) => s.subjects.map((x) => ({ ...x, section: e.title }))),
      ...e.listed.map((x) => ({
        subjectId: x.subjectId,
        reference: x.reference,
        label: x.label,
        section: e.title,
      })),
    ]);
    // A case decided here and since decided again at a later meeting has left this agenda: its
    // decision still belongs in these minutes.
    const agendaItems = [
      ...onAgenda,
      ...decisions
        .filter((d) => !onAgenda.some((i) => i.subjectId === d.subjectId))
        .map((d) => ({
          subjectId: d.subjectId,
          reference: d.reference,
          label: null,
          section: "Also decided",
        })),
    ];
    await records.transact([
      auditEntry(records, this.deps.now(), {
        areaId: panel.areaId,
        panelId,
        actorId: actor.id,
        action: "minutes.viewed",
        subjectId: null,
        reference: `minutes ${meetingId}`.slice(0, 20),
        via,
      }),
    ]);
    return buildMinutes({
      panelName: panel.name,
      areaName: area.name,
      meetingId,
      meetingDescription: describeOccurrence(occurrence),
      confidentialityStatement: area.confidentialityStatement,
      signIns: room.signIns,
      apologies: room.apologies.map((a) => a.value),
      quorum: quorumOf(panel, catalogue.agencies, room.signIns),
      agendaItems,
      // Before signing in, the decisions are given without the names and details they may hold.
      decisions: namesHidden ? decisions.map(withoutDetails) : decisions,
      actions: actions.map((a) => ({
        ...a.value,
        ownerAgency: catalogue.agencies.get(a.value.ownerAgencyId)?.name ?? a.value.ownerAgencyId,
      })),
      agencyName: (id) => catalogue.agencies.get(id)?.name ?? id,
      panelNameOf: (id) => catalogue.panels.get(id)?.name ?? id,
      riskLabel: (id) => area.riskScale.levels.find((l) => l.id === id)?.label ?? id,
      now: this.deps.now().toISOString(),
    });
  }
}
