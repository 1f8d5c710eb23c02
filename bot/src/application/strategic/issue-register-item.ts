import { Refusal } from "../../domain/refusal.js";
import type { Actor } from "../../domain/people/actor.js";
import { localDay } from "../../domain/schedule/dates.js";
import { RegisterItem, type RaisedFrom, type RegisterKind } from "../../domain/strategic/register-item.js";
import { mayOwnItem } from "../access/register-access.js";
import { auditEntry } from "../audit/audit-trail.js";
import { ConcurrencyConflict } from "../ports/versioned.js";
import { invalidInput, refuseIdentifying, type RegisterPorts } from "./register-ports.js";
import { registerItemView, type RegisterItemView } from "./register-view.js";

// The one way an entry joins a strategic panel's register, whether a member raises it or an
// operational panel escalates it: checked whole before anything is written, numbered from the
// area's counter, and stored with its audit entry. The id comes with the form, so the same form
// sent twice raises one entry.

export interface NewRegisterItem {
  id: string;
  kind: RegisterKind;
  title: string;
  description: string;
  /** A member of the strategic panel; none, and its first chair (or coordinator) owns it. */
  ownerId: string | null;
}

async function ownerOf(ports: RegisterPorts, panelId: string, ownerId: string | null) {
  const members = await ports.directory.membersOf(panelId);
  const chosen = ownerId
    ? members.find((m) => m.personId === ownerId && mayOwnItem(m.role))
    : (members.find((m) => m.role === "chair") ?? members.find((m) => m.role === "coordinator"));
  if (!chosen)
    throw new Refusal("invalid", "Choose the entry's owner from the strategic panel's members.", {
      code: "unknown-owner",
      fields: [{ field: "ownerId", message: "Choose a member of the strategic panel." }],
    });
  const person = await ports.directory.person(chosen.personId);
  return { id: chosen.personId, name: person?.displayName ?? "Owner not known" };
}

export async function issueRegisterItem(
  ports: RegisterPorts,
  actor: Actor,
  panel: { id: string; areaId: string },
  input: NewRegisterItem,
  raisedFrom: RaisedFrom,
  via: string,
  /** The escalated case's subject, whose own audit (and subject access export) shows the entry. */
  escalatedSubjectId: string | null = null,
): Promise<RegisterItemView> {
  const { casework, catalogue } = ports;
  const already = await casework.registerItem(panel.areaId, panel.id, input.id);
  if (already) return registerItemView(catalogue, already);
  refuseIdentifying({ title: input.title, description: input.description });
  const owner = await ownerOf(ports, panel.id, input.ownerId);

  const year = Number(localDay(ports.now()).slice(0, 4));
  const prefix = catalogue.areas.find((a) => a.id === panel.areaId)?.referencePrefix ?? "XXX";
  const draftOf = (issued: number) => ({
    id: input.id,
    reference: `${prefix}-R-${year}-${String(issued).padStart(4, "0")}`,
    areaId: panel.areaId,
    panelId: panel.id,
    kind: input.kind,
    title: input.title,
    description: input.description,
    raised: { by: actor.id, byName: actor.name, at: ports.now().toISOString() },
    raisedFrom,
    ownerId: owner.id,
    ownerName: owner.name,
    status: "open",
    outcome: null,
    reviews: [],
  });
  const checked = RegisterItem.safeParse(draftOf(1));
  if (!checked.success) throw invalidInput(checked.error.issues);

  for (let attempt = 0; ; attempt++) {
    const counter = await casework.counter("register", panel.areaId, year);
    const issued = (counter?.value.issued ?? 0) + 1;
    const item = RegisterItem.parse(draftOf(issued));
    const unit = casework.unit(panel.areaId, actor.name);
    unit.setCounter("register", { areaId: panel.areaId, year, issued }, counter?.etag);
    unit.putRegisterItem(item, undefined);
    unit.audit(
      auditEntry(ports.now(), {
        areaId: panel.areaId,
        panelId: panel.id,
        actorId: actor.id,
        action: "register.raised",
        subjectId: escalatedSubjectId,
        reference: item.reference,
        via,
      }),
    );
    try {
      await unit.commit();
    } catch (e) {
      if (!(e instanceof ConcurrencyConflict)) throw e;
      // The same form sent twice at once: the first raised it.
      const raced = await casework.registerItem(panel.areaId, panel.id, input.id);
      if (raced) return registerItemView(catalogue, raced);
      // Another entry took the same number: try again with the next one.
      if (attempt < 4) continue;
      throw new Refusal("conflict", "Several entries were raised at once. Try again in a moment.", {
        code: "busy",
      });
    }
    const stored = await casework.registerItem(panel.areaId, panel.id, input.id);
    if (!stored)
      throw new Refusal("conflict", "The entry could not be read back. Reload the register.", {
        code: "not-stored",
      });
    return registerItemView(catalogue, stored);
  }
}
