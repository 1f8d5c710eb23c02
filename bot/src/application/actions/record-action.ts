import { worksCases } from "../../domain/people/membership.js";
import { knownMeeting } from "../panels/known-panels.js";
import { randomUUID } from "node:crypto";
import { Action, OutsideOwner, alreadyOverdue, defaultDueDate } from "../../domain/actions/action.js";
import {
  DEFAULT_REMINDER_POLICY,
  reminderSteps,
  stepsFrom,
  type ReminderPolicy,
  type ReminderStep,
} from "../../domain/actions/reminder-policy.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { Actor } from "../../domain/people/actor.js";
import { addDays, dayInWords, localDay } from "../../domain/schedule/dates.js";
import { occurrencesBetween } from "../../domain/schedule/occurrences.js";
import { roleOnPanel } from "../access/panel-access.js";
import { auditEntry } from "../audit/audit-trail.js";
import { ConcurrencyConflict } from "../ports/versioned.js";
import { Refusal } from "../../domain/refusal.js";
import type { ActionPorts } from "./action-ports.js";
import { actionPanel, viewOf, type ActionView } from "./action-view.js";

export interface NewAction {
  /** The id the recording form was drawn with: the same form sent twice records one action. */
  id?: string;
  subjectId: string | null;
  /** On a strategic panel, the register entry the action is about, instead of a case. */
  registerItemId?: string | null;
  title: string;
  text: string;
  /** The panel member who owns it, or who answers for an owner outside the panel. */
  ownerId: string;
  /** An owner outside the panel, by role and organisation; the member above is chased for it. */
  outsideOwner?: OutsideOwner | null;
  dueDate: string | null;
  /** The person has been told the due date has passed and records it as overdue all the same. */
  confirmOverdue?: boolean;
}

/** The reminders the panel's policy gives an action due on a date, before any are folded. */
export function remindersFor(
  catalogue: Catalogue,
  panel: { reminderPolicy?: ReminderPolicy | undefined },
  dueDate: string,
): ReminderStep[] {
  const policy = panel.reminderPolicy ?? DEFAULT_REMINDER_POLICY;
  const trackingDates =
    policy.kind === "tracking-week"
      ? occurrencesBetween(catalogue, policy.trackingPanelId, dueDate, addDays(dueDate, 92)).map(
          (o) => o.date,
        )
      : [];
  return reminderSteps(dueDate, policy, trackingDates);
}

const invalid = (code: string, message: string) => new Refusal("invalid", message, { code });

/** The open register entry an action is about, on this strategic panel; none when not asked. */
async function openRegisterItem(
  ports: ActionPorts,
  panel: { id: string; areaId: string },
  input: NewAction,
): Promise<{ id: string; reference: string } | undefined> {
  if (!input.registerItemId) return undefined;
  if (input.subjectId)
    throw invalid("case-and-register", "An action is about a case or a register entry, not both.");
  const item = await ports.casework.registerItem(panel.areaId, panel.id, input.registerItemId);
  if (!item || item.value.status !== "open")
    throw invalid(
      "unknown-register-item",
      "That entry is not open on this panel's register. Reload the register.",
    );
  return { id: item.value.id, reference: item.value.reference };
}

/**
 * Records an action agreed at a meeting; its owner is one of the panel's members. Its reminders
 * are indexed by date before it is stored, so a stored action is never left unreminded.
 */
export async function recordAction(
  ports: ActionPorts,
  actor: Actor,
  panelId: string,
  meetingId: string,
  input: NewAction,
  via: string,
): Promise<ActionView> {
  const panel = actionPanel(ports, panelId);
  const { catalogue, casework, directory } = ports;
  knownMeeting(catalogue, panelId, meetingId);
  const [owner, role, actorRole] = await Promise.all([
    directory.person(input.ownerId),
    roleOnPanel(ports, input.ownerId, panelId),
    roleOnPanel(ports, actor.id, panelId),
  ]);
  if (actorRole !== "coordinator")
    throw new Refusal("not-allowed", "Only the panel's coordinators record actions.", {
      code: "not-coordinator",
    });
  if (!owner || !role || !worksCases(role))
    throw invalid("unknown-owner", "Choose the action's owner from the panel's members.");
  const held = input.subjectId
    ? await casework.subjectAndCase(panel.areaId, panelId, input.subjectId)
    : undefined;
  if (input.subjectId && !held?.case) throw invalid("unknown-case", "That case is not on this panel.");
  const registerItem = await openRegisterItem(ports, panel, input);
  const dueDate = input.dueDate ?? defaultDueDate(meetingId, panel.actionDueDays);
  if (dueDate < meetingId) throw invalid("due-before-meeting", "The due date cannot be before the meeting.");
  const id = input.id ?? randomUUID();
  if (input.id) {
    const already = await casework.action(panel.areaId, panelId, input.id);
    if (already) return viewOf(ports, already);
  }
  const today = localDay(ports.now());
  // An action recorded late must not start its life overdue unless someone chose that knowingly.
  if (alreadyOverdue(dueDate, today) && !input.confirmOverdue)
    throw new Refusal(
      "invalid",
      `The due date, ${dayInWords(dueDate)}${input.dueDate ? "" : ` (${panel.actionDueDays} days after the meeting)`}, has already passed, so the action would be overdue as soon as it is recorded and its owner chased at once. Choose a later due date, or confirm that it is recorded as already overdue.`,
      { code: "due-date-passed", fields: [{ field: "dueDate", message: "This date has already passed." }] },
    );

  const prefix = catalogue.areas.find((a) => a.id === panel.areaId)?.referencePrefix ?? "XXX";
  const year = Number(today.slice(0, 4));
  const draftOf = (issued: number) => ({
    id,
    reference: `${prefix}-A-${year}-${String(issued).padStart(4, "0")}`,
    areaId: panel.areaId,
    panelId,
    meetingId,
    subjectId: input.subjectId,
    caseReference: held?.case?.value.reference ?? null,
    ...(registerItem && { registerItem }),
    title: input.title,
    text: input.text,
    ownerId: owner.id,
    ownerName: owner.displayName,
    ownerAgencyId: owner.agencyId,
    ...(input.outsideOwner ? { outsideOwner: input.outsideOwner } : {}),
    dueDate,
    status: "open",
    created: { by: actor.id, byName: actor.name, at: ports.now().toISOString() },
    completed: null,
    updates: [],
  });
  // Everything is checked before the first write: a refused action leaves no reminders behind.
  const checked = Action.safeParse(draftOf(1));
  if (!checked.success) {
    const fields = checked.error.issues.map((i) => ({ field: i.path.join("."), message: i.message }));
    throw new Refusal("invalid", "Some of the action is not right. Nothing was saved.", {
      code: "invalid-action",
      fields,
    });
  }

  await ports.deliveries.index({ areaId: panel.areaId, panelId, id }, [
    { kind: "assigned", on: today },
    ...stepsFrom(remindersFor(catalogue, panel, dueDate), today),
  ]);

  for (let attempt = 0; ; attempt++) {
    const counter = await casework.counter("action", panel.areaId, year);
    const issued = (counter?.value.issued ?? 0) + 1;
    const action: Action = Action.parse(draftOf(issued));
    const unit = casework.unit(panel.areaId, actor.name);
    unit.setCounter("action", { areaId: panel.areaId, year, issued }, counter?.etag);
    unit.createAction(action);
    unit.audit(
      auditEntry(ports.now(), {
        areaId: action.areaId,
        panelId,
        actorId: actor.id,
        action: "action.created",
        subjectId: action.subjectId,
        reference: action.reference,
        via,
      }),
    );
    try {
      await unit.commit();
    } catch (e) {
      if (!(e instanceof ConcurrencyConflict)) throw e;
      // Another action took the same number: try again with the next one.
      if (attempt < 4) continue;
      throw new Refusal("conflict", "Several actions were recorded at once. Try again in a moment.", {
        code: "busy",
      });
    }
    const stored = await casework.action(panel.areaId, panelId, id);
    if (!stored)
      throw new Refusal("conflict", "The action could not be read back. Reload.", { code: "not-stored" });
    return viewOf(ports, stored);
  }
}
