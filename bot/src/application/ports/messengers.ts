import type { Action } from "../../domain/actions/action.js";
import type { ReminderKind } from "../../domain/actions/reminder-policy.js";
import type { AccessRequest } from "../../domain/people/access-request.js";
import type { AccessNotice, ReferralNotice } from "../../domain/referrals/notice.js";
import type { Referral } from "../../domain/referrals/referral.js";

// Where messages go: Teams in the service, recording stand-ins in tests. The application decides
// what is sent, when, to whom and how often; a messenger only sends.

export type Place = { scope: "personal"; personId: string } | { scope: "channel"; panelId: string };

/** An action as a message shows it, with the version its buttons act on. */
export type ActionForCard = Action & { ownerAgency: string; version: string };

export type ReminderContent =
  | { type: "action"; kind: ReminderKind; action: ActionForCard; panelName: string }
  | {
      type: "escalation";
      panelId: string;
      panelName: string;
      actions: ActionForCard[];
    };

export interface SentMessage {
  activityId: string;
  conversationKey: string;
}

/** A send that failed: `permanent` when trying again cannot help (the chat is gone). */
export class DeliveryFailed extends Error {
  constructor(
    readonly permanent: boolean,
    reason: string,
  ) {
    super(reason);
    this.name = "DeliveryFailed";
  }
}

export interface ReminderMessenger {
  /** Whether the place exists (a panel may have no channel linked). */
  reaches(place: Place): Promise<boolean>;
  send(place: Place, content: ReminderContent): Promise<SentMessage>;
}

export interface NoticeMessenger {
  /**
   * Sends a notice's card to its recipient's personal chat: false when they have not opened a chat
   * with the app yet. Throws when Teams does not take it.
   */
  send(recipientId: string, notice: ReferralNotice, referral: Referral, version: string): Promise<boolean>;
  /** The same for a request to join a panel: to a coordinator to decide, or to the requester. */
  sendAccess(recipientId: string, notice: AccessNotice, request: AccessRequest): Promise<boolean>;
}

/** Told when an action changes, so every card sent about it can show the change. */
export interface ActionChanges {
  changed(action: ActionForCard & { overdue: boolean; version: string }): void;
}
