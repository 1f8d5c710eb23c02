import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { AgendaTemplate, TemplateItem } from "../../domain/agenda/template.js";
import { awaitsReviewAt, lastReview, REGISTER_KIND_LABELS } from "../../domain/strategic/register-item.js";
import type { PanelRole } from "../../domain/people/membership.js";
import { readsRegister } from "../access/register-access.js";
import type { Casework } from "../ports/casework.js";
import { raisedFromText } from "./register-view.js";

// What a strategic meeting's agenda shows beside its items: under the item the template marks
// `shows: "register"`, the register's open entries, each with its last review and whether it has
// been reviewed at this meeting; under `"planned-topics"`, the topics the forward plan has for
// this meeting; under `"forward-plan"`, those planned for the meetings after it. Two reads, together,
// and only for those the register's own access lets read it.

export interface AgendaRegisterEntry {
  id: string;
  reference: string;
  kindLabel: string;
  title: string;
  ownerName: string;
  raisedFromText: string;
  lastReview: { meetingId: string; note: string } | null;
  reviewedHere: boolean;
}

export interface StrategicAgenda {
  register: { itemId: string; entries: AgendaRegisterEntry[] } | null;
  plannedTopics: {
    itemId: string;
    topics: { title: string; lead: string; reportRequested: boolean }[];
  } | null;
  forwardPlan: {
    itemId: string;
    meetings: { meetingId: string; topics: { title: string; lead: string; reportRequested: boolean }[] }[];
  } | null;
}

type FixedItem = Extract<TemplateItem, { kind: "item" }>;

/** The template's item that shows one part of the register or the plan, if it has one. */
const shownAt = (template: AgendaTemplate, shows: NonNullable<FixedItem["shows"]>) =>
  template.items.find((i): i is FixedItem => i.kind === "item" && i.shows === shows);

export async function strategicAgenda(
  ports: { catalogue: Catalogue; casework: Casework },
  panel: { id: string; areaId: string; tier: string },
  role: PanelRole,
  template: AgendaTemplate,
  meetingId: string,
): Promise<StrategicAgenda | null> {
  if (panel.tier !== "strategic" || !readsRegister(role)) return null;
  const [registerAt, plannedAt, forwardAt] = [
    shownAt(template, "register"),
    shownAt(template, "planned-topics"),
    shownAt(template, "forward-plan"),
  ];
  const [open, plans] = await Promise.all([
    registerAt ? ports.casework.openRegisterItems(panel.areaId, panel.id) : [],
    plannedAt || forwardAt ? ports.casework.meetingPlansFrom(panel.areaId, panel.id, meetingId) : [],
  ]);
  const topicsOf = (p: (typeof plans)[number]) =>
    p.value.topics.map(({ title, lead, reportRequested }) => ({ title, lead, reportRequested }));
  const here = plans.find((p) => p.value.meetingId === meetingId);
  return {
    register: registerAt
      ? {
          itemId: registerAt.id,
          entries: open
            .map((o) => o.value)
            .filter((i) => i.raised.at.slice(0, 10) <= meetingId)
            .sort((a, b) => a.raised.at.localeCompare(b.raised.at) || a.reference.localeCompare(b.reference))
            .map((i) => {
              const review = lastReview(i);
              return {
                id: i.id,
                reference: i.reference,
                kindLabel: REGISTER_KIND_LABELS[i.kind],
                title: i.title,
                ownerName: i.ownerName,
                raisedFromText: raisedFromText(ports.catalogue, i),
                lastReview: review ? { meetingId: review.meetingId, note: review.note } : null,
                reviewedHere: !awaitsReviewAt(i, meetingId),
              };
            }),
        }
      : null,
    plannedTopics: plannedAt ? { itemId: plannedAt.id, topics: here ? topicsOf(here) : [] } : null,
    forwardPlan: forwardAt
      ? {
          itemId: forwardAt.id,
          meetings: plans
            .filter((p) => p.value.meetingId > meetingId && p.value.topics.length)
            .map((p) => ({ meetingId: p.value.meetingId, topics: topicsOf(p) })),
        }
      : null,
  };
}
