import type { Actor } from "../../domain/people/actor.js";
import type { PanelRole } from "../../domain/people/membership.js";
import { addDays, localDay } from "../../domain/schedule/dates.js";
import { describeOccurrence } from "../../domain/schedule/describe.js";
import { meetingsHeld, MOVED_AT_MOST_DAYS } from "../panels/meeting-days.js";
import { leadsRegister, mayOwnItem, accessRegister } from "../access/register-access.js";
import type { PagePosition } from "../ports/stored-records.js";
import type { PlanView } from "./plan-meeting.js";
import type { RegisterPorts } from "./register-ports.js";
import { registerItemView, type RegisterItemView } from "./register-view.js";

// A strategic panel's register page: its open entries, a page of the closed ones (the latest
// closed first), the forward plan of its coming meetings, and the choices the forms offer (the
// members who may own an entry, the recent meetings a review is recorded at). One read each, together.

export const CLOSED_PAGE_SIZE = 20;
const COMING_MEETINGS = 6;
/** Reviews are recorded at a meeting of the last four months. */
const REVIEW_WINDOW_DAYS = 120;

export interface RegisterPage {
  panelId: string;
  panelName: string;
  role: PanelRole;
  /** Reviews, passes on and closes any entry. */
  leads: boolean;
  /** Keeps the forward plan. */
  plans: boolean;
  open: RegisterItemView[];
  closed: RegisterItemView[];
  /** Where the next page of closed entries starts, if there is one. */
  closedNext: PagePosition | null;
  owners: { id: string; name: string }[];
  /** Meetings held lately, the latest first: where a review is recorded. */
  reviewMeetings: { id: string; description: string }[];
  /** The coming meetings, soonest first, each with its planned topics. */
  forwardPlan: (PlanView & { description: string })[];
}

export async function viewRegister(
  ports: RegisterPorts,
  actor: Actor,
  panelId: unknown,
  closedAfter: PagePosition | undefined,
): Promise<RegisterPage> {
  const { panel, role } = await accessRegister(ports, actor.id, panelId, "read");
  const today = localDay(ports.now());
  // The meetings as held, a moved one on the day it moved to, as planning and reviews go by:
  // those still to come today or later, and those held lately. Plans are kept by the meeting's
  // id, which for a moved meeting can be weeks before the day it is held.
  const [held, open, closed, plans, members] = await Promise.all([
    meetingsHeld(ports, panel.id, addDays(today, -REVIEW_WINDOW_DAYS), addDays(today, 370)),
    ports.casework.openRegisterItems(panel.areaId, panel.id),
    ports.casework.closedRegisterItems(panel.areaId, panel.id, CLOSED_PAGE_SIZE, closedAfter),
    ports.casework.meetingPlansFrom(panel.areaId, panel.id, addDays(today, -MOVED_AT_MOST_DAYS)),
    ports.directory.membersOf(panel.id),
  ]);
  const coming = held.filter((m) => m.date >= today).slice(0, COMING_MEETINGS);
  const lately = held.filter((m) => m.date <= today);
  // The entries' actions, and the owners' names, once the entries and members are known.
  const [people, actions] = await Promise.all([
    ports.directory.people(members.filter((m) => mayOwnItem(m.role)).map((m) => m.personId)),
    ports.casework.registerItemActions(
      panel.areaId,
      panel.id,
      [...open, ...closed.values].map((i) => i.value.id),
    ),
  ]);
  const planOf = new Map(plans.map((p) => [p.value.meetingId, p]));
  const last = closed.values.at(-1)?.value;
  const view = (v: (typeof open)[number]) => registerItemView(ports.catalogue, v, actions.get(v.value.id));
  return {
    panelId: panel.id,
    panelName: panel.name,
    role,
    leads: leadsRegister(role),
    plans: role === "coordinator",
    open: open
      .map(view)
      .sort((a, b) => a.raised.at.localeCompare(b.raised.at) || a.reference.localeCompare(b.reference)),
    closed: closed.values.map(view),
    closedNext: closed.more && last ? { at: last.outcome?.at ?? last.raised.at, id: last.id } : null,
    owners: [...people.values()]
      .map((p) => ({ id: p.id, name: p.displayName }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    reviewMeetings: lately
      .reverse()
      .map((m) => ({ id: m.id, description: describeOccurrence({ ...m, panelId: panel.id }) })),
    forwardPlan: coming.map((m) => {
      const plan = planOf.get(m.id);
      return {
        meetingId: m.id,
        description: describeOccurrence({ ...m, panelId: panel.id }),
        topics: plan?.value.topics ?? [],
        version: plan?.etag ?? "none",
      };
    }),
  };
}
