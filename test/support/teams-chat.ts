import { keyOf } from "../../bot/src/adapters/tables/entity-store.js";
import { repositories } from "../../bot/src/adapters/tables/repositories.js";
import { tableFactory, TABLES } from "../../bot/src/adapters/tables/storage.js";
import { azurite } from "./azurite.js";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { Person } from "../../bot/src/domain/people/membership.js";
import { call } from "./http.js";

// Drives the bot as Teams does: messages and Action.Execute invokes posted to /api/messages, with
// the service URL pointing at a recording connector that catches what the bot sends back.

export const TENANT = "00000000-0000-4000-8000-00000000d0e1";
export const BOT = { id: "28:mace-bot", name: "MACE panels" };

export interface TeamsUser {
  id: string;
  name: string;
  aadObjectId: string;
}
export type Card = Record<string, unknown>;
export interface InvokeReply {
  statusCode: number;
  type: string;
  value: Card | string;
}

/** A demo person as Teams sends them in an activity: a Teams user id beside their Entra object id. */
export const teamsUser = (person: Person): TeamsUser => ({
  id: `29:${(person.displayName.split(" ")[0] ?? "").toLowerCase()}`,
  name: person.displayName,
  aadObjectId: person.id,
});

export const personalChat = (user: { id: string }) => `a:personal-${user.id}`;

/** Every text a card shows: text blocks and facts. */
export const texts = (card: unknown): string[] => {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const o = node as Record<string, unknown>;
      if (o["type"] === "TextBlock" && typeof o["text"] === "string") out.push(o["text"]);
      if (o["type"] === "Fact") out.push(`${String(o["title"])}: ${String(o["value"])}`);
      if (Array.isArray(o["facts"]))
        for (const f of o["facts"] as { title: string; value: string }[]) out.push(`${f.title}: ${f.value}`);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
};

/** A card's inputs by id. */
export const inputs = (card: unknown): Record<string, Card> => {
  const found: Record<string, Card> = {};
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const o = node as Card;
      if (typeof o["type"] === "string" && o["type"].startsWith("Input.")) found[String(o["id"])] = o;
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return found;
};

/** The data of a card's first button with this verb (and, for moves through a form, going `to`). */
export const actionData = (card: Card, verb: string, to?: string) =>
  ((card["actions"] ?? []) as { verb?: string; data: Record<string, unknown> }[]).find(
    (a) => a.verb === verb && (to === undefined || a.data["to"] === to),
  )?.data ?? {};

export function teamsChat(serviceUrl: () => string, connectorUrl: () => string, channel: string) {
  const base = (from: TeamsUser, conversation: Record<string, unknown>) => ({
    channelId: "msteams",
    serviceUrl: connectorUrl(),
    id: randomUUID(),
    from,
    recipient: BOT,
    conversation: { tenantId: TENANT, ...conversation },
    channelData: { tenant: { id: TENANT } },
  });
  const inPersonal = (from: TeamsUser) =>
    base(from, { id: personalChat(from), conversationType: "personal" });
  /** In the channel; with `threadOf`, as a reply in the thread that message started. */
  const inChannel = (from: TeamsUser, threadOf?: string) => ({
    ...base(from, {
      id: threadOf ? `${channel};messageid=${threadOf}` : channel,
      conversationType: "channel",
      name: "MACE panels",
    }),
    ...(threadOf ? { replyToId: threadOf } : {}),
    channelData: {
      tenant: { id: TENANT },
      team: { id: "19:team", name: "Merton MACE" },
      channel: { id: channel },
    },
  });
  const post = async (activity: object) => {
    const res = await call<InvokeReply | undefined>({ url: serviceUrl() }, "/api/messages", {
      body: activity,
    });
    return { status: res.status, body: res.body };
  };
  const say = (where: object, text: string) => post({ ...where, type: "message", text });
  const press = async (where: object, verb: string, data: Record<string, unknown>): Promise<InvokeReply> => {
    const res = await post({
      ...where,
      type: "invoke",
      name: "adaptiveCard/action",
      value: { action: { type: "Action.Execute", verb, data } },
    });
    assert.equal(res.status, 200);
    assert.ok(res.body);
    return res.body;
  };
  const cardOf = (reply: InvokeReply): Card => {
    assert.equal(reply.type, "application/vnd.microsoft.card.adaptive", JSON.stringify(reply.value));
    return reply.value as Card;
  };
  return { inPersonal, inChannel, post, say, press, cardOf };
}

/**
 * Forgets the personal chats other suites left for these people in the shared Azurite: their
 * connectors are gone, so a notice sent there would wait out its retries instead of arriving.
 */
export async function forgetPersonalChats(people: { aadObjectId: string }[]): Promise<void> {
  const { connectionString } = await azurite();
  const table = tableFactory({ kind: "connection-string", connectionString })(TABLES.conversations);
  for (const p of people) await table.deleteEntity("personal", keyOf(p.aadObjectId)).catch(() => undefined);
}

/**
 * Unlinks a panel's channel that pointed at a suite's own connector, now closed: later suites'
 * reminders and card updates for the panel would otherwise wait on a connector nobody answers.
 */
export async function forgetPanelChannel(areaId: string, panelId: string): Promise<void> {
  const { connectionString } = await azurite();
  const panels = repositories(tableFactory({ kind: "connection-string", connectionString })).panels;
  const stored = await panels.get(keyOf(areaId), keyOf(panelId));
  if (stored?.value.channel && stored.etag)
    await panels.replace({ ...stored.value, channel: null }, stored.etag, "test");
}
