import type { TurnContext } from "botbuilder";
import type { Logger } from "pino";
import type { ActionLog } from "../../application/actions/action-log.js";
import type { MeetingRoom } from "../../application/meeting-room/meeting-room.js";
import type { AccessDesk } from "../../application/people/access-desk.js";
import type { ReferralDesk } from "../../application/referrals/referral-desk.js";
import type { Directory } from "../../application/ports/directory.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { Repositories } from "../tables/repositories.js";
import { tabLinks, type TabLinks } from "./tab-links.js";

/** What the bot's commands and card actions are given. */
export interface BotDependencies {
  catalogue: Catalogue;
  repos: Repositories;
  directory: Directory;
  log: Logger;
  publicUrl: string;
  /** The Teams app's id, where known: links then open the tab inside Teams. */
  teamsAppId?: string | undefined;
  now: () => Date;
  /** The UK hour from which each day's action reminders are sent. */
  remindersFromHour: number;
  desk: ReferralDesk;
  actionLog: ActionLog;
  room: MeetingRoom;
  access: AccessDesk;
  /** Empty locally (the playground), the bot's app ID in Azure. */
  botAppId: string;
  /** The action cards being updated after a change: the one pressed is left to the press's answer. */
  actionCards?: { leaveAsPressed(activityId: string): void };
  /** Someone opened a chat with the bot for the first time: notices waiting for them can go. */
  onNewPersonalChat: () => void;
}

/** Links to the tasks the bot's cards ask for, in the tab. */
export const linksOf = (deps: BotDependencies): TabLinks => tabLinks(deps.publicUrl, deps.teamsAppId);

/** What a typed command is given: the turn, the bot's dependencies and what was typed. */
export interface CommandTurn {
  context: TurnContext;
  deps: BotDependencies;
  /** Trimmed and lower-cased, as the patterns are written. */
  text: string;
  /** Trimmed only: a note typed after `done` keeps its capitals. */
  rawText: string;
}
