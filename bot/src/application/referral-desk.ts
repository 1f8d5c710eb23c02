import { Refusal } from "./refusal.js";
import { randomUUID } from "node:crypto";
import type { TransactionAction } from "@azure/data-tables";
import { DateTime } from "luxon";
import { z } from "zod";
import type { Catalogue } from "../domain/catalogue/catalogue.js";
import { ReferralKind, type Panel } from "../domain/catalogue/panel.js";
import type { AuditAction } from "../domain/audit/audit-entry.js";
import { placementFor, type Subject } from "../domain/cohort/case.js";
import type { Person } from "../domain/people/membership.js";
import { roleOn } from "../domain/people/membership.js";
import { checkPanelRules, readForm, type FieldProblem } from "../domain/referrals/checks.js";
import { matchKeys } from "../domain/referrals/duplicates.js";
import { referralForm, type ReferralForm } from "../domain/referrals/form.js";
import { meetingForReferral } from "../domain/referrals/meeting-choice.js";
import { localDay } from "../domain/schedule/dates.js";
import type { Notice } from "../domain/referrals/notice.js";
import {
  referenceFor,
  subjectLabel,
  type PossibleDuplicate,
  type Referral,
} from "../domain/referrals/referral.js";
import {
  answerQuestion,
  decideApproval,
  linkToKnownSubject,
  triageReferral,
  type Actor,
  type TriageDecision,
} from "../domain/referrals/triage.js";
import { occurrenceOn, type Occurrence } from "../domain/schedule/occurrences.js";
import { referralRow, type AreaRecords, type StoredCase } from "../adapters/tables/area-records.js";
import { keyOf, type Versioned } from "../adapters/tables/entity-store.js";
import { peopleByIds, type Repositories } from "../adapters/tables/repositories.js";

// The referral desk: every way into a referral (bot card, tab API) comes through here, so the
// panel's rules, roles, idempotency and the audit log hold the same whichever client is used.

/** Something the user asked for that cannot be done; `message` is written for them. */
export class ReferralRefused extends Refusal {
  constructor(reason: "not-found" | "not-allowed" | "invalid" | "conflict", message: string) {
    super(reason, message);
    this.name = "ReferralRefused";
  }
}

export const PanelIdInput = z.string().regex(/^[a-z0-9-]{1,80}$/);
export const ReferralIdInput = z.uuid();

export type SubmitResult =
  | { ok: true; referral: Referral; meeting: Occurrence | undefined; created: boolean }
  | { ok: false; problems: FieldProblem[]; form: ReferralForm };

export interface ReferralDeskDependencies {
  catalogue: Catalogue;
  repos: Repositories;
  records: AreaRecords;
  now: () => Date;
  /** Called after a step stored notices for people, so they are delivered straight away. */
  onNotices: (areaId: string) => void;
}

// Submits in one area share the year's reference counter; a clash is retried after a short pause.
const SUBMIT_ATTEMPTS = 6;

export class ReferralDesk {
  constructor(private readonly deps: ReferralDeskDependencies) {}

  private panel(panelId: unknown): Panel & { areaId: string } {
    const parsed = PanelIdInput.safeParse(panelId);
    const panel = parsed.success ? this.deps.catalogue.panels.get(parsed.data) : undefined;
    if (!panel) throw new ReferralRefused("not-found", "There is no such panel. Start the referral again.");
    return panel;
  }

  private area(areaId: string) {
    const area = this.deps.catalogue.areas.find((a) => a.id === areaId);
    if (!area) throw new ReferralRefused("not-found", "There is no such area.");
    return area;
  }

  private async person(id: string): Promise<Person> {
    const found = await this.deps.repos.people.get("person", keyOf(id));
    if (!found) throw notInDirectory();
    return found.value;
  }

  /** Panels this person may refer to: their agency is one of the panel area's referring agencies. */
  referablePanels(person: Person): (Panel & { areaId: string })[] {
    const agency = this.deps.catalogue.agencies.get(person.agencyId);
    if (!agency) return [];
    return [...this.deps.catalogue.panels.values()].filter(
      (p) => p.areaId === agency.areaId && p.referralRules?.referringAgencyKinds.includes(agency.kind),
    );
  }

  private mayRefer(person: Person, panel: Panel & { areaId: string }): void {
    if (!this.referablePanels(person).some((p) => p.id === panel.id))
      throw new ReferralRefused(
        "not-allowed",
        `Only practitioners in ${panel.name}'s referring agencies can refer to it. Ask your panel coordinator if you think you should be able to.`,
      );
  }

  async panelsFor(personId: string): Promise<{ person: Person; panels: (Panel & { areaId: string })[] }> {
    const person = await this.person(personId);
    return { person, panels: this.referablePanels(person) };
  }

  private async approversIn(areaId: string): Promise<{ id: string; name: string }[]> {
    const people = await this.deps.repos.people.listPartition("person");
    return people
      .filter((p) => p.value.approvesReferralsIn?.includes(areaId))
      .map((p) => ({ id: p.value.id, name: `${p.value.displayName}, ${p.value.jobTitle}` }));
  }

  private kind(raw: unknown): ReferralKind {
    const kind = ReferralKind.safeParse(raw);
    if (!kind.success) throw new ReferralRefused("invalid", "Choose what kind of referral to make.");
    return kind.data;
  }

  /** The blank (or partly filled) form for a panel and kind, with the approvers to choose from. */
  async form(personId: string, panelId: unknown, rawKind: unknown): Promise<ReferralForm> {
    const panel = this.panel(panelId);
    const kind = this.kind(rawKind);
    const person = await this.person(personId);
    this.mayRefer(person, panel);
    if (!panel.referralRules?.kinds.includes(kind))
      throw new ReferralRefused("invalid", `${panel.name} does not take this kind of referral.`);
    const needsApproval = panel.referralRules.gates.some((g) => g.kind === "manager-approval");
    const approvers = needsApproval
      ? (await this.approversIn(panel.areaId)).filter((a) => a.id !== person.id)
      : [];
    return referralForm(panel, this.area(panel.areaId), kind, approvers);
  }

  /** The form a stored referral was made on, to label its answers. */
  async formFor(r: Referral): Promise<ReferralForm> {
    const panel = this.panel(r.panelId);
    const manager = r.managerId ? await this.deps.repos.people.get("person", keyOf(r.managerId)) : undefined;
    const approvers =
      r.managerId && manager
        ? [{ id: r.managerId, name: `${manager.value.displayName}, ${manager.value.jobTitle}` }]
        : [];
    return referralForm(panel, this.area(panel.areaId), r.kind, approvers);
  }

  /**
   * Checks and stores a referral. At most three storage round trips: the directory (referrer and
   * manager), the area's records this submit touches, and one transaction that writes it all.
   */
  async submit(
    actor: Actor,
    panelId: unknown,
    rawKind: unknown,
    formId: unknown,
    raw: Record<string, unknown>,
  ): Promise<SubmitResult> {
    const panel = this.panel(panelId);
    const kind = this.kind(rawKind);
    const id = ReferralIdInput.safeParse(formId);
    if (!id.success)
      throw new ReferralRefused("invalid", "This form is not one we issued. Start the referral again.");
    const area = this.area(panel.areaId);
    const managerId = typeof raw["managerId"] === "string" ? raw["managerId"] : undefined;

    const people = await peopleByIds(this.deps.repos, [actor.id, ...(managerId ? [managerId] : [])]);
    const person = people.get(actor.id);
    if (!person) throw notInDirectory();
    this.mayRefer(person, panel);
    if (!panel.referralRules?.kinds.includes(kind))
      throw new ReferralRefused("invalid", `${panel.name} does not take this kind of referral.`);
    const manager = managerId ? people.get(managerId) : undefined;
    const approvers = manager?.approvesReferralsIn?.includes(area.id)
      ? [{ id: manager.id, name: manager.displayName }]
      : [];

    const form = referralForm(panel, area, kind, approvers);
    const now = this.deps.now();
    const read = readForm(form, raw);
    if (!read.ok) return this.refused(read.problems, panel, kind, person);
    const problems = checkPanelRules(
      {
        panel,
        area,
        kind,
        today: localDay(now),
        approverIds: approvers.map((a) => a.id),
        referrerId: person.id,
      },
      read.values,
    );
    if (problems.length) return this.refused(problems, panel, kind, person);

    const meeting = meetingForReferral(this.deps.catalogue, panel.id, now);
    const keys = matchKeys(kind, read.values);
    const year = DateTime.fromJSDate(now, { zone: "Europe/London" }).year;
    const needsApproval = panel.referralRules.gates.some((g) => g.kind === "manager-approval");

    for (let attempt = 1; ; attempt++) {
      const seen = await this.deps.records.beforeSubmit(
        area.id,
        panel.id,
        id.data,
        year,
        keys.map((k) => k.hash),
      );
      if (seen.existing) {
        if (seen.existing.value.submitted.by !== person.id)
          throw new ReferralRefused("conflict", "This form has already been used. Start a new referral.");
        const stored = seen.existing.value;
        const storedMeeting = stored.meetingDate ? occurrenceOn(panel, stored.meetingDate) : undefined;
        return { ok: true, referral: stored, meeting: storedMeeting, created: false };
      }
      const issued = (seen.counter?.value.issued ?? 0) + 1;
      const possibleDuplicates: PossibleDuplicate[] = seen.matches.map((m) => ({
        subjectId: m.subjectId,
        reference: m.reference,
        matchedOn: m.on,
      }));
      const referral: Referral = {
        id: id.data,
        reference: referenceFor(area.referencePrefix, year, issued),
        areaId: area.id,
        panelId: panel.id,
        kind,
        status: needsApproval ? "awaiting-approval" : "new",
        submitted: { by: person.id, byName: person.displayName, at: now.toISOString() },
        referrer: { agencyId: person.agencyId, jobTitle: person.jobTitle, email: person.email },
        meetingDate: meeting?.date ?? null,
        values: read.values,
        managerId: needsApproval ? (managerId ?? null) : null,
        approval: null,
        triage: null,
        questions: [],
        possibleDuplicates: dedupe(possibleDuplicates),
        linkedSubjectId: null,
        subjectId: null,
      };
      const counter = { areaId: area.id, year, issued };
      const actions: TransactionAction[] = [
        seen.counter
          ? this.deps.records.counters.replaceAction(counter, seen.counter.etag, person.id)
          : this.deps.records.counters.createAction(counter, person.id),
        this.deps.records.referrals.createAction(referral, person.id),
        this.auditAction(referral, person.id, "referral.created", "referral form"),
        this.noticeAction(referral, needsApproval ? "approval-requested" : "referral-arrived", now),
      ];
      try {
        await this.deps.records.transact(actions);
        this.deps.onNotices(area.id);
        return { ok: true, referral, meeting, created: true };
      } catch (e) {
        // Another referral took the number, or the same form raced in twice: look again.
        if (!isConflict(e) || attempt >= SUBMIT_ATTEMPTS) throw e;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
      }
    }
  }

  /**
   * A child transferred by another area's panel becomes a new referral to this panel, with the
   * source referral's details and what the source panel decided (000 §21; 003). `id` is derived from
   * the decision, so saving the decision again creates nothing more.
   */
  async transferIn(
    actor: Actor,
    id: string,
    targetPanelId: string,
    source: Referral,
    from: { areaName: string; panelName: string; summary: string },
  ): Promise<Referral> {
    const panel = this.panel(targetPanelId);
    const area = this.area(panel.areaId);
    if (!panel.referralRules?.kinds.includes(source.kind))
      throw new ReferralRefused("invalid", `${panel.name} does not take this kind of referral.`);
    const person = (await peopleByIds(this.deps.repos, [actor.id])).get(actor.id);
    if (!person) throw notInDirectory();
    const now = this.deps.now();
    const year = DateTime.fromJSDate(now, { zone: "Europe/London" }).year;
    for (let attempt = 1; ; attempt++) {
      const seen = await this.deps.records.beforeSubmit(area.id, panel.id, id, year, []);
      if (seen.existing) return seen.existing.value;
      const issued = (seen.counter?.value.issued ?? 0) + 1;
      const referral: Referral = {
        id,
        reference: referenceFor(area.referencePrefix, year, issued),
        areaId: area.id,
        panelId: panel.id,
        kind: source.kind,
        status: "new",
        submitted: { by: person.id, byName: person.displayName, at: now.toISOString() },
        referrer: { agencyId: person.agencyId, jobTitle: person.jobTitle, email: person.email },
        meetingDate: meetingForReferral(this.deps.catalogue, panel.id, now)?.date ?? null,
        values: source.values,
        managerId: null,
        approval: null,
        triage: null,
        questions: [],
        possibleDuplicates: [],
        linkedSubjectId: null,
        subjectId: null,
        transferredFrom: { ...from, reference: source.reference },
      };
      const counter = { areaId: area.id, year, issued };
      try {
        await this.deps.records.transact([
          seen.counter
            ? this.deps.records.counters.replaceAction(counter, seen.counter.etag, person.id)
            : this.deps.records.counters.createAction(counter, person.id),
          this.deps.records.referrals.createAction(referral, person.id),
          this.auditAction(
            referral,
            person.id,
            "referral.created",
            `transfer from ${from.panelName}`.slice(0, 80),
          ),
          this.noticeAction(referral, "referral-arrived", now),
        ]);
        this.deps.onNotices(area.id);
        return referral;
      } catch (e) {
        if (!isConflict(e) || attempt >= SUBMIT_ATTEMPTS) throw e;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
      }
    }
  }

  /** A refused submit: the form drawn again with every manager to choose from, nothing stored. */
  private async refused(
    problems: FieldProblem[],
    panel: Panel & { areaId: string },
    kind: ReferralKind,
    person: Person,
  ): Promise<SubmitResult> {
    const needsApproval = panel.referralRules?.gates.some((g) => g.kind === "manager-approval") ?? false;
    const approvers = needsApproval
      ? (await this.approversIn(panel.areaId)).filter((a) => a.id !== person.id)
      : [];
    return { ok: false, problems, form: referralForm(panel, this.area(panel.areaId), kind, approvers) };
  }

  private auditAction(
    referral: Referral,
    actorId: string,
    action: AuditAction,
    via: string,
  ): TransactionAction {
    const at = this.deps.now().toISOString();
    return this.deps.records.audit.createAction(
      {
        id: randomUUID(),
        areaId: referral.areaId,
        at,
        actorId,
        action,
        panelId: referral.panelId,
        referralId: referral.id,
        subjectId: referral.subjectId,
        reference: referral.reference,
        via,
      },
      actorId,
    );
  }

  private noticeAction(referral: Referral, kind: Notice["kind"], at: Date): TransactionAction {
    return this.deps.records.notices.createAction(
      {
        id: randomUUID(),
        kind,
        at: at.toISOString(),
        areaId: referral.areaId,
        panelId: referral.panelId,
        referralId: referral.id,
        recipientId: null,
        attempts: 0,
        retryAt: null,
      },
      "referral-desk",
    );
  }

  /** The stored referral; with `version`, refused if it changed since that version was read. */
  private async stored(
    panel: Panel & { areaId: string },
    referralId: unknown,
    version?: string,
  ): Promise<Versioned<Referral>> {
    const id = ReferralIdInput.safeParse(referralId);
    const found = id.success
      ? await this.deps.records.referrals.get(keyOf(panel.areaId), referralRow(panel.id, id.data))
      : undefined;
    if (!found) throw new ReferralRefused("not-found", "There is no such referral on this panel.");
    if (version !== undefined && version !== found.etag) throw changedBy(found.value.reference, found);
    return found;
  }

  private async roleOf(personId: string, panelId: string) {
    const memberships = await this.deps.repos.memberships.listPartition(keyOf(personId));
    return roleOn(
      memberships.map((m) => m.value),
      panelId,
    );
  }

  private async requireCoordinator(personId: string, panel: Panel): Promise<void> {
    if ((await this.roleOf(personId, panel.id)) !== "coordinator")
      throw new ReferralRefused("not-allowed", `Only ${panel.name}'s coordinators can triage its referrals.`);
  }

  /** One referral, for its referrer, its manager or the panel's coordinators; the read is audited. */
  async view(actor: Actor, panelId: unknown, referralId: unknown, via: string): Promise<Versioned<Referral>> {
    const panel = this.panel(panelId);
    const found = await this.stored(panel, referralId);
    const r = found.value;
    if (r.submitted.by !== actor.id && r.managerId !== actor.id) {
      await this.requireCoordinator(actor.id, panel);
      // Until the manager approves it, the referral has not reached the panel.
      if (r.status === "awaiting-approval" || r.status === "not-approved")
        throw new ReferralRefused("not-found", "There is no such referral on this panel.");
    }
    await this.deps.records.transact([this.auditAction(r, actor.id, "referral.viewed", via)]);
    return found;
  }

  /** A panel's referrals for its coordinators, newest first; every referral shown is audited as read. */
  async list(
    actor: Actor,
    panelId: unknown,
    via: string,
    statuses: Referral["status"][] = ["new", "more-information-requested", "accepted", "declined"],
  ): Promise<Versioned<Referral>[]> {
    const panel = this.panel(panelId);
    await this.requireCoordinator(actor.id, panel);
    const found = await this.deps.records.referrals.listRange(keyOf(panel.areaId), referralRow(panel.id, ""));
    // Referrals still with the manager have not reached the panel.
    const visible = found.filter(
      (r) =>
        statuses.includes(r.value.status) &&
        r.value.status !== "awaiting-approval" &&
        r.value.status !== "not-approved",
    );
    for (let i = 0; i < visible.length; i += 100) {
      await this.deps.records.transact(
        visible.slice(i, i + 100).map((r) => this.auditAction(r.value, actor.id, "referral.viewed", via)),
      );
    }
    return visible.sort((a, b) => b.value.submitted.at.localeCompare(a.value.submitted.at));
  }

  private async save(
    before: Versioned<Referral>,
    after: Referral,
    actor: Actor,
    action: AuditAction,
    via: string,
    notice: Notice["kind"] | null,
    extra: TransactionAction[] = [],
  ): Promise<Referral> {
    const actions = [
      this.deps.records.referrals.replaceAction(after, before.etag, actor.name),
      this.auditAction(after, actor.id, action, via),
      ...(notice ? [this.noticeAction(after, notice, this.deps.now())] : []),
      ...extra,
    ];
    try {
      await this.deps.records.transact(actions);
    } catch (e) {
      if (!isConflict(e)) throw e;
      const current = await this.deps.records.referrals.get(
        keyOf(after.areaId),
        referralRow(after.panelId, after.id),
      );
      throw current && current.etag !== before.etag
        ? changedBy(after.reference, current)
        : new ReferralRefused(
            "conflict",
            `Someone changed a record linked to ${after.reference} at the same moment. Try again.`,
          );
    }
    if (notice) this.deps.onNotices(after.areaId);
    return after;
  }

  async decideApproval(
    actor: Actor,
    panelId: unknown,
    referralId: unknown,
    decision: "approved" | "declined",
    comment: string,
    version: string,
    via: string,
  ): Promise<Referral> {
    const panel = this.panel(panelId);
    const before = await this.stored(panel, referralId, version);
    const decided = decideApproval(before.value, actor, decision, comment, this.deps.now());
    // It reaches the panel now: the meeting is the first whose deadline has not passed today.
    const after = decision === "approved" ? this.withCurrentMeeting(decided) : decided;
    return this.save(
      before,
      after,
      actor,
      decision === "approved" ? "referral.approved" : "referral.not-approved",
      via,
      "approval-decided",
      decision === "approved" ? [this.noticeAction(after, "referral-arrived", this.deps.now())] : [],
    );
  }

  async triage(
    actor: Actor,
    panelId: unknown,
    referralId: unknown,
    step: TriageDecision,
    version: string,
    via: string,
  ): Promise<Referral> {
    const panel = this.panel(panelId);
    await this.requireCoordinator(actor.id, panel);
    const before = await this.stored(panel, referralId);
    // Until the manager approves it, the referral has not reached the panel.
    if (before.value.status === "awaiting-approval" || before.value.status === "not-approved")
      throw new ReferralRefused("not-found", "There is no such referral on this panel.");
    if (before.etag !== version) throw changedBy(before.value.reference, before);
    const r = before.value;
    if (step.decision === "ask") {
      const after = triageReferral(r, actor, step, this.deps.now(), "");
      return this.save(before, after, actor, "referral.more-information-requested", via, "question-asked");
    }
    if (step.decision === "decline") {
      const after = triageReferral(r, actor, step, this.deps.now(), "");
      return this.save(before, after, actor, "referral.declined", via, "triage-decided");
    }
    const linkTo = step.linkToSubjectId ?? r.linkedSubjectId;
    const subjectId = linkTo ?? randomUUID();
    const after = this.withCurrentMeeting(
      triageReferral(r, actor, { ...step, linkToSubjectId: linkTo }, this.deps.now(), subjectId),
    );
    const extra = await this.cohortActions(after, subjectId, actor);
    return this.save(before, after, actor, "referral.accepted", via, "triage-decided", extra);
  }

  /** Writes the subject and its case on the panel; a linked subject gains the referral. */
  private async cohortActions(
    referral: Referral,
    subjectId: string,
    actor: Actor,
  ): Promise<TransactionAction[]> {
    const { records } = this.deps;
    const existing = await records.subjectAndCase(referral.areaId, referral.panelId, subjectId);
    const actions: TransactionAction[] = [];
    const riskLevel = typeof referral.values["riskLevel"] === "string" ? referral.values["riskLevel"] : null;
    let subject: Subject;
    if (existing.subject) {
      subject = {
        ...existing.subject.value,
        referralIds: [...existing.subject.value.referralIds, referral.id],
      };
      actions.push(records.subjects.replaceAction(subject, existing.subject.etag, actor.name));
    } else {
      if (referral.linkedSubjectId)
        throw new ReferralRefused("not-found", "The subject this referral was linked to no longer exists.");
      subject = {
        id: subjectId,
        areaId: referral.areaId,
        kind: referral.kind,
        reference: referral.reference,
        label: subjectLabel(referral.kind, referral.values),
        referralIds: [referral.id],
      };
      actions.push(records.subjects.createAction(subject, actor.name));
      for (const key of matchKeys(referral.kind, referral.values)) {
        actions.push(
          records.matches.createAction(
            { areaId: referral.areaId, hash: key.hash, on: key.on, subjectId, reference: referral.reference },
            actor.name,
          ),
        );
      }
    }
    const current = existing.case?.value;
    const next: StoredCase = {
      areaId: referral.areaId,
      panelId: referral.panelId,
      subjectId,
      reference: current?.reference ?? subject.reference,
      placement: placementFor(referral.kind, current?.placement),
      riskLevel: riskLevel ?? current?.riskLevel ?? null,
      status: "open",
      openedAt: current?.status === "open" ? current.openedAt : this.deps.now().toISOString(),
      nextMeetingDate: referral.meetingDate,
      referralIds: [...(current?.referralIds ?? []), referral.id],
      label: subject.label,
      presenterId: referral.submitted.by,
      lastDiscussedOn: current?.lastDiscussedOn ?? null,
    };
    actions.push(
      existing.case
        ? records.cases.replaceAction(next, existing.case.etag, actor.name)
        : records.cases.createAction(next, actor.name),
    );
    return actions;
  }

  async answer(
    actor: Actor,
    panelId: unknown,
    referralId: unknown,
    answer: string,
    version: string,
    via: string,
  ): Promise<Referral> {
    const panel = this.panel(panelId);
    const before = await this.stored(panel, referralId, version);
    const after = answerQuestion(before.value, actor, answer, this.deps.now());
    return this.save(before, after, actor, "referral.answered", via, "referral-arrived");
  }

  async link(
    actor: Actor,
    panelId: unknown,
    referralId: unknown,
    subjectId: unknown,
    via: string,
  ): Promise<Referral> {
    const panel = this.panel(panelId);
    const before = await this.stored(panel, referralId);
    const after = linkToKnownSubject(before.value, actor, String(subjectId ?? ""));
    return this.save(before, after, actor, "referral.linked", via, null);
  }

  /** Referrals waiting for this manager's decision, across the areas they approve in. */
  async awaitingApproval(manager: Actor, via: string): Promise<Versioned<Referral>[]> {
    const person = await this.person(manager.id);
    const found: Versioned<Referral>[] = [];
    for (const areaId of person.approvesReferralsIn ?? []) {
      const rows = await this.deps.records.awaitingApprovalBy(areaId, manager.id);
      if (rows.length)
        await this.deps.records.transact(
          rows.slice(0, 100).map((r) => this.auditAction(r.value, manager.id, "referral.viewed", via)),
        );
      found.push(...rows);
    }
    return found;
  }

  /** A referral keeps its meeting while that meeting's deadline has not passed; otherwise the next. */
  private withCurrentMeeting(r: Referral): Referral {
    const now = this.deps.now();
    const deadlineDays = this.deps.catalogue.panels.get(r.panelId)?.referralRules?.deadlineDaysBefore ?? 0;
    const stillInTime =
      r.meetingDate !== null &&
      (DateTime.fromISO(r.meetingDate).minus({ days: deadlineDays }).toISODate() ?? "") >= localDay(now);
    return stillInTime
      ? r
      : { ...r, meetingDate: meetingForReferral(this.deps.catalogue, r.panelId, now)?.date ?? null };
  }
}

/** Storage refused a write because a record changed since it was read, or already exists. */
const isConflict = (e: unknown): boolean => {
  const status = (e as { statusCode?: number }).statusCode;
  return status === 409 || status === 412;
};

const changedBy = (reference: string, current: { updatedBy: string; updatedAt: string }) =>
  new ReferralRefused(
    "conflict",
    `${reference} was changed by ${current.updatedBy} at ${DateTime.fromISO(current.updatedAt, { zone: "Europe/London" }).toFormat("HH:mm")}. Reload and try again.`,
  );

const notInDirectory = () =>
  new ReferralRefused(
    "not-allowed",
    "You are not in the MACE panels directory yet. Ask your panel coordinator to add you.",
  );

function dedupe(list: PossibleDuplicate[]): PossibleDuplicate[] {
  const seen = new Set<string>();
  return list.filter((d) => !seen.has(d.subjectId + d.matchedOn) && seen.add(d.subjectId + d.matchedOn));
}
