import {
  DeliveryFailed,
  type ActionChanges,
  type ActionForCard,
  type NoticeMessenger,
  type Place,
  type ReminderContent,
  type ReminderMessenger,
  type SentMessage,
} from "../../../bot/src/application/ports/messengers.js";
import type { Log } from "../../../bot/src/application/ports/log.js";
import type { AccessRequest } from "../../../bot/src/domain/people/access-request.js";
import type { AccessNotice, ReferralNotice } from "../../../bot/src/domain/referrals/notice.js";
import type { Referral } from "../../../bot/src/domain/referrals/referral.js";

// Recording stand-ins for Teams: they keep what was sent, reach only the chats and channels a test
// opens, and fail or hold a send when a test says so.

const where = (place: Place): string =>
  place.scope === "personal" ? `personal:${place.personId}` : `channel:${place.panelId}`;

/** A channel's conversation id, as Teams names one. */
export const channelOf = (panelId: string): string => `19:${panelId}@thread.tacv2`;

export class FakeReminderMessenger implements ReminderMessenger {
  readonly sent: { place: Place; content: ReminderContent; activityId: string }[] = [];
  private readonly open = new Set<string>();
  private readonly failures: { place: string; error: DeliveryFailed; times: number }[] = [];
  private held: { arrived: () => void; released: Promise<void> } | undefined;

  /** People who have a chat with the app, panels with a channel linked. */
  reach(...places: Place[]): this {
    for (const p of places) this.open.add(where(p));
    return this;
  }

  /** The next `times` sends to `place` fail with `error`. */
  fail(place: Place, error: DeliveryFailed, times = Number.POSITIVE_INFINITY): void {
    this.failures.push({ place: where(place), error, times });
  }

  /** The next send waits until released: `arrived` resolves once it is waiting. */
  hold(): { arrived: Promise<void>; release: () => void } {
    let arrived = () => undefined as void;
    let release = () => undefined as void;
    const reached = new Promise<void>((resolve) => (arrived = resolve));
    this.held = { arrived, released: new Promise<void>((resolve) => (release = resolve)) };
    return { arrived: reached, release };
  }

  reaches = async (place: Place): Promise<boolean> => this.open.has(where(place));

  send = async (place: Place, content: ReminderContent): Promise<SentMessage> => {
    const held = this.held;
    this.held = undefined;
    if (held) {
      held.arrived();
      await held.released;
    }
    if (!this.open.has(where(place)))
      throw new DeliveryFailed(true, "There is no longer a way to reach the person's chat.");
    const failure = this.failures.find((f) => f.place === where(place) && f.times > 0);
    if (failure) {
      failure.times -= 1;
      throw failure.error;
    }
    const activityId = `activity-${this.sent.length + 1}`;
    this.sent.push({ place, content, activityId });
    const conversationKey = place.scope === "personal" ? place.personId : channelOf(place.panelId);
    return { activityId, conversationKey };
  };

  /** What went where, as `personal:<id>` or `channel:<panel>` and the action's reference or the escalation's list. */
  deliveries(): string[] {
    return this.sent.map(({ place, content }) =>
      content.type === "action"
        ? `${content.kind} ${content.action.reference} to ${where(place)}`
        : `escalation of ${content.actions.map((a) => a.reference).join(", ")} to ${where(place)}`,
    );
  }
}

export class FakeNoticeMessenger implements NoticeMessenger {
  readonly sent: { recipientId: string; notice: ReferralNotice; reference: string; version: string }[] = [];
  /** Access-request cards sent: to whom, which kind, and the request as it stood. */
  readonly accessSent: { recipientId: string; kind: AccessNotice["kind"]; request: AccessRequest }[] = [];
  private readonly chats = new Set<string>();

  /** People who have opened a chat with the app. */
  reach(...personIds: string[]): this {
    for (const id of personIds) this.chats.add(id);
    return this;
  }

  send = async (
    recipientId: string,
    notice: ReferralNotice,
    referral: Referral,
    version: string,
  ): Promise<boolean> => {
    if (!this.chats.has(recipientId)) return false;
    this.sent.push({ recipientId, notice, reference: referral.reference, version });
    return true;
  };

  sendAccess = async (
    recipientId: string,
    notice: AccessNotice,
    request: AccessRequest,
  ): Promise<boolean> => {
    if (!this.chats.has(recipientId)) return false;
    this.accessSent.push({ recipientId, kind: notice.kind, request: structuredClone(request) });
    return true;
  };
}

export class FakeActionChanges implements ActionChanges {
  readonly changes: (ActionForCard & { overdue: boolean; version: string })[] = [];
  changed(action: ActionForCard & { overdue: boolean; version: string }): void {
    this.changes.push(structuredClone(action));
  }
}

/** A log kept in memory: warnings and errors are something a test may want to see. */
export class FakeLog implements Log {
  readonly lines: { level: "info" | "warn" | "error"; fields: object | string; message?: string }[] = [];
  info = (fields: object | string, message?: string) =>
    void this.lines.push({ level: "info", fields, message });
  warn = (fields: object | string, message?: string) =>
    void this.lines.push({ level: "warn", fields, message });
  error = (fields: object | string, message?: string) =>
    void this.lines.push({ level: "error", fields, message });
}
