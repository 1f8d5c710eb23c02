import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { Actor } from "../../domain/people/actor.js";
import type { AuditAction } from "../../domain/audit/audit-entry.js";
import { Refusal } from "../../domain/refusal.js";
import { identifyingDetail, IDENTIFYING_ADVICE } from "../../domain/privacy/identifying-detail.js";
import type { RegisterItem } from "../../domain/strategic/register-item.js";
import { auditEntry } from "../audit/audit-trail.js";
import type { Casework } from "../ports/casework.js";
import type { Directory } from "../ports/directory.js";
import type { MeetingStore } from "../ports/meetings.js";
import { ConcurrencyConflict, type Versioned } from "../ports/versioned.js";

// What the register's commands and queries need, and the steps they share: refusing identifying
// text, and saving a change to an entry with its audit entry on the version the person read.

export interface RegisterPorts {
  catalogue: Catalogue;
  directory: Directory;
  casework: Casework;
  /** The day each meeting is held, which a moved meeting's id is not. */
  meetings: Pick<MeetingStore, "meeting" | "between">;
  now: () => Date;
}

/** Refuses text that names a child's details, saying which field and what to write instead. */
export function refuseIdentifying(fields: Record<string, string>): void {
  const problems = Object.entries(fields).flatMap(([field, text]) => {
    const found = identifyingDetail(text);
    return found.length
      ? [{ field, message: `This looks like ${found.join(" and ")}. ${IDENTIFYING_ADVICE}` }]
      : [];
  });
  if (problems.length)
    throw new Refusal("invalid", `Nothing was saved. ${IDENTIFYING_ADVICE}`, {
      code: "identifying-detail",
      fields: problems,
    });
}

export const changedBy = (current: Versioned<unknown>) =>
  new Refusal("conflict", new ConcurrencyConflict("register", current).message, {
    code: "changed-by-someone-else",
    changedBy: { name: current.updatedBy, at: current.updatedAt },
  });

/** The entry as held, or a refusal in words; `version` is what the person last read. */
export async function heldItem(
  ports: RegisterPorts,
  areaId: string,
  panelId: string,
  id: unknown,
  version: string,
): Promise<Versioned<RegisterItem>> {
  const held =
    typeof id === "string" && /^[0-9a-f-]{36}$/.test(id)
      ? await ports.casework.registerItem(areaId, panelId, id)
      : undefined;
  if (!held)
    throw new Refusal("not-found", "There is no such entry on this panel's register. Reload the register.", {
      code: "unknown-register-item",
    });
  if (held.etag !== version) throw changedBy(held);
  return held;
}

/** Saves an entry moved on from `before`, with its audit entry, in one commit. */
export async function saveChange(
  ports: RegisterPorts,
  actor: Actor,
  next: RegisterItem,
  before: Versioned<RegisterItem>,
  action: AuditAction,
  via: string,
): Promise<Versioned<RegisterItem>> {
  const unit = ports.casework.unit(next.areaId, actor.name);
  unit.putRegisterItem(next, before);
  unit.audit(
    auditEntry(ports.now(), {
      areaId: next.areaId,
      panelId: next.panelId,
      actorId: actor.id,
      action,
      subjectId: null,
      reference: next.reference,
      via,
    }),
  );
  try {
    await unit.commit();
  } catch (e) {
    if (!(e instanceof ConcurrencyConflict)) throw e;
    const current = await ports.casework.registerItem(next.areaId, next.panelId, next.id);
    if (current && current.etag !== before.etag) throw changedBy(current);
    throw new Refusal("conflict", "The entry changed just now. Reload the register and try again.", {
      code: "changed-by-someone-else",
    });
  }
  const saved = await ports.casework.registerItem(next.areaId, next.panelId, next.id);
  if (!saved)
    throw new Refusal("conflict", "The entry could not be read back. Reload the register.", {
      code: "not-stored",
    });
  return saved;
}

/** What the person sent was not a valid entry: the fields at fault, in words. */
export function invalidInput(issues: { path: PropertyKey[]; message: string }[]): Refusal {
  return new Refusal("invalid", "Some of the entry is not right. Nothing was saved.", {
    code: "invalid-register-item",
    fields: issues.map((i) => ({ field: i.path.map(String).join("."), message: i.message })),
  });
}
