import {
  minutesStatus,
  agreementWindow,
  nothingRecorded,
  type AgreementInput,
  type MinutesAgreement,
  type MinutesStatus,
} from "../../domain/minutes/record.js";
import type { Panel } from "../../domain/catalogue/panel.js";
import type { Actor } from "../../domain/people/actor.js";
import type { PanelRole } from "../../domain/people/membership.js";
import { Refusal } from "../../domain/refusal.js";
import { addDays, dayInWords, localDay } from "../../domain/schedule/dates.js";
import { occurrencesBetween } from "../../domain/schedule/occurrences.js";
import { describeOccurrence } from "../../domain/schedule/describe.js";
import { auditEntry } from "../audit/audit-trail.js";
import { chairsOf } from "../decisions/how-taken.js";
import { knownMeeting } from "../panels/known-panels.js";
import { AlreadyExists, ConcurrencyConflict, type Versioned } from "../ports/versioned.js";
import type { MinutesPorts } from "./minutes-ports.js";

// The minutes' agreement. At the panel's next meeting, under "minutes and outstanding actions",
// the coordinator signed in to it records the previous meeting's minutes as agreed, with any
// correction the panel asked for. Where the terms of reference keep the minutes inside the panel
// without the chairs' agreement (002, 004), a chair of the panel then agrees to their circulation,
// between meetings; until then they are not exported for the agencies.

/** The panel's meeting before this one, by its rule; null for its first. */
export const previousMeetingOf = (
  ports: Pick<MinutesPorts, "catalogue">,
  panelId: string,
  meetingId: string,
) =>
  occurrencesBetween(ports.catalogue, panelId, addDays(meetingId, -370), addDays(meetingId, -1)).at(-1)
    ?.date ?? null;

/** The panel's meeting after this one, by its rule: where its minutes are agreed. */
export const nextMeetingOf = (ports: Pick<MinutesPorts, "catalogue">, panelId: string, meetingId: string) =>
  occurrencesBetween(ports.catalogue, panelId, addDays(meetingId, 1), addDays(meetingId, 370))[0]?.date ??
  null;

const circulationOf = (panel: Panel) => panel.minutesCirculation ?? "on-agreement";

/** Where a meeting's minutes stand. */
export async function statusOf(
  ports: MinutesPorts,
  panel: Panel,
  meetingId: string,
): Promise<{ status: MinutesStatus; agreement: Versioned<MinutesAgreement> | undefined }> {
  const agreement = await ports.minutesRecord.agreement(panel.id, meetingId);
  return {
    agreement,
    status: minutesStatus(agreement?.value, circulationOf(panel), nextMeetingOf(ports, panel.id, meetingId)),
  };
}

/**
 * Whether anything was recorded at a meeting: a sign-in, a decision (the chairs' ones recorded
 * against it too), an action or a note. Four reads, each one range or point read, sent together.
 */
async function recordedAt(
  ports: MinutesPorts,
  panel: { id: string; areaId: string },
  meetingId: string,
): Promise<boolean> {
  const [room, decisions, actions, notes] = await Promise.all([
    ports.room.room(panel.id, meetingId),
    ports.casework.decisionsAt(panel.areaId, panel.id, meetingId),
    ports.casework.actionsAt(panel.areaId, panel.id, meetingId),
    ports.minutesRecord.notes(panel.id, meetingId),
  ]);
  return [room.signIns, decisions, actions, notes].some((found) => found.length > 0);
}

export interface PreviousMinutesView {
  /** The meeting whose minutes this meeting agrees; null at the panel's first. */
  meetingId: string | null;
  meetingDescription: string | null;
  status: MinutesStatus | null;
  /** Whether this person can record them agreed now, and why not. */
  canAgree: boolean;
  why: string | null;
  /** Whether this person, a chair, can agree to their circulation now. */
  canAgreeCirculation: boolean;
  version: string;
}

/** The previous meeting's minutes, as this meeting's "minutes and outstanding actions" item shows them. */
export async function previousMinutes(
  ports: MinutesPorts,
  actor: Actor,
  role: PanelRole,
  panelId: string,
  meetingId: string,
): Promise<PreviousMinutesView> {
  const { panel } = knownMeeting(ports.catalogue, panelId, meetingId);
  const previous = previousMeetingOf(ports, panelId, meetingId);
  if (!previous)
    return {
      meetingId: null,
      meetingDescription: null,
      status: null,
      canAgree: false,
      why: "This is the panel's first meeting: there are no minutes to agree.",
      canAgreeCirculation: false,
      version: "none",
    };
  const [{ status, agreement }, recorded] = await Promise.all([
    statusOf(ports, panel, previous),
    recordedAt(ports, panel, previous),
  ]);
  const [occurrence] = occurrencesBetween(ports.catalogue, panelId, previous, previous);
  const meetingDescription = occurrence ? describeOccurrence(occurrence) : null;
  if (!agreement && !recorded) {
    const none = nothingRecorded(previous);
    return {
      meetingId: previous,
      meetingDescription,
      status: none,
      canAgree: false,
      why: none.words,
      canAgreeCirculation: false,
      version: "none",
    };
  }
  const window = agreementWindow(meetingId, previous, localDay(ports.now()), agreement?.value);
  return {
    meetingId: previous,
    meetingDescription,
    status,
    canAgree: role === "coordinator" && window.open,
    why: role === "coordinator" ? window.why : "The panel's coordinator records the minutes as agreed.",
    canAgreeCirculation: role === "chair" && status.state === "awaiting-chair",
    version: agreement?.etag ?? "none",
  };
}

const notNow = (message: string, code: string) => new Refusal("not-now", message, { code });

/** Records the previous meeting's minutes as agreed at this one: the coordinator, signed in, on its day. */
export async function agreePreviousMinutes(
  ports: MinutesPorts,
  actor: Actor,
  role: PanelRole,
  panelId: string,
  meetingId: string,
  input: AgreementInput,
): Promise<MinutesStatus> {
  const { panel } = knownMeeting(ports.catalogue, panelId, meetingId);
  if (role !== "coordinator")
    throw new Refusal("not-allowed", "Only the panel's coordinators record the minutes as agreed.", {
      code: "not-coordinator",
    });
  const previous = previousMeetingOf(ports, panelId, meetingId);
  const [existing, { signIns }] = await Promise.all([
    previous ? ports.minutesRecord.agreement(panelId, previous) : Promise.resolve(undefined),
    ports.room.room(panelId, meetingId),
  ]);
  const window = agreementWindow(meetingId, previous, localDay(ports.now()), existing?.value);
  if (!window.open || !previous)
    throw notNow(
      window.why ?? "",
      existing ? "already-agreed" : previous ? "not-meeting-day" : "no-previous-minutes",
    );
  if (!signIns.some((s) => s.personId === actor.id))
    throw notNow(
      "Sign in to the meeting first: the minutes are agreed by the panel, recorded by a coordinator signed in to the meeting.",
      "not-signed-in",
    );
  if (!(await recordedAt(ports, panel, previous)))
    throw notNow(nothingRecorded(previous).words, "nothing-recorded");
  const agreement: MinutesAgreement = {
    panelId,
    meetingId: previous,
    agreedAt: meetingId,
    agreedById: actor.id,
    agreedByName: actor.name,
    at: ports.now().toISOString(),
    correction: input.correction,
    circulation: null,
  };
  try {
    await ports.minutesRecord.saveAgreement(agreement, null, actor.name);
  } catch (e) {
    if (e instanceof AlreadyExists)
      throw notNow(`The minutes of ${dayInWords(previous)} have been agreed.`, "already-agreed");
    throw e;
  }
  await audit(ports, panel, actor, "minutes.agreed", previous, "tab agenda");
  return minutesStatus(agreement, circulationOf(panel), meetingId);
}

/**
 * A chair of the panel agrees to the circulation of minutes the panel has agreed, where its terms
 * of reference ask for it; on the version read, once.
 */
export async function agreeCirculation(
  ports: MinutesPorts,
  actor: Actor,
  role: PanelRole,
  panelId: string,
  meetingId: string,
  version: string,
): Promise<MinutesStatus> {
  const { panel } = knownMeeting(ports.catalogue, panelId, meetingId);
  if (role !== "chair")
    throw new Refusal(
      "not-allowed",
      "Only a chair of the panel agrees to the minutes going to the agencies.",
      {
        code: "not-chair",
      },
    );
  if (circulationOf(panel) !== "with-chairs-agreement")
    throw notNow(
      "This panel's minutes go to the agencies once the panel has agreed them: no chair's agreement is asked for.",
      "not-needed",
    );
  const existing = await ports.minutesRecord.agreement(panelId, meetingId);
  if (!existing)
    throw notNow(
      `These minutes are a draft: the panel agrees them at its next meeting${nextWords(ports, panelId, meetingId)}, and a chair agrees to their circulation after that.`,
      "not-agreed",
    );
  if (existing.value.circulation)
    throw notNow("A chair has already agreed to these minutes going to the agencies.", "already-agreed");
  if (existing.etag !== version)
    throw new Refusal(
      "conflict",
      "These minutes changed after you opened them. Reload to see them, then agree again.",
      { code: "changed-by-someone-else" },
    );
  const chair = (await chairsOf(ports, panelId)).find((c) => c.id === actor.id);
  const agreement: MinutesAgreement = {
    ...existing.value,
    circulation: { chairId: actor.id, chairName: chair?.name ?? actor.name, on: localDay(ports.now()) },
  };
  try {
    await ports.minutesRecord.saveAgreement(agreement, existing.etag, actor.name);
  } catch (e) {
    if (e instanceof ConcurrencyConflict)
      throw notNow("A chair has already agreed to these minutes going to the agencies.", "already-agreed");
    throw e;
  }
  await audit(ports, panel, actor, "minutes.circulation-agreed", meetingId, "tab minutes");
  return minutesStatus(agreement, circulationOf(panel), nextMeetingOf(ports, panelId, meetingId));
}

const nextWords = (ports: MinutesPorts, panelId: string, meetingId: string) => {
  const next = nextMeetingOf(ports, panelId, meetingId);
  return next ? `, on ${dayInWords(next)}` : "";
};

async function audit(
  ports: MinutesPorts,
  panel: Panel & { areaId: string },
  actor: Actor,
  action: "minutes.agreed" | "minutes.circulation-agreed",
  meetingId: string,
  via: string,
) {
  await ports.casework.appendAudit(panel.areaId, [
    auditEntry(ports.now(), {
      areaId: panel.areaId,
      panelId: panel.id,
      actorId: actor.id,
      action,
      subjectId: null,
      reference: `minutes ${meetingId}`.slice(0, 20),
      via,
    }),
  ]);
}
