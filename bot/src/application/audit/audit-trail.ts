import { randomUUID } from "node:crypto";
import type { AuditAction } from "../../domain/audit/audit-entry.js";
import type { Casework, StoredAudit } from "../ports/casework.js";

// One way to write an audit entry: added to the unit of work of the read or change it records.

export interface AuditFact {
  areaId: string;
  panelId: string;
  actorId: string;
  action: AuditAction;
  subjectId: string | null;
  reference: string;
  /** The screen or command it happened through. */
  via: string;
  referralId?: string | null;
  personId?: string | null;
  documentId?: string;
  shown?: string[];
}

export function auditEntry(at: Date, fact: AuditFact): StoredAudit {
  return {
    id: randomUUID(),
    at: at.toISOString(),
    ...fact,
    referralId: fact.referralId ?? null,
    ...(fact.shown ? { shown: fact.shown.slice(0, 500) } : {}),
    via: fact.via.slice(0, 80),
  };
}

/**
 * The read of a list that shows subjects' details: one entry for the view, naming the references
 * it showed, so the log grows with views and not with the length of the list. Nothing shown,
 * nothing written.
 */
export async function auditListView(
  ports: { casework: Pick<Casework, "appendAudit">; now: () => Date },
  view: {
    areaId: string;
    panelId: string;
    actorId: string;
    action: AuditAction;
    shown: string[];
    via: string;
  },
): Promise<void> {
  if (!view.shown.length) return;
  await ports.casework.appendAudit(view.areaId, [
    auditEntry(ports.now(), { ...view, subjectId: null, reference: "" }),
  ]);
}
