import type { TransactionAction } from "@azure/data-tables";
import { Meeting, Series } from "../../domain/schedule/meeting.js";
import { MeetingChat, MeetingJoinLink } from "../../domain/schedule/meeting-chat.js";
import { KeyHeldByAnotherPanel, type MeetingStore } from "../../application/ports/meetings.js";
import { AlreadyExists, ConcurrencyConflict, type Versioned } from "../../application/ports/versioned.js";
import { EntityStore, isStatus, keyOf } from "./entity-store.js";
import { TABLES, type TableFactory } from "./storage.js";

// A panel's calendar lives in one partition: its series and one row per meeting, keyed by the date
// the rule gave it. A panel's meetings over any range are one query. The chats of the panels'
// Teams meetings are keyed in a partition of their own (no panel id has a "|"), and their join
// links in another, so the app opened inside a meeting finds its panel with one point read.

const meetingRow = (id: string): string => `meeting|${id}`;
const CHATS = "chats|";
const JOINS = "joins|";

/** Writes a key once: the same panel again changes nothing; another panel's key is never moved. */
async function insertOnce<T extends Record<string, unknown> & { panelId: string }>(
  store: EntityStore<T>,
  [key, partition]: [KeyHeldByAnotherPanel["key"], string],
  row: string,
  link: T,
  by: string,
): Promise<void> {
  try {
    await store.insert(link, by);
  } catch (e) {
    if (!(e instanceof AlreadyExists)) throw e;
    const held = await store.get(partition, row);
    if (held && held.value.panelId !== link.panelId) throw new KeyHeldByAnotherPanel(key, held.value.panelId);
  }
}

export function meetingRecords(tables: TableFactory): MeetingStore {
  const client = tables(TABLES.meetings);
  const series = new EntityStore(client, Series, (s) => ({
    partitionKey: keyOf(s.panelId),
    rowKey: "series",
  }));
  const meetings = new EntityStore(client, Meeting, (m) => ({
    partitionKey: keyOf(m.panelId),
    rowKey: meetingRow(m.id),
  }));
  const chats = new EntityStore(client, MeetingChat, (c) => ({
    partitionKey: CHATS,
    rowKey: keyOf(c.chatId),
  }));
  const joins = new EntityStore(client, MeetingJoinLink, (j) => ({
    partitionKey: JOINS,
    rowKey: keyOf(j.joinKey),
  }));
  return {
    linkChat: (link, by) => insertOnce(chats, ["chat", CHATS], keyOf(link.chatId), link, by),
    chatLink: async (chatId: string) => (await chats.get(CHATS, keyOf(chatId)))?.value,
    linkJoinUrl: (link, by) => insertOnce(joins, ["join link", JOINS], keyOf(link.joinKey), link, by),
    joinUrlLink: async (joinKey: string) => (await joins.get(JOINS, keyOf(joinKey)))?.value,
    insertSeries: (s, by) => series.insert(s, by),
    replaceSeries: (s, etag, by) => series.replace(s, etag, by),
    replaceMeeting: (m, etag, by) => meetings.replace(m, etag, by),
    seriesOf: (panelId: string) => series.get(keyOf(panelId), "series"),
    meeting: (panelId: string, id: string) => meetings.get(keyOf(panelId), meetingRow(id)),
    /** Meetings whose rule date is from `from` to `to`, in date order. */
    async between(panelId: string, from: string, to: string): Promise<Versioned<Meeting>[]> {
      const found: Versioned<Meeting>[] = [];
      const filter = `PartitionKey eq '${keyOf(panelId)}' and RowKey ge '${meetingRow(from)}' and RowKey le '${meetingRow(to)}'`;
      for await (const entity of client.listEntities({ queryOptions: { filter } })) {
        found.push(meetings.fromEntity(entity));
      }
      return found;
    },
    /**
     * Writes meetings in transactions of up to 100 (one partition each): new ones are created,
     * known ones replaced only if unchanged since they were read.
     */
    async saveAll(rows: { value: Meeting; etag: string | undefined }[], updatedBy: string): Promise<void> {
      for (let i = 0; i < rows.length; i += 100) {
        const actions: TransactionAction[] = rows
          .slice(i, i + 100)
          .map((r) =>
            r.etag
              ? meetings.replaceAction(r.value, r.etag, updatedBy)
              : meetings.createAction(r.value, updatedBy),
          );
        if (!actions.length) continue;
        try {
          await client.submitTransaction(actions);
        } catch (e) {
          if (isStatus(e, 412) || isStatus(e, 409))
            throw new ConcurrencyConflict(client.tableName, undefined);
          throw e;
        }
      }
    },
  };
}
