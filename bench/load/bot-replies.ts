import type { RecordingConnector } from "../../test/support/connector.js";
import { texts, type Card } from "../../test/support/teams-chat.js";

// Whether the bot answered well: a message's reply reaches the connector before the bot's HTTP
// answer (the turn awaits it), matched by replyToId; an invoke's reply is the HTTP answer itself.

const ADAPTIVE = "application/vnd.microsoft.card.adaptive";
// The bot's words when a turn fails, and when it does not know what was typed.
const APOLOGY = /^Sorry\b/;

/**
 * The connector's activities, indexed by the message they reply to as they are read. A notice
 * the bot sends on its own carries the replyToId of the chat's last message, long answered.
 */
export function botReplies(connector: RecordingConnector) {
  const byReplyTo = new Map<string, Record<string, unknown>[]>();
  const answered = new Set<string>();
  let read = 0;
  let notices = 0;
  const catchUp = () => {
    for (; read < connector.sent.length; read++) {
      const activity = connector.sent[read]?.activity ?? {};
      const replyTo = activity["replyToId"];
      if (typeof replyTo !== "string" || answered.has(replyTo)) notices += 1;
      else byReplyTo.set(replyTo, [...(byReplyTo.get(replyTo) ?? []), activity]);
    }
  };
  return {
    /** The replies to one message, once its HTTP answer is in. */
    to(id: string): Record<string, unknown>[] {
      catchUp();
      const found = byReplyTo.get(id) ?? [];
      byReplyTo.delete(id);
      answered.add(id);
      return found;
    },
    /** What the bot sent on its own (notices of referrals), and any reply to a message not yet answered. */
    notices(): number {
      catchUp();
      return notices + [...byReplyTo.values()].reduce((a, r) => a + r.length, 0);
    },
    total: () => connector.sent.length,
  };
}

const shown = (activity: Record<string, unknown>): string[] => [
  ...(typeof activity["text"] === "string" ? [activity["text"]] : []),
  ...((activity["attachments"] as { content?: unknown }[] | undefined) ?? []).flatMap((a) =>
    texts(a.content),
  ),
];

/** What is wrong with a message's replies, if anything; `expect` is a text the reply must show. */
export function checkMessage(replies: Record<string, unknown>[], expect?: string): string | undefined {
  if (!replies.length) return "no reply reached the connector";
  const lines = replies.flatMap(shown);
  const apology = lines.find((l) => APOLOGY.test(l));
  if (apology) return `the bot replied "${apology.slice(0, 80)}"`;
  if (expect && !lines.includes(expect)) return `the reply did not show "${expect}"`;
  return undefined;
}

/** step: a step of the referral form, going on or offering Send; receipt: the referral was sent. */
export type InvokeCheck = "step" | "receipt";

export const cardOf = (body: unknown): Card =>
  ((body as { value?: unknown } | undefined)?.value ?? {}) as Card;

export function checkInvoke(body: unknown, expect: InvokeCheck): string | undefined {
  const reply = body as { statusCode?: number; type?: string; value?: unknown } | undefined;
  if (reply?.statusCode !== 200 || reply.type !== ADAPTIVE)
    return `the press was answered ${reply?.statusCode} ${String(reply?.type)}: ${JSON.stringify(reply?.value).slice(0, 120)}`;
  const card = cardOf(body);
  const lines = texts(card);
  if (expect === "step") {
    const goesOn = (card["actions"] as { verb?: string; data?: { to?: string } }[] | undefined)?.some(
      (a) => a.verb === "referral.submit" || (a.verb === "referral.step" && a.data?.to === "next"),
    );
    return goesOn ? undefined : `no step to go on from: ${lines.slice(0, 3).join(" / ")}`;
  }
  return lines.some((l) => /^Referral [A-Z]+-\d{4}-\d+ sent/.test(l))
    ? undefined
    : `no receipt: ${lines.slice(0, 3).join(" / ")}`;
}
