import { z } from "zod";
import type { CardRoute, CardRoutes } from "./card-actions.js";
import { actionDoneCard, actionUpdatedCard } from "./cards/action-cards.js";
import { longDate } from "./cards/dates.js";
import { card, heading, para } from "./cards/elements.js";
import { panelNameOf, recordActionCard } from "./action-commands.js";
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
});

// The record form's fields by name, for saying which one to put right.
const FIELD_LABELS: Record<string, string> = {
  meetingId: "the meeting",
  ownerId: "the owner",
  subjectId: "the case",
  title: "the short title (at least 3 characters)",
  text: "what is to be done (at least 3 characters)",
  dueDate: "the due date",
};

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
    return { card: actionUpdatedCard(updated, panelNameOf(deps.catalogue, updated.panelId), place) };
  }),
  [VERBS.action.form]: inPersonalChat(async ({ deps, actor, data }) => {
    const panelId = z.string().max(80).parse(data["panelId"]);
    if ((await deps.actionLog.roleOn(panelId, actor.id)) !== "coordinator")
      return { message: NOT_COORDINATOR };
    return { card: await recordActionCard(deps.actionLog, deps.catalogue, panelId) };
  }),
  [VERBS.action.record]: inPersonalChat(async ({ deps, actor, data }) => {
    const r = Recorded.safeParse(data);
    if (!r.success) {
      const fields = [...new Set(r.error.issues.map((i) => FIELD_LABELS[String(i.path[0])] ?? "the form"))];
      return { message: `Check ${fields.join(", ")} and press Record the action again.` };
    }
    if ((await deps.actionLog.roleOn(r.data.panelId, actor.id)) !== "coordinator")
      return { message: NOT_COORDINATOR };
    const created = await deps.actionLog.create(
      actor,
      r.data.panelId,
      r.data.meetingId,
      {
        id: r.data.formId,
        subjectId: r.data.subjectId || null,
        title: r.data.title,
        text: r.data.text,
        ownerId: r.data.ownerId,
        dueDate: r.data.dueDate || null,
      },
      "bot: record action",
    );
    return {
      card: card([
        { ...heading(`Recorded ${created.reference}`), color: "Good" },
        para(created.title),
        para(
          `${created.ownerName} will be sent it, and reminded before it is due on ${longDate(created.dueDate)}.`,
        ),
      ]),
    };
  }),
};
