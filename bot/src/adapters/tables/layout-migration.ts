import { randomUUID } from "node:crypto";
import type { TableEntity, TransactionAction } from "@azure/data-tables";
import type { Action } from "../../domain/actions/action.js";
import type { Subject } from "../../domain/cohort/case.js";
import type { AccessRequest } from "../../domain/people/access-request.js";
import type { Referral } from "../../domain/referrals/referral.js";
import type { StoredCase, StoredDecision } from "../../application/ports/casework.js";
import { areaRecords } from "./area-records.js";
import {
  accessCopies,
  actionCopies,
  caseCopies,
  decisionCopies,
  referralCopies,
  subjectCopies,
} from "./casework-copies.js";
import { keyOf, rangeFilter, type EntityStore } from "./entity-store.js";
import { keepCaseNotesUnderSubjects } from "./case-note-migration.js";
import { holdWaitingMatchKeys } from "./pending-match-migration.js";
import type { TableFactory } from "./storage.js";

// Casework stored before the lists read copies (casework-copies.ts) has no copies and no
// revisions. This gives each record both, once per area and layout: it runs at start-up before
// the service answers, writes nothing the second time (a marker row per layout says it is done),
// and a run cut short is finished by the next one, since each record and its copies are written
// in one transaction. Each layout adds the copies of a later release: the lists (`list-copies`),
// then a subject's record and the cohort (`subject-record`), then each referral under its referrer
// (`referral-by`), then waiting referrals' match keys (pending-match-migration.ts), then each case
// note under its subject (case-note-migration.ts, over the area's panels' meetings).

const BATCH = 100;

type Progress = (message: string) => void;

export async function migrateCaseworkLayout(
  tables: TableFactory,
  areaIds: string[],
  progress: Progress,
  /** Each area's panels, whose meetings' notes are kept under their subjects. */
  panelsOf: (areaId: string) => string[],
): Promise<void> {
  const records = areaRecords(tables);
  const client = records.referrals.client;
  type Kind = [string, string, (raw: TableEntity<Record<string, unknown>>) => string[]];
  const cases: Kind = ["cases", "case|", copiesBy(records.cases, (v: StoredCase) => caseCopies(v))];
  const actions: Kind = ["actions", "action|", copiesBy(records.actions, (v: Action) => actionCopies(v))];
  const referrals: Kind = [
    "referrals",
    "referral|",
    copiesBy(records.referrals, (v: Referral) => referralCopies(v)),
  ];
  const layouts: [string, Kind[]][] = [
    [
      "layout|list-copies",
      [
        referrals,
        cases,
        actions,
        [
          "requests to join",
          "access|",
          copiesBy(records.accessRequests, (v: AccessRequest) => accessCopies(v)),
        ],
      ],
    ],
    [
      "layout|subject-record",
      [
        ["subjects", "subject|", copiesBy(records.subjects, (v: Subject) => subjectCopies(v))],
        cases,
        actions,
        ["decisions", "decision|", copiesBy(records.decisions, (v: StoredDecision) => decisionCopies(v))],
      ],
    ],
    // Each referral under its referrer, for their own list.
    ["layout|referral-by", [referrals]],
  ];
  for (const areaId of areaIds) {
    for (const [marker, kinds] of layouts) await migrateArea(client, areaId, marker, kinds, progress);
    await holdWaitingMatchKeys(tables, areaId, progress);
    await keepCaseNotesUnderSubjects(tables, areaId, panelsOf(areaId), progress);
  }
}

async function migrateArea(
  client: ReturnType<typeof areaRecords>["referrals"]["client"],
  areaId: string,
  marker: string,
  kinds: [string, string, (raw: TableEntity<Record<string, unknown>>) => string[]][],
  progress: Progress,
): Promise<void> {
  const pk = keyOf(areaId);
  try {
    await client.getEntity(pk, marker);
    return;
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode !== 404) throw e;
  }
  for (const [what, prefix, copiesOf] of kinds) {
    let done = 0;
    let batch: TransactionAction[] = [];
    const flush = async () => {
      if (batch.length) await client.submitTransaction(batch);
      batch = [];
    };
    const filter = rangeFilter(pk, prefix);
    for await (const found of client.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      const raw = { ...found, partitionKey: String(found.partitionKey), rowKey: String(found.rowKey) };
      const rows = withCopies(raw, copiesOf(raw));
      if (batch.length + rows.length > BATCH) await flush();
      batch.push(...rows);
      if (++done % 500 === 0) progress(`${areaId}: ${done} ${what} given their list copies`);
    }
    await flush();
    if (done) progress(`${areaId}: all ${done} ${what} given their list copies`);
  }
  await client.upsertEntity({ partitionKey: pk, rowKey: marker, at: new Date().toISOString() });
}

/** The copy keys of a stored row, read through its store's schema (an invalid row stops the run). */
function copiesBy<T extends Record<string, unknown>>(store: EntityStore<T>, copies: (v: T) => string[]) {
  return (raw: TableEntity<Record<string, unknown>>) => copies(store.fromEntity(raw).value);
}

/** The record with a revision (its other properties untouched) and each copy of it. */
function withCopies(raw: TableEntity<Record<string, unknown>>, copyKeys: string[]): TransactionAction[] {
  const {
    etag: _etag,
    timestamp: _timestamp,
    ...row
  } = raw as TableEntity<Record<string, unknown>> & {
    etag?: string;
    timestamp?: string;
  };
  const revision = typeof row["revision"] === "string" ? row["revision"] : randomUUID();
  return [
    ["upsert", { partitionKey: row.partitionKey, rowKey: row.rowKey, revision }, "Merge"],
    ...copyKeys.map((rowKey): TransactionAction => ["upsert", { ...row, rowKey, revision }, "Replace"]),
  ];
}
