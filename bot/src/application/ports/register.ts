import type { Action } from "../../domain/actions/action.js";
import type { MeetingPlan } from "../../domain/strategic/forward-plan.js";
import type { RegisterItem } from "../../domain/strategic/register-item.js";
import type { Page, PagePosition } from "./stored-records.js";
import type { Versioned } from "./versioned.js";

// A strategic panel's register and forward plan, kept in their area's records so an entry, its
// audit entry and its notices are written together. An entry is one point read; the open ones
// are one range; the closed ones, the latest closed first, a page of a range; the plans of the
// coming meetings one range from a date.

export interface RegisterRecords {
  registerItem(areaId: string, panelId: string, id: string): Promise<Versioned<RegisterItem> | undefined>;
  openRegisterItems(areaId: string, panelId: string): Promise<Versioned<RegisterItem>[]>;
  closedRegisterItems(
    areaId: string,
    panelId: string,
    size: number,
    after?: PagePosition,
  ): Promise<Page<RegisterItem>>;
  /** The actions on each of these entries, read together: one range each. */
  registerItemActions(areaId: string, panelId: string, itemIds: string[]): Promise<Map<string, Action[]>>;
  meetingPlan(
    areaId: string,
    panelId: string,
    meetingId: string,
  ): Promise<Versioned<MeetingPlan> | undefined>;
  /** The plans of the panel's meetings on or after `from`, soonest first. */
  meetingPlansFrom(areaId: string, panelId: string, from: string): Promise<Versioned<MeetingPlan>[]>;
}

/** Written in a casework unit: created when there is no `before`, else moved on from it. */
export interface RegisterWrites {
  putRegisterItem(item: RegisterItem, before: Versioned<RegisterItem> | undefined): void;
  putMeetingPlan(plan: MeetingPlan, before: Versioned<MeetingPlan> | undefined): void;
}
