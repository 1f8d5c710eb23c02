import { DateTime } from "luxon";

// A presenter is invited to their own slot only (000, 001): its start and end, the meeting's join
// link and the case reference. Invitations travel by email and calendar, so they carry no child's
// name or any other identifying detail.

export interface PresenterSlot {
  /** The case reference, such as MER-2026-0042. */
  caseReference: string;
  start: string;
  end: string;
  /** Why the person is expected, such as "allocated social worker (000 §2)". */
  as?: string;
}

export function slotInviteText(
  panelTitle: string,
  slot: PresenterSlot,
  joinUrl: string | null,
): { subject: string; body: string } {
  const start = DateTime.fromISO(slot.start, { setZone: true }).setZone("Europe/London");
  const end = DateTime.fromISO(slot.end, { setZone: true }).setZone("Europe/London");
  return {
    subject: `${panelTitle}: your presentation slot for ${slot.caseReference}`,
    body: [
      `You are invited to present ${slot.caseReference} at the ${panelTitle} on ${start.toFormat("cccc d LLLL yyyy")}, from ${start.toFormat("HH:mm")} to ${end.toFormat("HH:mm")} (UK time).`,
      ...(slot.as ? [`Why you are expected: ${slot.as}.`] : []),
      joinUrl
        ? `Join the panel's Teams meeting a few minutes before your slot: ${joinUrl}`
        : "The panel's coordinator will send you the link to join.",
      "The case details and the agenda are in the MACE panels tab in Teams. Please do not reply to this invitation with case details.",
    ].join("\n\n"),
  };
}
