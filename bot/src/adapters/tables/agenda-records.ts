import { AgendaDraft, PublishedAgenda, SlotInvitationSent } from "../../domain/agenda/agenda-draft.js";
import type { AgendaStore } from "../../application/ports/meetings.js";
import { ConcurrencyConflict } from "../../application/ports/versioned.js";
import { EntityStore, isStatus, keyOf } from "./entity-store.js";
import { TABLES, type TableFactory } from "./storage.js";

// A meeting's agenda is one partition: its draft (the coordinator's choices), every published
// version and the slot invitations sent for it. Reading or changing it costs the same however many meetings the panel has had.

const partitionOf = (panelId: string, meetingId: string): string => keyOf(`${panelId}|${meetingId}`);
const versionRow = (n: number): string => `version|${String(n).padStart(4, "0")}`;

export function agendaRecords(tables: TableFactory): AgendaStore {
  const client = tables(TABLES.agendas);
  const drafts = new EntityStore(client, AgendaDraft, (d) => ({
    partitionKey: partitionOf(d.panelId, d.meetingId),
    rowKey: "draft",
  }));
  const versions = new EntityStore(client, PublishedAgenda, (v) => ({
    partitionKey: partitionOf(v.panelId, v.meetingId),
    rowKey: versionRow(v.version),
  }));
  const invitations = new EntityStore(client, SlotInvitationSent, (i) => ({
    partitionKey: partitionOf(i.panelId, i.meetingId),
    rowKey: `invitation|${i.key}`,
  }));
  return {
    invitationsSent: async (panelId, meetingId) =>
      (await invitations.listRange(partitionOf(panelId, meetingId), "invitation|")).map((i) => i.value),
    keepInvitation: (i, by) => invitations.upsert(i, by),
    draft: (panelId, meetingId) => drafts.get(partitionOf(panelId, meetingId), "draft"),
    async saveDraft(d, etag, by) {
      if (etag) await drafts.replace(d, etag, by);
      else await drafts.insert(d, by);
    },
    async publish(d, etag, version, by) {
      try {
        await client.submitTransaction([
          etag ? drafts.replaceAction(d, etag, by) : drafts.createAction(d, by),
          versions.createAction(version, by),
        ]);
      } catch (e) {
        if (isStatus(e, 409) || isStatus(e, 412)) throw new ConcurrencyConflict(client.tableName, undefined);
        throw e;
      }
    },
  };
}
