import type { TransactionAction } from "@azure/data-tables";
import { randomUUID } from "node:crypto";
import type { AuditAction } from "../domain/audit/audit-entry.js";
import type { AreaRecords } from "../adapters/tables/area-records.js";

// One way to write an audit entry: in the same transaction as the read or change it records.

export interface AuditFact {
  areaId: string;
  panelId: string;
  actorId: string;
  action: AuditAction;
  subjectId: string | null;
  reference: string;
  /** The screen or command it happened through. */
  via: string;
}

export function auditEntry(records: AreaRecords, at: Date, fact: AuditFact): TransactionAction {
  return records.audit.createAction(
    { id: randomUUID(), at: at.toISOString(), referralId: null, ...fact, via: fact.via.slice(0, 80) },
    fact.actorId,
  );
}
