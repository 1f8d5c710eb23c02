import type { SlotInvitationSent } from "../../domain/agenda/agenda-draft.js";
import type { Agenda } from "../../domain/agenda/build.js";
import { invitedTo } from "../../domain/agenda/slot-attendance.js";
import type { PresenterSlot } from "../../domain/schedule/slot-invite.js";
import type { TeamsCalendar } from "../ports/teams-calendar.js";
import type { MeetingScheduler } from "../scheduling/meeting-scheduler.js";
import { slotInvitationKey } from "../scheduling/invite-presenter.js";
import type { AgendaPorts } from "./agenda-ports.js";

// Each published version of an agenda brings the slot invitations in line with it: everyone it
// expects at a slot, or wants should the worker not come, has an invitation for that slot's time;
// an invitation a later version no longer calls for (the person need not attend, the case left
// the agenda, its slot moved) is withdrawn, so nobody keeps a slot in their calendar they should
// not come to. What was sent is kept with the agenda, one row an invitation.

export type Invitations = { scheduler: MeetingScheduler; calendar: TeamsCalendar } | undefined;

interface Wanted {
  key: string;
  personId: string;
  person: { name: string; email: string };
  slot: PresenterSlot;
}

export interface InvitationsOutcome {
  invited: number;
  withdrawn: number;
  /** Why some could not be sent or withdrawn, in words for the coordinator. */
  why: string | null;
}

export async function bringInvitationsInLine(
  ports: Pick<AgendaPorts, "directory" | "agendas" | "now">,
  ids: { panelId: string; meetingId: string },
  slots: Agenda["entries"][number]["slots"],
  version: number,
  invitations: NonNullable<Invitations>,
): Promise<InvitationsOutcome> {
  const [people, sent] = await Promise.all([
    ports.directory.people(slots.flatMap((slot) => invitedTo(slot.expected))),
    ports.agendas.invitationsSent(ids.panelId, ids.meetingId),
  ]);
  const wanted: Wanted[] = slots.flatMap((slot) =>
    slot.expected.flatMap((expected) => {
      const person = expected.personId && expected.attends !== "need-not" && people.get(expected.personId);
      if (!person) return [];
      const presenterSlot = {
        caseReference: slot.references.join(", "),
        start: slot.start,
        end: slot.end,
        as: expected.reasons.join("; "),
      };
      return [
        {
          key: slotInvitationKey(ids.panelId, ids.meetingId, presenterSlot, person.email),
          personId: person.id,
          person: { name: person.displayName, email: person.email },
          slot: presenterSlot,
        },
      ];
    }),
  );
  const kept = new Map(sent.map((s) => [s.key, s]));
  const wantedKeys = new Set(wanted.map((w) => w.key));
  let invited = 0;
  let withdrawn = 0;
  let why: string | null = null;
  const keep = (i: SlotInvitationSent) => ports.agendas.keepInvitation(i, "agenda publishing");

  for (const w of wanted) {
    const before = kept.get(w.key);
    const sends = before ? before.sends + (before.withdrawnAt ? 1 : 0) : 1;
    try {
      const { eventId } = await invitations.scheduler.invitePresenter(
        ids.panelId,
        ids.meetingId,
        w.slot,
        w.person,
        invitations.calendar,
        sends,
      );
      invited += 1;
      if (!before || before.withdrawnAt || before.eventId !== eventId)
        await keep({
          ...ids,
          key: w.key,
          personId: w.personId,
          eventId,
          caseReference: w.slot.caseReference,
          start: w.slot.start,
          sentAt: ports.now().toISOString(),
          sends,
          withdrawnAt: null,
        });
    } catch (e) {
      why = (e as Error).message;
    }
  }

  for (const s of sent) {
    if (s.withdrawnAt || wantedKeys.has(s.key)) continue;
    try {
      await invitations.calendar.withdrawSlotInvite(
        s.eventId,
        `Version ${version} of the agenda no longer expects you at this slot (${s.caseReference}): you need not attend it.`,
      );
      await keep({ ...s, withdrawnAt: ports.now().toISOString() });
      withdrawn += 1;
    } catch (e) {
      why = (e as Error).message;
    }
  }
  return { invited, withdrawn, why };
}
