import {
  AgendaDraft,
  PublishedAgenda,
  SlotInvitationSent,
} from "../../../bot/src/domain/agenda/agenda-draft.js";
import { SignIn } from "../../../bot/src/domain/attendance/sign-in.js";
import { Meeting, Series } from "../../../bot/src/domain/schedule/meeting.js";
import { MeetingChat, MeetingJoinLink } from "../../../bot/src/domain/schedule/meeting-chat.js";
import {
  KeyHeldByAnotherPanel,
  SignInCardPosted,
  StoredApology,
  type AgendaStore,
  type MeetingRoomStore,
  type MeetingStore,
} from "../../../bot/src/application/ports/meetings.js";
import { AlreadyExists, ConcurrencyConflict } from "../../../bot/src/application/ports/versioned.js";
import { Calls, FakeTable, insertRow, keyOf, Refused, replaceRow, type Write } from "./records.js";

// The meeting ports in memory, keyed as meeting-records.ts, agenda-records.ts and
// meeting-room-records.ts key the Meetings and Agendas tables.

const meetingRow = (id: string) => `meeting|${id}`;
const meetingPartition = (panelId: string, meetingId: string) => keyOf(`${panelId}|${meetingId}`);
const versionRow = (n: number) => `version|${String(n).padStart(4, "0")}`;

/** What a batch write refused means to the meeting stores: someone else wrote first. */
function batch(table: FakeTable, name: string, writes: Write[]): void {
  try {
    table.transact(writes);
  } catch (e) {
    if (e instanceof Refused && (e.status === 409 || e.status === 412))
      throw new ConcurrencyConflict(name, undefined);
    throw e;
  }
}

export function fakeMeetings(now: () => Date): MeetingStore & { calls: Calls } {
  const table = new FakeTable(now);
  const calls = new Calls();
  const counted = <T>(name: string, answer: () => T): Promise<T> => {
    calls.count(name);
    return Promise.resolve().then(answer);
  }; // As the Meetings table keys chats and join links: once, and never moved to another panel.
  const insertOnce = (pk: string, rk: string, value: { panelId: string }, by: string): void => {
    const held = table.get<{ panelId: string }>(pk, rk);
    if (held && held.value.panelId !== value.panelId)
      throw new KeyHeldByAnotherPanel(pk === "chats|" ? "chat" : "join link", held.value.panelId);
    if (!held) table.write({ op: "create", pk, rk, value, by });
  };

  const put = (m: Meeting) => ({ pk: keyOf(m.panelId), rk: meetingRow(m.id), value: Meeting.parse(m) });
  return {
    calls,
    seriesOf: (panelId) => counted("seriesOf", () => table.get<Series>(keyOf(panelId), "series")),
    insertSeries: (s, by) =>
      counted("insertSeries", () =>
        insertRow<Series>(table, "Meetings", {
          pk: keyOf(s.panelId),
          rk: "series",
          value: Series.parse(s),
          by,
        }),
      ),
    replaceSeries: (s, etag, by) =>
      counted("replaceSeries", () =>
        replaceRow<Series>(table, "Meetings", {
          pk: keyOf(s.panelId),
          rk: "series",
          value: Series.parse(s),
          by,
          etag,
        }),
      ),
    meeting: (panelId, id) => counted("meeting", () => table.get<Meeting>(keyOf(panelId), meetingRow(id))),
    between: (panelId, from, to) =>
      counted("between", () =>
        table.list<Meeting>(keyOf(panelId), (rk) => rk >= meetingRow(from) && rk <= meetingRow(to)),
      ),
    saveAll: (rows, by) =>
      counted("saveAll", () => {
        for (let i = 0; i < rows.length; i += 100) {
          const writes = rows
            .slice(i, i + 100)
            .map((r): Write =>
              r.etag
                ? { op: "replace", ...put(r.value), by, etag: r.etag }
                : { op: "create", ...put(r.value), by },
            );
          if (writes.length) batch(table, "Meetings", writes);
        }
      }),
    replaceMeeting: (m, etag, by) =>
      counted("replaceMeeting", () => replaceRow<Meeting>(table, "Meetings", { ...put(m), by, etag })),
    linkChat: (link, by) =>
      counted("linkChat", () => insertOnce("chats|", keyOf(link.chatId), MeetingChat.parse(link), by)),
    chatLink: (chatId) => counted("chatLink", () => table.get<MeetingChat>("chats|", keyOf(chatId))?.value),
    linkJoinUrl: (link, by) =>
      counted("linkJoinUrl", () =>
        insertOnce("joins|", keyOf(link.joinKey), MeetingJoinLink.parse(link), by),
      ),
    joinUrlLink: (joinKey) =>
      counted("joinUrlLink", () => table.get<MeetingJoinLink>("joins|", keyOf(joinKey))?.value),
  };
}

export function fakeAgendas(
  now: () => Date,
): AgendaStore & { calls: Calls; published(panelId: string, meetingId: string): PublishedAgenda[] } {
  const table = new FakeTable(now);
  const calls = new Calls();
  const draftOf = (d: AgendaDraft) => ({
    pk: meetingPartition(d.panelId, d.meetingId),
    rk: "draft",
    value: AgendaDraft.parse(d),
  });
  return {
    calls,
    draft(panelId, meetingId) {
      calls.count("draft");
      return Promise.resolve(table.get<AgendaDraft>(meetingPartition(panelId, meetingId), "draft"));
    },
    async saveDraft(d, etag, by) {
      calls.count("saveDraft");
      if (etag) replaceRow(table, "Agendas", { ...draftOf(d), by, etag });
      else insertRow(table, "Agendas", { ...draftOf(d), by });
    },
    async publish(d, etag, version, by) {
      calls.count("publish");
      const v = PublishedAgenda.parse(version);
      batch(table, "Agendas", [
        etag ? { op: "replace", ...draftOf(d), by, etag } : { op: "create", ...draftOf(d), by },
        {
          op: "create",
          pk: meetingPartition(v.panelId, v.meetingId),
          rk: versionRow(v.version),
          value: v,
          by,
        },
      ]);
    },
    invitationsSent(panelId, meetingId) {
      calls.count("invitationsSent");
      return Promise.resolve(
        table
          .range<SlotInvitationSent>(meetingPartition(panelId, meetingId), "invitation|")
          .map((i) => SlotInvitationSent.parse(i.value)),
      );
    },
    async keepInvitation(i, by) {
      calls.count("keepInvitation");
      const value = SlotInvitationSent.parse(i);
      table.write({
        op: "upsert",
        pk: meetingPartition(i.panelId, i.meetingId),
        rk: `invitation|${i.key}`,
        value,
        by,
      });
    },
    published: (panelId, meetingId) =>
      table.range<PublishedAgenda>(meetingPartition(panelId, meetingId), "version|").map((v) => v.value),
  };
}

export function fakeMeetingRoom(now: () => Date): MeetingRoomStore & { calls: Calls } {
  const table = new FakeTable(now);
  const calls = new Calls();
  const signInRow = (personId: string) => `signin|${keyOf(personId)}`;
  return {
    calls,
    async signIn(s) {
      calls.count("signIn");
      const value = SignIn.parse(s);
      const pk = meetingPartition(s.panelId, s.meetingId);
      try {
        insertRow(table, "Agendas", { pk, rk: signInRow(s.personId), value, by: s.personId });
        return { signIn: value, first: true };
      } catch (e) {
        if (!(e instanceof AlreadyExists)) throw e;
        return { signIn: table.get<SignIn>(pk, signInRow(s.personId))?.value ?? value, first: false };
      }
    },
    async addApology(a, by) {
      calls.count("addApology");
      const value = StoredApology.parse(a);
      insertRow(table, "Agendas", {
        pk: meetingPartition(a.panelId, a.meetingId),
        rk: `apology|${a.id}`,
        value,
        by,
      });
    },
    async postCardOnce(c) {
      calls.count("postCardOnce");
      const value = SignInCardPosted.parse(c);
      try {
        insertRow(table, "Agendas", {
          pk: meetingPartition(c.panelId, c.meetingId),
          rk: "signin-card",
          value,
          by: c.by,
        });
        return true;
      } catch (e) {
        if (e instanceof AlreadyExists) return false;
        throw e;
      }
    },
    async forgetCardPosted(panelId, meetingId) {
      calls.count("forgetCardPosted");
      const pk = meetingPartition(panelId, meetingId);
      if (table.get(pk, "signin-card")) table.transact([{ op: "delete", pk, rk: "signin-card" }]);
    },
    async room(panelId, meetingId) {
      calls.count("room");
      const pk = meetingPartition(panelId, meetingId);
      return {
        signIns: table.range<SignIn>(pk, "signin|").map((s) => s.value),
        apologies: table.range<StoredApology>(pk, "apology|"),
        cardPosted: !!table.get(pk, "signin-card"),
      };
    },
  };
}
