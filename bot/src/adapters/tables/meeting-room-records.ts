import { SignIn } from "../../domain/attendance/sign-in.js";
import { SignInCardPosted, StoredApology, type MeetingRoomStore } from "../../application/ports/meetings.js";
import { AlreadyExists, type Versioned } from "../../application/ports/versioned.js";
import type { TableEntityResult } from "@azure/data-tables";
import { EntityStore, keyOf, rangeFilter } from "./entity-store.js";
import { TABLES, type TableFactory } from "./storage.js";

// Who signed in to a meeting, the apologies, and whether the sign-in card went to the channel: in
// the meeting's own partition of the Agendas table, beside its agenda, so the meeting page and its
// minutes read them in two key ranges sent together.

const partitionOf = (panelId: string, meetingId: string): string => keyOf(`${panelId}|${meetingId}`);

export function meetingRoomRecords(tables: TableFactory): MeetingRoomStore {
  const client = tables(TABLES.agendas);
  const signIns = new EntityStore(client, SignIn, (s) => ({
    partitionKey: partitionOf(s.panelId, s.meetingId),
    rowKey: `signin|${keyOf(s.personId)}`,
  }));
  const apologies = new EntityStore(client, StoredApology, (a) => ({
    partitionKey: partitionOf(a.panelId, a.meetingId),
    rowKey: `apology|${a.id}`,
  }));
  const cardPosted = new EntityStore(client, SignInCardPosted, (c) => ({
    partitionKey: partitionOf(c.panelId, c.meetingId),
    rowKey: "signin-card",
  }));
  return {
    addApology: async (a, by) => void (await apologies.insert(a, by)),
    /** Records a sign-in; a second press of the same person changes nothing and returns the first. */
    async signIn(s: SignIn): Promise<{ signIn: SignIn; first: boolean }> {
      try {
        await signIns.insert(s, s.personId);
        return { signIn: s, first: true };
      } catch (e) {
        if (!(e instanceof AlreadyExists)) throw e;
        const existing = await signIns.get(
          partitionOf(s.panelId, s.meetingId),
          `signin|${keyOf(s.personId)}`,
        );
        return { signIn: existing?.value ?? s, first: false };
      }
    },
    /** Marks the sign-in card as posted; false if it already was. */
    async postCardOnce(c: SignInCardPosted): Promise<boolean> {
      try {
        await cardPosted.insert(c, c.by);
        return true;
      } catch (e) {
        if (e instanceof AlreadyExists) return false;
        throw e;
      }
    },
    /** Forgets a posting that did not happen (no channel, or Teams refused), so it can be tried again. */
    async forgetCardPosted(panelId: string, meetingId: string): Promise<void> {
      await client.deleteEntity(partitionOf(panelId, meetingId), "signin-card").catch(() => undefined);
    },
    /**
     * Everyone signed in, the apologies, and whether the card was posted: two key ranges of the
     * meeting's partition, read together (`signin…` holds the sign-ins and the card's row).
     */
    async room(
      panelId: string,
      meetingId: string,
    ): Promise<{ signIns: SignIn[]; apologies: Versioned<StoredApology>[]; cardPosted: boolean }> {
      const partition = partitionOf(panelId, meetingId);
      const rows = async (prefix: string) => {
        const found: TableEntityResult<Record<string, unknown>>[] = [];
        const filter = rangeFilter(partition, prefix);
        for await (const e of client.listEntities<Record<string, unknown>>({ queryOptions: { filter } }))
          found.push(e);
        return found;
      };
      const [signed, apologised] = await Promise.all([rows("signin"), rows("apology|")]);
      return {
        signIns: signed
          .filter((e) => String(e.rowKey).startsWith("signin|"))
          .map((e) => signIns.fromEntity(e).value),
        apologies: apologised.map((e) => apologies.fromEntity(e)),
        cardPosted: signed.some((e) => e.rowKey === "signin-card"),
      };
    },
  };
}
