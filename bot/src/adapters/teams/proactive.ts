import type { CloudAdapter, ConversationReference, TurnContext } from "botbuilder";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { keyOf } from "../tables/entity-store.js";
import type { Repositories } from "../tables/repositories.js";

const SEND_TIMEOUT_MS = 20_000;

/** Rejects if `work` has not settled within `ms`. */
export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Teams did not answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs `work` in a stored conversation, as the bot, outside any user's turn. A failure comes back
 * to the caller: left to the adapter, it would reach the turn-error handler, which apologises into
 * the very conversation that could not be reached.
 */
export async function inConversation<T>(
  adapter: CloudAdapter,
  botAppId: string,
  reference: Record<string, unknown>,
  work: (context: TurnContext) => Promise<T>,
  timeoutMs = SEND_TIMEOUT_MS,
): Promise<T> {
  let result: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
  await withTimeout(
    adapter.continueConversationAsync(
      botAppId,
      reference as Partial<ConversationReference>,
      async (context) => {
        try {
          result = { ok: true, value: await work(context) };
        } catch (error) {
          result = { ok: false, error };
        }
      },
    ),
    timeoutMs,
  );
  if (!result) throw new Error("Teams did not run the conversation");
  if (!result.ok) throw result.error;
  return result.value;
}

/** The channel a panel's coordinator linked it to, as the bot stored it; undefined if none. */
export async function panelChannel(
  repos: Repositories,
  catalogue: Catalogue,
  panelId: string,
): Promise<{ key: string; reference: Record<string, unknown> } | undefined> {
  const panel = catalogue.panels.get(panelId);
  if (!panel) return undefined;
  const stored = await repos.panels.get(keyOf(panel.areaId), keyOf(panel.id));
  const channelId = stored?.value.channel?.channelId;
  if (!channelId) return undefined;
  const channel = await repos.conversations.get("channel", keyOf(channelId));
  return channel && { key: channelId, reference: channel.value.reference };
}
