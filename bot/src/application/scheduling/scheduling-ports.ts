import { knownPanel } from "../panels/known-panels.js";
import { DateTime } from "luxon";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { Panel } from "../../domain/catalogue/panel.js";
import type { HeldTodayCache } from "../panels/held-today.js";
import type { Directory } from "../ports/directory.js";
import type { Log } from "../ports/log.js";
import type { MeetingStore } from "../ports/meetings.js";
import type { TeamsChats } from "../ports/teams-chats.js";
import { Refusal, type RefusalReason } from "../../domain/refusal.js";

/** What the scheduling commands need; each declares the part it uses. */
export interface SchedulingPorts {
  catalogue: Catalogue;
  directory: Directory;
  meetings: MeetingStore;
  /** Which meeting a Teams meeting chat is, as Teams says. */
  chats: TeamsChats;
  log: Log;
  now: () => Date;
  /** Told when a meeting changes day or is cancelled: the sign-in card's timer reads it afresh. */
  heldToday?: Pick<HeldTodayCache, "forget">;
}

export type PanelInArea = Panel & { areaId: string };
export const LONDON = "Europe/London";
export const longDay = (date: string): string => DateTime.fromISO(date).toFormat("cccc d LLLL yyyy");

export const refuse = (reason: RefusalReason, code: string, message: string) =>
  new Refusal(reason, message, { code });

export function schedulingPanel(ports: Pick<SchedulingPorts, "catalogue">, panelId: string): PanelInArea {
  return knownPanel(ports.catalogue, panelId);
}

/** The meetings' title in calendars: the area and the panel. */
export function seriesTitle(ports: Pick<SchedulingPorts, "catalogue">, panel: PanelInArea): string {
  const area = ports.catalogue.areas.find((a) => a.id === panel.areaId)?.name ?? "";
  return `${area} ${panel.name}`.trim();
}
