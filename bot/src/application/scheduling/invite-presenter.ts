import { createHash } from "node:crypto";
import { slotInviteText, type PresenterSlot } from "../../domain/schedule/slot-invite.js";
import type { Invitee, TeamsCalendar } from "../ports/teams-calendar.js";
import { refuse, schedulingPanel, seriesTitle, type SchedulingPorts } from "./scheduling-ports.js";

/** The same for the same slot, case and person, however often the agenda is published. */
export const slotInvitationKey = (panelId: string, meetingId: string, slot: PresenterSlot, email: string) =>
  `slot-${createHash("sha256")
    .update([panelId, meetingId, slot.caseReference, slot.start, email.toLowerCase()].join("|"))
    .digest("hex")
    .slice(0, 40)}`;

/**
 * Invites a presenter to their own slot of a meeting in Teams: a separate calendar event with the
 * slot's times, the meeting's join link and the case reference. Inviting again for the same slot
 * does not send a second invitation; `sends` above one makes a new one, for a person expected
 * again after their invitation was withdrawn.
 */
export async function invitePresenter(
  ports: Pick<SchedulingPorts, "catalogue" | "meetings">,
  panelId: string,
  meetingId: string,
  slot: PresenterSlot,
  presenter: Invitee,
  calendar: TeamsCalendar,
  sends = 1,
): Promise<{ eventId: string }> {
  const panel = schedulingPanel(ports, panelId);
  const held = await ports.meetings.meeting(panelId, meetingId);
  if (!held || held.value.status === "cancelled") {
    throw refuse(
      "conflict",
      "not-in-teams",
      "That meeting is not in Teams calendars, so its presenters cannot be invited through Teams.",
    );
  }
  const text = slotInviteText(seriesTitle(ports, panel), slot, held.value.joinUrl);
  const key = slotInvitationKey(panelId, meetingId, slot, presenter.email);
  return calendar.inviteToSlot({
    ...text,
    start: slot.start,
    end: slot.end,
    attendees: [presenter],
    joinUrl: held.value.joinUrl,
    transactionId: sends > 1 ? `${key}-${sends}` : key,
  });
}
