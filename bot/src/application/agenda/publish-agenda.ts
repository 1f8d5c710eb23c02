import type { AgendaDraft, PublishedAgenda } from "../../domain/agenda/agenda-draft.js";
import type { Agenda } from "../../domain/agenda/build.js";
import { invitedTo } from "../../domain/agenda/slot-attendance.js";
import type { Actor } from "../../domain/people/actor.js";
import { describeOccurrence } from "../../domain/schedule/describe.js";
import { ConcurrencyConflict, type Versioned } from "../ports/versioned.js";
import { Refusal } from "../../domain/refusal.js";
import type { AgendaPorts } from "./agenda-ports.js";
import { agendaChanged, loadAgenda } from "./load-agenda.js";
import { bringInvitationsInLine, type Invitations } from "./slot-invitations.js";

export interface PublishResult {
  version: number;
  /** Presenters sent an invitation to their own slot. */
  invited: number;
  /** Invitations sent for an earlier version that this one no longer calls for, now withdrawn. */
  withdrawn: number;
  notInvited: number;
  /** Why some were not invited, in words for the coordinator. */
  why: string | null;
  /** The panel's channel is being told (it has one linked). */
  channelTold: boolean;
}

export type { Invitations };

/** The agenda as published: references, times and presenters, never names or rationales. */
function frozen(agenda: Agenda): string {
  return JSON.stringify({
    start: agenda.start,
    end: agenda.end,
    entries: agenda.entries.map((e) => ({
      id: e.id,
      kind: e.kind,
      title: e.title,
      start: e.start,
      end: e.end,
      slots: e.slots.map((slot) => ({
        references: slot.references,
        start: slot.start,
        end: slot.end,
        presenterIds: slot.presenterIds,
        invited: invitedTo(slot.expected),
      })),
      listed: e.listed.map((l) => ({ reference: l.reference })),
    })),
  });
}

/** The next version and the draft's count in one write: a second publish of the same draft is refused. */
async function storeVersion(
  ports: Pick<AgendaPorts, "agendas" | "now">,
  actor: Actor,
  draft: Versioned<AgendaDraft> | undefined,
  ids: { panelId: string; meetingId: string },
  agenda: Agenda,
): Promise<number> {
  const number = (draft?.value.publishedVersions ?? 0) + 1;
  const nextDraft: AgendaDraft = { ...ids, choices: draft?.value.choices ?? {}, publishedVersions: number };
  const published: PublishedAgenda = {
    ...ids,
    version: number,
    publishedAt: ports.now().toISOString(),
    publishedBy: actor.name,
    agenda: frozen(agenda),
  };
  try {
    await ports.agendas.publish(nextDraft, draft?.etag ?? null, published, actor.name);
  } catch (e) {
    if (e instanceof ConcurrencyConflict)
      throw agendaChanged("Reload the agenda: someone published or changed it just now.");
    throw e;
  }
  return number;
}

/**
 * Freezes the agenda as the next version, tells the panel's channel, then brings the slot
 * invitations in line with it through the organiser's Teams calendar, if there is one.
 */
export async function publishAgenda(
  ports: AgendaPorts,
  actor: Actor,
  panelId: string,
  meetingId: string,
  version: string | null,
  invitations: Invitations,
): Promise<PublishResult> {
  const { panel, meeting, draft, agenda } = await loadAgenda(ports, panelId, meetingId);
  if (meeting.status === "cancelled")
    throw new Refusal("not-now", "That meeting is cancelled, so its agenda cannot be published.", {
      code: "cancelled",
    });
  if ((draft?.etag ?? null) !== version)
    throw agendaChanged("Reload the agenda: it has changed since you opened it.");
  if (agenda.unplaced.length) {
    throw new Refusal(
      "not-now",
      `Place ${agenda.unplaced.map((c) => c.reference).join(", ")} in a section of the agenda before publishing it.`,
      { code: "cases-to-place" },
    );
  }
  const ids = { panelId, meetingId };
  const number = await storeVersion(ports, actor, draft, ids, agenda);

  const slots = agenda.entries.flatMap((e) => e.slots).filter((slot) => invitedTo(slot.expected).length);
  const channelTold =
    (await ports.announcer
      ?.agendaPublished({
        panelId,
        panelName: panel.name,
        meetingId,
        meetingDescription: describeOccurrence({
          panelId,
          date: meeting.date,
          start: meeting.start,
          end: meeting.end,
        }),
        version: number,
        slots: agenda.entries.reduce((n, e) => n + e.slots.length, 0),
      })
      .catch(() => false)) ?? false;
  if (!invitations) {
    return {
      version: number,
      invited: 0,
      withdrawn: 0,
      notInvited: slots.length,
      why: "MACE panels is not connected to Teams calendars here",
      channelTold,
    };
  }
  const { invited, withdrawn, why } = await bringInvitationsInLine(ports, ids, slots, number, invitations);
  const presenters = slots.reduce((n, s) => n + invitedTo(s.expected).length, 0);
  return { version: number, channelTold, invited, withdrawn, notInvited: presenters - invited, why };
}
