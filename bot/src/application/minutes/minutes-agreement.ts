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
import { dayInWords, localDay } from "../../domain/schedule/dates.js";
import { auditEntry } from "../audit/audit-trail.js";
import { chairsOf } from "../decisions/how-taken.js";
import { knownMeeting } from "../panels/known-panels.js";
import { heldDay } from "../panels/meeting-days.js";
import { AlreadyExists, ConcurrencyConflict } from "../ports/versioned.js";
import { refuseSubjectDetail } from "./meeting-wide-text.js";
import type { MinutesPorts } from "./minutes-ports.js";
import { circulationOf, minutesCancelled, nextMeetingOf, previousMeetingOf } from "./previous-minutes.js";

// The minutes' agreement. At the panel's next meeting, under "minutes and outstanding actions",
// the coordinator signed in to it records the previous meeting's minutes as agreed, with any
// correction the panel asked for. Where the terms of reference keep the minutes inside the panel
// without the chairs' agreement (002, 004), a chair of the panel then agrees to their circulation,
// between meetings; until then they are not exported for the agencies.

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
  const found = await previousMeetingOf(ports, panel, meetingId);
  const previous = found?.meetingId ?? null;
  const [existing, { signIns }, { day: heldOn, cancelled }] = await Promise.all([
    previous ? ports.minutesRecord.agreement(panelId, previous) : Promise.resolve(undefined),
    ports.room.room(panelId, meetingId),
    heldDay(ports, panelId, meetingId),
  ]);
  const window =
    cancelled && found
      ? minutesCancelled(found.held.date)
      : agreementWindow(heldOn, found?.held.date ?? null, localDay(ports.now()), existing?.value);
  if (!window.open || !previous)
    throw notNow(
      window.why ?? "",
      cancelled
        ? "meeting-cancelled"
        : existing
          ? "already-agreed"
          : previous
            ? "not-meeting-day"
            : "no-previous-minutes",
    );
  if (!signIns.some((s) => s.personId === actor.id))
    throw notNow(
      "Sign in to the meeting first: the minutes are agreed by the panel, recorded by a coordinator signed in to the meeting.",
      "not-signed-in",
    );
  if (!found?.recorded) throw notNow(nothingRecorded(found?.held.date ?? previous).words, "nothing-recorded");
  if (input.correction) await refuseSubjectDetail(ports, panel, previous, "correction", input.correction);
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
      throw notNow(`The minutes of ${dayInWords(found.held.date)} have been agreed.`, "already-agreed");
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
      `These minutes are a draft: the panel agrees them at its next meeting${await nextWords(ports, panelId, meetingId)}, and a chair agrees to their circulation after that.`,
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
  return minutesStatus(agreement, circulationOf(panel), await nextMeetingOf(ports, panelId, meetingId));
}

const nextWords = async (ports: MinutesPorts, panelId: string, meetingId: string) => {
  const next = await nextMeetingOf(ports, panelId, meetingId);
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
