import { ThresholdingOutcome } from "../../../bot/src/domain/agenda/thresholding.js";
import type { z } from "zod";
import { Action, finishedAt } from "../../../bot/src/domain/actions/action.js";
import { Subject } from "../../../bot/src/domain/cohort/case.js";
import { howTaken, type DecisionHow } from "../../../bot/src/domain/decisions/taken.js";
import { Notice } from "../../../bot/src/domain/referrals/notice.js";
import { AccessRequest } from "../../../bot/src/domain/people/access-request.js";
import { reachedPanel, Referral } from "../../../bot/src/domain/referrals/referral.js";
import {
  MatchRow,
  ReferenceCounter,
  StoredAudit,
  StoredCase,
  StoredDecision,
  type Casework,
  type CaseworkUnit,
  type CounterKind,
  type Page,
  type PagePosition,
} from "../../../bot/src/application/ports/casework.js";
import { ConcurrencyConflict, type Versioned } from "../../../bot/src/application/ports/versioned.js";
import { Link } from "../../../bot/src/domain/links/link.js";
import { isAbout } from "../../../bot/src/domain/audit/audit-about.js";
import { Calls, FakeTable, keyOf, Refused, replaceRow, type Write } from "./records.js";
import { fakeSubjectRecords, linkRow } from "./subject-records.js";
import { fakeReportRecords } from "./report-records.js";
import { fakeRegisterRecords, planRow, registerRow } from "./register-records.js";
import { MeetingPlan } from "../../../bot/src/domain/strategic/forward-plan.js";
import { RegisterItem } from "../../../bot/src/domain/strategic/register-item.js";
import { linkIdentity } from "../../../bot/src/domain/links/link.js";
import { CaseNote, type ItemNote } from "../../../bot/src/domain/minutes/record.js";

const inForceRow = (l: Link) => `link-pair|${linkIdentity(l)}`;

// The casework port in memory, keyed as casework-tables.ts and area-records.ts key AreaRecords:
// one partition per area, so ranges and queries return the same records in the same order.

const referralRow = (panelId: string, id: string) => `referral|${panelId}|${id}`;
const counterRow = (kind: CounterKind, year: number) =>
  `${{ referral: "counter", action: "action-counter", subject: "subject-counter", register: "register-counter" }[kind]}|${year}`;
const matchPrefix = (hash: string) => `match|${hash}|`;
const matchRow = (m: MatchRow) => `${matchPrefix(m.hash)}${m.subjectId ?? `referral|${m.referralId ?? ""}`}`;
const subjectRow = (id: string) => `subject|${id}`;
const caseRow = (panelId: string, subjectId: string) => `case|${panelId}|${subjectId}`;
const decisionRow = (panelId: string, meetingId: string, subjectId: string, how?: DecisionHow) =>
  `decision|${panelId}|${meetingId}|${subjectId}${how === "chairs-decision" ? "|chairs" : ""}`;
const actionRow = (panelId: string, id: string) => `action|${panelId}|${id}`;
const caseNoteRow = (n: CaseNote) => `case-note|${n.subjectId}|${n.panelId}|${n.meetingId}`;
const thresholdingRow = (t: ThresholdingOutcome) =>
  `thresholding-outcome|${t.subjectId}|${t.forMeeting}|${t.districtPanelId}`;
const auditRow = (a: StoredAudit) => `audit|${a.at}|${a.id}`;
const noticeRow = (n: Notice) => `notice|${n.at}|${n.id}`;
const accessRow = (panelId: string, personId: string) =>
  `access|${panelId}|${personId ? keyOf(personId) : ""}`;

/** The order the adapter keeps its lists in: newest first, and the same moment by id. */
const newestFirst = (atA: string, idA: string, atB: string, idB: string): number =>
  Date.parse(atB) - Date.parse(atA) || (idA < idB ? -1 : idA > idB ? 1 : 0);

function pageAfter<T>(
  sorted: Versioned<T>[],
  size: number,
  after: PagePosition | undefined,
  positionOf: (v: T) => PagePosition,
): Page<T> {
  const from = after
    ? sorted.findIndex(
        (r) => newestFirst(after.at, after.id, positionOf(r.value).at, positionOf(r.value).id) < 0,
      )
    : 0;
  const rest = from < 0 ? [] : sorted.slice(from);
  return { values: rest.slice(0, size), more: rest.length > size };
}

export interface FakeCasework extends Casework {
  readonly calls: Calls;
  /** Runs `step` just before the next commit checks its versions, as someone acting at that moment. */
  interleave(step: () => Promise<unknown>): void;
  /** What is stored, for tests to look at: the area's audit entries, subjects and notices. */
  auditOf(areaId: string): StoredAudit[];
  subjectsOf(areaId: string): Versioned<Subject>[];
  casesOf(areaId: string, panelId: string): Versioned<StoredCase>[];
  referralsOf(areaId: string, panelId: string): Versioned<Referral>[];
  actionsOf(areaId: string, panelId: string): Versioned<Action>[];
}

/**
 * The meeting's own note, in the minutes record's fake: retention's removal or replacement of a
 * case note reaches it just before the unit commits, as the adapter does it.
 */
export interface MeetingNoteSteps {
  remove(n: ItemNote): void;
  replace(n: ItemNote, by: string): void;
}

const meetingNote = ({ areaId: _a, subjectId: _s, ...note }: CaseNote): ItemNote => note;

export function fakeCasework(now: () => Date, meetingNotes?: MeetingNoteSteps): FakeCasework {
  const table = new FakeTable(now);
  const calls = new Calls();
  const interleaved: (() => Promise<unknown>)[] = [];

  // Values are checked against the stored schema when a write is added, as the adapter does.
  const checked = <T extends object>(schema: z.ZodType<T>, value: T): T => schema.parse(value);
  const transact = (writes: Write[]) => {
    try {
      table.transact(writes);
    } catch (e) {
      if (e instanceof Refused && e.status !== 400) throw new ConcurrencyConflict("AreaRecords", undefined);
      throw e;
    }
  };

  const read = <T>(name: string, areaId: string, rk: string) => {
    calls.count(name);
    return Promise.resolve(table.get<T>(keyOf(areaId), rk));
  };
  const range = <T>(name: string, areaId: string, prefix: string, keep: (v: T) => boolean = () => true) => {
    calls.count(name);
    return Promise.resolve(table.range<T>(keyOf(areaId), prefix).filter((r) => keep(r.value)));
  };

  return {
    ...fakeSubjectRecords(table, calls),
    ...fakeReportRecords(table, calls),
    ...fakeRegisterRecords(table, calls),
    subjectNotes: (areaId, subjectId) => {
      calls.count("subjectNotes");
      return Promise.resolve(
        table
          .range<CaseNote>(keyOf(areaId), `case-note|${subjectId}|`)
          .map((r) => r.value)
          .sort((a, b) => a.meetingId.localeCompare(b.meetingId) || a.panelId.localeCompare(b.panelId)),
      );
    },
    subjectThresholdings: (areaId, subjectId) => {
      calls.count("subjectThresholdings");
      return Promise.resolve(
        table
          .range<ThresholdingOutcome>(keyOf(areaId), `thresholding-outcome|${subjectId}|`)
          .map((r) => r.value),
      );
    },
    calls,
    interleave: (step) => void interleaved.push(step),

    unit(areaId: string, by: string): CaseworkUnit {
      const pk = keyOf(areaId);
      const writes: Write[] = [];
      // Steps on the meeting's note, another table's row, made just before the unit commits.
      const first: (() => void)[] = [];
      const create = <T extends object>(schema: z.ZodType<T>, rk: (v: T) => string, v: T, as = by) => {
        const value = checked(schema, v);
        writes.push({ op: "create", pk, rk: rk(value), value, by: as });
      };
      const replace = <T extends object>(schema: z.ZodType<T>, rk: (v: T) => string, v: T, etag: string) => {
        const value = checked(schema, v);
        writes.push({ op: "replace", pk, rk: rk(value), value, by, etag });
      };
      const remove = (rk: string) => void writes.push({ op: "delete", pk, rk });
      const referral = (r: Referral) => referralRow(r.panelId, r.id);
      const subject = (s: Subject) => subjectRow(s.id);
      const kase = (c: StoredCase) => caseRow(c.panelId, c.subjectId);
      const decision = (d: StoredDecision) => decisionRow(d.panelId, d.meetingId, d.subjectId, howTaken(d));
      const action = (a: Action) => actionRow(a.panelId, a.id);
      return {
        createReferral: (r) => create(Referral, referral, r),
        replaceReferral: (r, before) => replace(Referral, referral, r, before.etag),
        createSubject: (s) => create(Subject, subject, s),
        replaceSubject: (s, before) => replace(Subject, subject, s, before.etag),
        addMatch: (m) => {
          const value = checked(MatchRow, m);
          writes.push({ op: "upsert", pk, rk: matchRow(value), value, by });
        },
        removeMatch: (m) => void writes.push({ op: "delete", pk, rk: matchRow(MatchRow.parse(m)) }),
        createCase: (c) => create(StoredCase, kase, c),
        replaceCase: (c, before) => replace(StoredCase, kase, c, before.etag),
        createDecision: (d) => create(StoredDecision, decision, d),
        replaceDecision: (d, etag) => replace(StoredDecision, decision, d, etag),
        createAction: (a) => create(Action, action, a),
        replaceAction: (a, before) => replace(Action, action, a, before.etag),
        // A link in force also holds its identity's row, created with it, so a second one conflicts.
        createLink: (l) => {
          create(Link, (v) => linkRow(v.id), l);
          create(Link, (v) => inForceRow(v), l);
        },
        replaceLink: (l, before) => {
          replace(Link, (v) => linkRow(v.id), l, before.etag);
          if (l.ended && !before.value.ended) writes.push({ op: "delete", pk, rk: inForceRow(before.value) });
        },
        setCounter: (kind, c, etag) => {
          const rk = (v: ReferenceCounter) => counterRow(kind, v.year);
          if (etag) replace(ReferenceCounter, rk, c, etag);
          else create(ReferenceCounter, rk, c);
        },
        audit: (entry) => create(StoredAudit, auditRow, entry, entry.actorId),
        queueNotice: (n) => create(Notice, noticeRow, n),
        removeNotice: (n) => void writes.push({ op: "delete", pk, rk: noticeRow(Notice.parse(n)) }),
        putAccessRequest: (r, before) => {
          const rk = (v: AccessRequest) => accessRow(v.panelId, v.personId);
          if (before) replace(AccessRequest, rk, r, before.etag);
          else create(AccessRequest, rk, r);
        },
        putRegisterItem: (r, before) => {
          const rk = (v: RegisterItem) => registerRow(v.panelId, v.id);
          if (before) replace(RegisterItem, rk, r, before.etag);
          else create(RegisterItem, rk, r);
        },
        putMeetingPlan: (p, before) => {
          const rk = (v: MeetingPlan) => planRow(v.panelId, v.meetingId);
          if (before) replace(MeetingPlan, rk, p, before.etag);
          else create(MeetingPlan, rk, p);
        },
        // Retention's removals: the record's row (the fake keeps no copies; its lists filter rows).
        removeSubject: (s) => remove(subject(Subject.parse(s))),
        removeCase: (c) => remove(kase(StoredCase.parse(c))),
        removeReferral: (r) => remove(referral(Referral.parse(r))),
        removeDecision: (d) => remove(decision(StoredDecision.parse(d))),
        removeAction: (a) => remove(action(Action.parse(a))),
        removeLink: (l) => {
          remove(linkRow(Link.parse(l).id));
          if (!l.ended) remove(inForceRow(l));
        },
        // The subject's copies of case notes; the meeting's own note lives in the minutes record's fake.
        putCaseNote: (n) => {
          const value = checked(CaseNote, n);
          writes.push({ op: "upsert", pk, rk: caseNoteRow(value), value, by });
        },
        removeCaseNote: (n) => {
          const value = CaseNote.parse(n);
          first.push(() => meetingNotes?.remove(meetingNote(value)));
          remove(caseNoteRow(value));
        },
        replaceCaseNote: (n) => {
          const value = checked(CaseNote, n);
          first.push(() => meetingNotes?.replace(meetingNote(value), by));
          writes.push({ op: "upsert", pk, rk: caseNoteRow(value), value, by });
        },
        putThresholdingOutcome: (t) => {
          const value = checked(ThresholdingOutcome, t);
          writes.push({ op: "upsert", pk, rk: thresholdingRow(value), value, by });
        },
        removeThresholdingOutcome: (t) => remove(thresholdingRow(ThresholdingOutcome.parse(t))),
        async commit() {
          if (!writes.length) return;
          calls.count("commit");
          await interleaved.shift()?.();
          for (const step of first.splice(0)) step();
          transact(writes);
        },
      };
    },

    async appendAudit(areaId, entries) {
      for (let i = 0; i < entries.length; i += 100) {
        calls.count("appendAudit");
        const batch = entries.slice(i, i + 100).map((a) => checked(StoredAudit, a));
        transact(
          batch.map((value) => ({
            op: "create",
            pk: keyOf(areaId),
            rk: auditRow(value),
            value,
            by: value.actorId,
          })),
        );
      }
    },

    auditAbout: async (areaId, about, from, to) =>
      (await range<StoredAudit>("auditAbout", areaId, "audit|", (a) => a.at >= from && a.at <= to))
        .map((a) => a.value)
        .filter((a) => isAbout(a, about)),

    referral: (areaId, panelId, id) => read("referral", areaId, referralRow(panelId, id)),
    referralById: async (areaId, id) =>
      (await range<Referral>("referralById", areaId, "referral|", (r) => r.id === id))[0]?.value,
    async referralPage(areaId, panelId, list, size, after) {
      const listed = (r: Referral) =>
        list === "waiting"
          ? r.status === "new" || r.status === "more-information-requested"
          : reachedPanel(r);
      const all = (await range<Referral>("referralPage", areaId, referralRow(panelId, ""), listed)).sort(
        (a, b) => newestFirst(a.value.submitted.at, a.value.id, b.value.submitted.at, b.value.id),
      );
      return pageAfter(all, size, after, (r) => ({ at: r.submitted.at, id: r.id }));
    },
    async referralsBy(areaId, referrerId, size, after) {
      const theirs = (
        await range<Referral>("referralsBy", areaId, "referral|", (r) => r.submitted.by === referrerId)
      ).sort((a, b) => newestFirst(a.value.submitted.at, a.value.id, b.value.submitted.at, b.value.id));
      return pageAfter(theirs, size, after, (r) => ({ at: r.submitted.at, id: r.id }));
    },
    beforeSubmit(areaId, year, hashes) {
      calls.count("beforeSubmit");
      const pk = keyOf(areaId);
      return Promise.resolve({
        counter: table.get<ReferenceCounter>(pk, counterRow("referral", year)),
        matches: table
          .list<MatchRow>(pk, (rk) => hashes.some((h) => rk.startsWith(matchPrefix(h))))
          .map((m) => m.value),
      });
    },
    matches(areaId, hashes) {
      calls.count("matches");
      const prefixes = [...new Set(hashes)].map(matchPrefix);
      const found = prefixes.flatMap((p) => table.range<MatchRow>(keyOf(areaId), p));
      return Promise.resolve(found.map((m) => m.value));
    },
    awaitingApprovalBy: (areaId, managerId) =>
      range<Referral>(
        "awaitingApprovalBy",
        areaId,
        "referral|",
        (r) => r.managerId === managerId && r.status === "awaiting-approval",
      ),

    casesAndDrift(areaId, panelId, today, decidedOn = "") {
      calls.count("casesAndDrift");
      const pk = keyOf(areaId);
      const cases = table
        .range<StoredCase>(pk, caseRow(panelId, ""))
        .filter((c) => c.value.status === "open" || c.value.decidedOn === (decidedOn || "-"));
      const drifting = table
        .range<Action>(pk, actionRow(panelId, ""))
        .filter((a) => a.value.status === "open" && a.value.dueDate < today)
        .flatMap((a) => (a.value.subjectId ? [a.value.subjectId] : []));
      return Promise.resolve({ cases, drifting: new Set(drifting) });
    },
    subjectAndCase(areaId, panelId, subjectId) {
      calls.count("subjectAndCase");
      const pk = keyOf(areaId);
      const subject = table.get<Subject>(pk, subjectRow(subjectId));
      const found = table.get<StoredCase>(pk, caseRow(panelId, subjectId));
      return Promise.resolve({ ...(subject && { subject }), ...(found && { case: found }) });
    },
    case: (areaId, panelId, subjectId) => read("case", areaId, caseRow(panelId, subjectId)),

    decision: (areaId, panelId, meetingId, subjectId, how) =>
      read("decision", areaId, decisionRow(panelId, meetingId, subjectId, how)),
    decisionsAt: (areaId, panelId, meetingId) =>
      range("decisionsAt", areaId, decisionRow(panelId, meetingId, "")),

    action: (areaId, panelId, id) => read("action", areaId, actionRow(panelId, id)),
    openActions: async (areaId, panelId) =>
      (await range<Action>("openActions", areaId, actionRow(panelId, ""), (a) => a.status === "open")).sort(
        (a, b) => a.value.dueDate.localeCompare(b.value.dueDate) || a.value.id.localeCompare(b.value.id),
      ),
    async doneActions(areaId, panelId, size, after) {
      const at = finishedAt;
      // As the table's list: done actions and those closed as not possible.
      const done = (
        await range<Action>("doneActions", areaId, actionRow(panelId, ""), (a) => a.status !== "open")
      ).sort((a, b) => newestFirst(at(a.value), a.value.id, at(b.value), b.value.id));
      return pageAfter(done, size, after, (a) => ({ at: at(a), id: a.id }));
    },
    actionsAt: (areaId, panelId, meetingId) =>
      range<Action>("actionsAt", areaId, actionRow(panelId, ""), (a) => a.meetingId === meetingId),
    counter: (kind, areaId, year) => read("counter", areaId, counterRow(kind, year)),

    accessRequest: (areaId, panelId, personId) => read("accessRequest", areaId, accessRow(panelId, personId)),
    openAccessRequests: (areaId, panelId) =>
      range<AccessRequest>(
        "openAccessRequests",
        areaId,
        panelId ? accessRow(panelId, "") : "access|",
        (r) => r.status === "open",
      ),

    notices: (areaId) => range("notices", areaId, "notice|"),
    async replaceNotice(n, etag) {
      calls.count("replaceNotice");
      const value = checked(Notice, n);
      return replaceRow<Notice>(table, "AreaRecords", {
        pk: keyOf(n.areaId),
        rk: noticeRow(value),
        value,
        by: "notices",
        etag,
      });
    },

    auditOf: (areaId) => table.range<StoredAudit>(keyOf(areaId), "audit|").map((a) => a.value),
    subjectsOf: (areaId) => table.range<Subject>(keyOf(areaId), "subject|"),
    casesOf: (areaId, panelId) => table.range<StoredCase>(keyOf(areaId), caseRow(panelId, "")),
    referralsOf: (areaId, panelId) => table.range<Referral>(keyOf(areaId), referralRow(panelId, "")),
    actionsOf: (areaId, panelId) => table.range<Action>(keyOf(areaId), actionRow(panelId, "")),
  };
}
