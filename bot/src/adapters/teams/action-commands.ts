import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { ActionLog } from "../../application/actions/action-log.js";
import { Refusal } from "../../application/refusal.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { Membership } from "../../domain/people/membership.js";
import { actionDoneCard, actionUpdatedCard, type CardPlace } from "./cards/action-cards.js";
import { longDate } from "./cards/dates.js";
import { card, execute, heading, para, type Element } from "./cards/elements.js";
import type { CardReply } from "./referral-actions.js";

// What the action buttons and commands do in Teams: Done and Add update on a reminder card,
// `done` typed in reply, and recording an action from personal chat. Every step goes through the
// action log, which checks who may do it.

export const ACTION_VERBS = ["action.done", "action.update", "action.form", "action.record"] as const;
const Verb = z.enum(ACTION_VERBS);
type Verb = z.infer<typeof Verb>;

export const isActionVerb = (verb: string): verb is Verb => Verb.safeParse(verb).success;

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

const REFERENCE = /\b([A-Z]{3}-A-\d{4}-\d{4,})\b/i;

/** `done`, `done MER-A-2026-0004`, `done sent the chronology on Friday`… or not a done at all. */
export function parseDone(text: string): { reference?: string; note: string } | undefined {
  const match = /^done\b[\s:,.-]*(.*)$/is.exec(text.trim());
  if (!match) return undefined;
  let rest = (match[1] ?? "").trim();
  const ref = REFERENCE.exec(rest);
  if (ref && ref.index === 0) rest = rest.slice(ref[0].length).replace(/^[\s:,.-]+/, "");
  return {
    ...(ref && ref.index === 0 ? { reference: ref[1]?.toUpperCase() } : {}),
    note: rest.slice(0, 1000),
  };
}

const panelNameOf = (catalogue: Catalogue, panelId: string) => catalogue.panels.get(panelId)?.name ?? panelId;

const refusal = (e: unknown): CardReply => {
  if (e instanceof Refusal) return { message: `Sorry: ${e.message}` };
  throw e;
};

/** The panels a coordinator can record actions for; a card to choose one when there are several. */
export function chooseActionPanelCard(catalogue: Catalogue, memberships: Membership[]): Element | string {
  const panels = memberships.filter((m) => m.role === "coordinator" && catalogue.panels.has(m.panelId));
  if (!panels.length) {
    return "Actions are recorded by a panel's coordinators. Ask yours to record it, or to add you as a coordinator.";
  }
  return card(
    [heading("Record an action"), para("Which panel's meeting agreed it?")],
    panels.map((m) => execute(panelNameOf(catalogue, m.panelId), "action.form", { panelId: m.panelId })),
  );
}

/** The form for one action agreed at one of the panel's recent meetings. */
export async function recordActionCard(
  actionLog: ActionLog,
  catalogue: Catalogue,
  panelId: string,
): Promise<Element> {
  const { meetings, members, cases } = await actionLog.formChoices(panelId);
  const choices = (pairs: [string, string][]) => pairs.map(([title, value]) => ({ title, value }));
  return card(
    [
      heading(`Record an action: ${panelNameOf(catalogue, panelId)}`),
      {
        type: "Input.ChoiceSet",
        id: "meetingId",
        label: "Meeting that agreed it",
        isRequired: true,
        errorMessage: "Choose the meeting.",
        value: meetings[0],
        choices: choices(meetings.map((d) => [longDate(d), d])),
      },
      {
        type: "Input.ChoiceSet",
        id: "ownerId",
        label: "Owner",
        isRequired: true,
        errorMessage: "Choose who owns the action.",
        choices: choices(members.map((m) => [`${m.name} (${m.agency})`, m.id])),
      },
      {
        type: "Input.ChoiceSet",
        id: "subjectId",
        label: "Case (optional)",
        choices: choices(cases.map((c) => [c.reference, c.subjectId])),
      },
      {
        type: "Input.Text",
        id: "title",
        label: "Short title: it appears in the channel, so no names",
        isRequired: true,
        maxLength: 120,
        errorMessage: "Give the action a short title.",
      },
      {
        type: "Input.Text",
        id: "text",
        label: "What is to be done",
        isMultiline: true,
        isRequired: true,
        maxLength: 2000,
        errorMessage: "Say what is to be done.",
      },
      { type: "Input.Date", id: "dueDate", label: "Due date (two weeks after the meeting if left empty)" },
    ],
    [
      execute(
        "Record the action",
        "action.record",
        // Drawn with the form: pressing twice, or Teams sending the press again, records one action.
        { panelId, formId: randomUUID() },
        { associatedInputs: "auto" },
      ),
    ],
  );
}

/** What a press on an action card does; the answer replaces the card for the person who pressed. */
export async function actionCardPress(
  deps: { actionLog: ActionLog; catalogue: Catalogue },
  actor: { id: string; name: string },
  verb: Verb,
  data: Record<string, unknown>,
  place: CardPlace,
): Promise<CardReply> {
  const { actionLog, catalogue } = deps;
  try {
    switch (verb) {
      case "action.done": {
        const t = Target.parse(data);
        const done = await actionLog.completeNow(actor, t.panelId, t.actionId, "", `bot: ${place} card`);
        return { card: actionDoneCard(done, panelNameOf(catalogue, done.panelId), place) };
      }
      case "action.update": {
        const u = UpdateData.safeParse(data);
        if (!u.success) return { message: "Write the update in the box first, then press Send update." };
        const updated = await actionLog.updateNow(
          actor,
          u.data.panelId,
          u.data.actionId,
          u.data.update,
          `bot: ${place} card`,
        );
        return { card: actionUpdatedCard(updated, panelNameOf(catalogue, updated.panelId), place) };
      }
      case "action.form": {
        if (place !== "personal")
          return { message: "Actions are recorded in your personal chat with MACE panels." };
        const panelId = z.string().max(80).parse(data["panelId"]);
        if ((await actionLog.roleOn(panelId, actor.id)) !== "coordinator")
          return { message: "Only the panel's coordinators record actions." };
        return { card: await recordActionCard(actionLog, catalogue, panelId) };
      }
      case "action.record": {
        if (place !== "personal")
          return { message: "Actions are recorded in your personal chat with MACE panels." };
        const r = Recorded.safeParse(data);
        if (!r.success) {
          const fields = [
            ...new Set(r.error.issues.map((i) => FIELD_LABELS[String(i.path[0])] ?? "the form")),
          ];
          return { message: `Check ${fields.join(", ")} and press Record the action again.` };
        }
        if ((await actionLog.roleOn(r.data.panelId, actor.id)) !== "coordinator")
          return { message: "Only the panel's coordinators record actions." };
        const created = await actionLog.create(
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
      }
    }
  } catch (e) {
    if (e instanceof z.ZodError)
      return { message: "That button did not send what I expected. Reload the card and try again." };
    return refusal(e);
  }
}
