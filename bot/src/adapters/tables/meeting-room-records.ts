import { SignIn } from "../../domain/attendance/sign-in.js";
import { SignInCardPosted, StoredApology, type MeetingRoomStore } from "../../application/ports/meetings.js";
import { AlreadyExists, type Versioned } from "../../application/ports/versioned.js";
import { EntityStore, keyOf } from "./entity-store.js";
import { TABLES, type TableFactory } from "./storage.js";

// Who signed in to a meeting, the apologies, and whether the sign-in card went to the channel: in
// the meeting's own partition of the Agendas table, beside its agenda, so the meeting page and its
// minutes read them in one query.

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
    /** Everyone signed in, the apologies, and whether the card was posted, in one query. */
    async room(
      panelId: string,
      meetingId: string,
    ): Promise<{ signIns: SignIn[]; apologies: Versioned<StoredApology>[]; cardPosted: boolean }> {
      const found = {
        signIns: [] as SignIn[],
        apologies: [] as Versioned<StoredApology>[],
        cardPosted: false,
      };
      const partition = partitionOf(panelId, meetingId).replace(/'/g, "''");
      const filter = `PartitionKey eq '${partition}' and ((RowKey ge 'apology|' and RowKey lt 'apology}') or (RowKey ge 'signin' and RowKey lt 'signin}'))`;
      for await (const entity of client.listEntities({ queryOptions: { filter } })) {
        const row = String(entity.rowKey);
        if (row.startsWith("signin|")) found.signIns.push(signIns.fromEntity(entity).value);
        else if (row.startsWith("apology|")) found.apologies.push(apologies.fromEntity(entity));
        else if (row === "signin-card") found.cardPosted = true;
      }
      return found;
    },
  };
}
