import type { AuditAction } from "../../domain/audit/audit-entry.js";
import { auditEntry } from "../audit/audit-trail.js";
import type { Caller, PeoplePorts } from "./people-ports.js";

/** Writes who changed whose place in the area's directory, and when; identifiers only. */
export function auditPeople(
  ports: Pick<PeoplePorts, "casework" | "now">,
  caller: Caller,
  areaId: string,
  changes: { action: AuditAction; personId: string | null; panelId?: string }[],
  via: string,
): Promise<void> {
  const at = ports.now();
  return ports.casework.appendAudit(
    areaId,
    changes.map((c) =>
      auditEntry(at, {
        areaId,
        panelId: c.panelId ?? "",
        actorId: caller.id,
        action: c.action,
        subjectId: null,
        reference: "",
        personId: c.personId,
        via,
      }),
    ),
  );
}
