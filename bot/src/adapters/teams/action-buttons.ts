import { z } from "zod";
import type { CardRoute, CardRoutes } from "./card-actions.js";
import { actionDoneCard, actionUpdatedCard } from "./cards/action-cards.js";
import { longDate } from "./cards/dates.js";
import { card, heading, para, type Problem } from "./cards/elements.js";
import type { ActionView } from "../../application/actions/action-view.js";
import { OutsideOwner } from "../../domain/actions/action.js";
import { panelNameOf, recordActionCard, TYPED_ACTION_FIELDS, type TypedAction } from "./action-commands.js";
import { actionChangeButtons } from "./action-change-buttons.js";
import { linksOf } from "./bot-dependencies.js";
import { Refusal } from "../../domain/refusal.js";
import { VERBS, type ActionVerb } from "./verbs.js";

// What the action buttons do: Done and Add update on a reminder card, and the record-an-action
// form in personal chat. The answer replaces the card for the person who pressed.

const Target = z.object({ panelId: z.string().min(1).max(80), actionId: z.uuid() });
const UpdateData = Target.extend({ update: z.string().trim().min(1).max(1000) });
const Recorded = z.object({
  formId: z.uuid(),
  panelId: z.string().min(1).max(80),
  meetingId: z.iso.date(),
  ownerId: z.string().min(1).max(64),
  subjectId: z.string().max(64).optional().default(""),
  title: z.string().trim().min(3).max(120),
  text: z.string().trim().min(3).max(2000),
  dueDate: z
    .union([z.iso.date(), z.literal("")])
    .optional()
    .default(""),
  outsideRole: z.string().trim().max(80).optional().default(""),
  outsideOrganisation: z.string().trim().max(120).optional().default(""),
  confirmOverdue: z.enum(["true", "false"]).optional().default("false"),
});

/** An owner outside the panel needs both their role and their organisation, or neither. */
function outsideOwnerOf(r: {
  outsideRole: string;
  outsideOrganisation: string;
}): Problem[] | OutsideOwner | null {
  if (!r.outsideRole && !r.outsideOrganisation) return null;
  const checked = OutsideOwner.safeParse({ role: r.outsideRole, organisation: r.outsideOrganisation });
  if (checked.success) return checked.data;
  return checked.error.issues.map((i) =>
    i.path[0] === "role"
      ? { field: "outsideRole", message: "Give the outside owner's role, such as Safeguarding lead." }
      : {
          field: "outsideOrganisation",
          message: "Give the outside owner's organisation, such as the school's name.",
        },
  );
}

/** Who the bot sends an action to: its owner, or the member who answers for an outside owner. */
const sentTo = (a: ActionView) =>
  a.outsideOwner
    ? `${a.ownerName}, who answers for ${a.outsideOwner.role}, ${a.outsideOwner.organisation},`
    : a.ownerName;

const FormOf = z.object({ formId: z.uuid(), panelId: z.string().min(1).max(80) });

// What to put right in each of the record form's fields, said beside the field.
const FIELD_PROBLEMS: Record<string, string> = {
  meetingId: "Choose the meeting that agreed the action.",
  ownerId: "Choose who owns the action.",
  subjectId: "Choose the case from the list, or leave it empty.",
  title: "Give the action a short title of 3 to 120 characters.",
  text: "Say what is to be done, in 3 to 2,000 characters.",
  dueDate: "Give the due date as a date, or leave it empty for two weeks after the meeting.",
  outsideRole: "Give the outside owner's role in up to 80 characters.",
  outsideOrganisation: "Give the outside owner's organisation in up to 120 characters.",
};

// The field a refusal of the action log is about.
const FIELD_OF_REFUSAL: Record<string, string> = {
  "unknown-owner": "ownerId",
  "unknown-case": "subjectId",
  "due-before-meeting": "dueDate",
  "due-date-passed": "confirmOverdue",
};

/** The form's values as typed, to draw it again with them. */
const typedOf = (data: Record<string, unknown>): TypedAction =>
  Object.fromEntries(
    TYPED_ACTION_FIELDS.flatMap((k) =>
      typeof data[k] === "string" ? [[k, (data[k] as string).slice(0, 2000)]] : [],
    ),
  );

const BAD_DATA = "That button did not send what I expected. Reload the card and try again.";
const NOT_COORDINATOR = "Only the panel's coordinators record actions.";

const anywhere = (handle: CardRoute["handle"]): CardRoute => ({
  where: "any",
  tone: "apologise",
  badData: BAD_DATA,
  handle,
});
const inPersonalChat = (handle: CardRoute["handle"]): CardRoute => ({
  where: "personal",
  elsewhere: "Actions are recorded in your personal chat with MACE panels.",
  tone: "apologise",
  badData: BAD_DATA,
  handle,
});

export const actionButtons: CardRoutes<ActionVerb> = {
  ...actionChangeButtons,
  [VERBS.action.done]: anywhere(async ({ deps, actor, data, place }) => {
    const t = Target.parse(data);
    const done = await deps.actionLog.completeNow(actor, t.panelId, t.actionId, "", `bot: ${place} card`);
    return { card: actionDoneCard(done, panelNameOf(deps.catalogue, done.panelId), place) };
  }),
  [VERBS.action.update]: anywhere(async ({ deps, actor, data, place }) => {
    const u = UpdateData.safeParse(data);
    if (!u.success) return { message: "Write the update in the box first, then press Send update." };
    const { panelId, actionId, update } = u.data;
    const updated = await deps.actionLog.updateNow(actor, panelId, actionId, update, `bot: ${place} card`);
    return {
      card: actionUpdatedCard(updated, panelNameOf(deps.catalogue, updated.panelId), place, linksOf(deps)),
    };
  }),
  [VERBS.action.form]: inPersonalChat(async ({ deps, actor, data }) => {
    const chosen = z.string().min(1).max(80).safeParse(data["panelId"]);
    // The chooser's "Open the form" pressed with no panel chosen.
    if (!chosen.success) return { message: "Choose the panel, then press Open the form." };
    const panelId = chosen.data;
    if ((await deps.actionLog.roleOn(panelId, actor.id)) !== "coordinator")
      return { message: NOT_COORDINATOR };
    return { card: await recordActionCard(deps.actionLog, deps.catalogue, panelId, linksOf(deps)) };
  }),
  [VERBS.action.record]: inPersonalChat(async ({ deps, actor, data }) => {
    const form = FormOf.safeParse(data);
    if (!form.success) return { message: BAD_DATA };
    const { panelId, formId } = form.data;
    if ((await deps.actionLog.roleOn(panelId, actor.id)) !== "coordinator")
      return { message: NOT_COORDINATOR };
    const again = async (problems: Problem[]) => ({
      card: await recordActionCard(
        deps.actionLog,
        deps.catalogue,
        panelId,
        linksOf(deps),
        typedOf(data),
        problems,
        formId,
      ),
    });
    const r = Recorded.safeParse(data);
    if (!r.success)
      return again(
        [...new Set(r.error.issues.map((i) => String(i.path[0])))].map((field) => ({
          field,
          message: FIELD_PROBLEMS[field] ?? "Check the form and press Record the action again.",
        })),
      );
    const outsideOwner = outsideOwnerOf(r.data);
    if (Array.isArray(outsideOwner)) return again(outsideOwner);
    try {
      const created = await deps.actionLog.create(
        actor,
        panelId,
        r.data.meetingId,
        {
          id: formId,
          subjectId: r.data.subjectId || null,
          title: r.data.title,
          text: r.data.text,
          ownerId: r.data.ownerId,
          outsideOwner,
          dueDate: r.data.dueDate || null,
          confirmOverdue: r.data.confirmOverdue === "true",
        },
        "bot: record action",
      );
      return {
        card: card([
          { ...heading(`Recorded ${created.reference}`), color: "Good" },
          para(created.title),
          para(
            `${sentTo(created)} will be sent it${
              created.overdue
                ? ` now, recorded as overdue since ${longDate(created.dueDate)}, and reminded at once.`
                : `, and reminded before it is due on ${longDate(created.dueDate)}.`
            }`,
          ),
        ]),
      };
    } catch (e) {
      // What the coordinator can put right comes back on the form, with everything they typed.
      if (e instanceof Refusal && (e.reason === "invalid" || e.reason === "conflict"))
        return again([{ field: FIELD_OF_REFUSAL[e.code] ?? null, message: e.message }]);
      throw e;
    }
  }),
};
