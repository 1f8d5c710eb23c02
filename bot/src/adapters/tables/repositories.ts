import { z } from "zod";
import { Agency, Panel } from "../../domain/catalogue/panel.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { Membership, Person } from "../../domain/people/membership.js";
import { EntityStore, keyOf } from "./entity-store.js";
import { TABLES, type TableFactory } from "./storage.js";

export const StoredPanel = Panel.extend({
  areaId: z.string(),
  // Where the panel's cards go in Teams; set by a coordinator, edited with ETags.
  channel: z.strictObject({ teamId: z.string(), channelId: z.string(), name: z.string() }).nullable(),
});
export type StoredPanel = z.infer<typeof StoredPanel>;

export const ConversationRecord = z.strictObject({
  scope: z.enum(["channel", "personal"]),
  /** Channel: the conversation id; personal: the user's Entra object id. */
  key: z.string(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  reference: z.record(z.string(), z.unknown()),
});
export type ConversationRecord = z.infer<typeof ConversationRecord>;

const StoredAgency = Agency.extend({ areaId: z.string() });

/**
 * Someone who signed in from a meeting's sign-in card in Teams, by their Teams user id: the card's
 * `refresh.userIds`, so each of them keeps seeing their own "You are signed in" view of it.
 */
export const SignInCardViewer = z.strictObject({
  panelId: z.string().max(80),
  meetingId: z.iso.date(),
  teamsUserId: z.string().min(1).max(200),
  at: z.iso.datetime(),
});
export type SignInCardViewer = z.infer<typeof SignInCardViewer>;

/** The repositories the service uses; keys are chosen for the queries each one serves. */
export function repositories(tables: TableFactory) {
  return {
    // One partition per area: an area's panels in one query; one panel by point read.
    panels: new EntityStore(tables(TABLES.panels), StoredPanel, (p) => ({
      partitionKey: keyOf(p.areaId),
      rowKey: keyOf(p.id),
    })),
    agencies: new EntityStore(tables(TABLES.agencies), StoredAgency, (a) => ({
      partitionKey: keyOf(a.areaId),
      rowKey: keyOf(a.id),
    })),
    people: new EntityStore(tables(TABLES.people), Person, (p) => ({
      partitionKey: "person",
      rowKey: keyOf(p.id),
    })),
    // A person's panels are one partition; a panel's members are one partition of the mirror table.
    memberships: new EntityStore(tables(TABLES.memberships), Membership, (m) => ({
      partitionKey: keyOf(m.personId),
      rowKey: keyOf(m.panelId),
    })),
    panelMembers: new EntityStore(tables(TABLES.panelMembers), Membership, (m) => ({
      partitionKey: keyOf(m.panelId),
      rowKey: keyOf(m.personId),
    })),
    conversations: new EntityStore(tables(TABLES.conversations), ConversationRecord, (c) => ({
      partitionKey: c.scope,
      rowKey: keyOf(c.key),
    })),
    // In the meeting's own partition of Agendas, beside its sign-ins; one row each, so two people
    // signing in together both stay on the list.
    signInCardViewers: new EntityStore(tables(TABLES.agendas), SignInCardViewer, (v) => ({
      partitionKey: keyOf(`${v.panelId}|${v.meetingId}`),
      rowKey: `card-viewer|${keyOf(v.teamsUserId)}`,
    })),
  };
}
export type Repositories = ReturnType<typeof repositories>;

/**
 * Several people from the directory, by point reads sent together: a filter naming several row
 * keys would make Table Storage scan the whole directory partition.
 */
export async function peopleByIds(repos: Repositories, ids: string[]): Promise<Map<string, Person>> {
  const found = await Promise.all([...new Set(ids)].map((id) => repos.people.get("person", keyOf(id))));
  return new Map(found.flatMap((p) => (p ? [[p.value.id, p.value] as const] : [])));
}

/** Writes the validated catalogue to storage; run at every start, it changes nothing the second time. */
export async function seedCatalogue(repos: Repositories, catalogue: Catalogue): Promise<void> {
  for (const agency of catalogue.agencies.values()) await repos.agencies.upsert(agency, "catalogue");
  for (const panel of catalogue.panels.values()) {
    const existing = await repos.panels.get(keyOf(panel.areaId), keyOf(panel.id));
    const stored: StoredPanel = { ...panel, channel: existing?.value.channel ?? null };
    if (existing && JSON.stringify(existing.value) === JSON.stringify(StoredPanel.parse(stored))) continue;
    if (existing) await repos.panels.replace(stored, existing.etag, "catalogue");
    else await repos.panels.insert(stored, "catalogue");
  }
}
