import { AgendaDraft, PublishedAgenda } from "../../domain/agenda/agenda-draft.js";
import { EntityStore, keyOf } from "./entity-store.js";
import { TABLES, type TableFactory } from "./storage.js";

// A meeting's agenda is one partition: its draft (the coordinator's choices) and every published
// version. Reading or changing it costs the same however many meetings the panel has had.

const partitionOf = (panelId: string, meetingId: string): string => keyOf(`${panelId}|${meetingId}`);
const versionRow = (n: number): string => `version|${String(n).padStart(4, "0")}`;

export function agendaRecords(tables: TableFactory) {
  const client = tables(TABLES.agendas);
  const drafts = new EntityStore(client, AgendaDraft, (d) => ({
    partitionKey: partitionOf(d.panelId, d.meetingId),
    rowKey: "draft",
  }));
  const versions = new EntityStore(client, PublishedAgenda, (v) => ({
    partitionKey: partitionOf(v.panelId, v.meetingId),
    rowKey: versionRow(v.version),
  }));
  return {
    client,
    drafts,
    versions,
    draft: (panelId: string, meetingId: string) => drafts.get(partitionOf(panelId, meetingId), "draft"),
    latestVersion: async (panelId: string, meetingId: string, version: number) =>
      version > 0 ? versions.get(partitionOf(panelId, meetingId), versionRow(version)) : undefined,
  };
}
export type AgendaRecords = ReturnType<typeof agendaRecords>;
