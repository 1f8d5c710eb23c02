import { Refusal, reasonOfStatus } from "./refusal.js";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import {
  Capacity,
  quorumOf,
  representsAgency,
  type Quorum,
  type SignIn,
} from "../domain/attendance/sign-in.js";
import type { Catalogue } from "../domain/catalogue/catalogue.js";
import { DECISION_KINDS, DECISION_LABELS, DISRUPTIONS } from "../domain/decisions/decision.js";
import type { PanelRole } from "../domain/people/membership.js";
import { localDay } from "../domain/schedule/dates.js";
import { occurrencesBetween } from "../domain/schedule/occurrences.js";
import { describeOccurrence } from "../domain/schedule/describe.js";
import { keyOf } from "../adapters/tables/entity-store.js";
import type { MeetingRoomRecords } from "../adapters/tables/meeting-room-records.js";
import type { Repositories } from "../adapters/tables/repositories.js";

// A meeting as it runs: attendees sign in for their agency and agree to the panel's information
// sharing and confidentiality statement; the coordinator records apologies; quorum follows from
// who has signed in. During the meeting, names are shown only to those who have signed in.

export class MeetingRoomRefused extends Refusal {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    code: string,
    message: string,
  ) {
    super(reasonOfStatus(status), message, { code });
    this.name = "MeetingRoomRefused";
  }
}

interface Actor {
  id: string;
  name: string;
}

export const SignInInput = z.strictObject({
  agencyId: z.string().min(1, "choose the agency you represent").max(80),
  capacity: Capacity,
  agreed: z.literal(true, "agree to the statement to sign in"),
});
export type SignInInput = z.infer<typeof SignInInput>;

export const ApologyInput = z.strictObject({
  agencyId: z.string().min(1, "choose the agency").max(80),
  personName: z.string().trim().min(2, "give the name of the person sending apologies").max(120),
});

export interface RoomView {
  panelId: string;
  meetingId: string;
  meetingDescription: string;
  /** The statement every attendee agrees to when signing in. */
  statement: string;
  /** True on the meeting's day: sign-in is open and names wait for it. */
  inProgress: boolean;
  signedIn: boolean;
  signIns: { name: string; agency: string; capacity: string; at: string }[];
  apologies: { id: string; name: string; agency: string }[];
  quorum: Quorum;
  agencies: { id: string; name: string }[];
  myAgencyId: string | null;
  signInCardPosted: boolean;
  /** What a decision can choose from: the area's risk scale, and other areas' panels to transfer to. */
  riskLevels: { id: string; label: string }[];
  transferPanels: { id: string; name: string }[];
  decisionKinds: { value: string; label: string }[];
  disruptions: readonly string[];
}

export class MeetingRoom {
  constructor(
    private readonly deps: {
      catalogue: Catalogue;
      repos: Repositories;
      room: MeetingRoomRecords;
      now: () => Date;
      announcer?: SignInAnnouncer;
    },
  ) {}

  private meeting(panelId: string, meetingId: string) {
    const panel = this.deps.catalogue.panels.get(panelId);
    if (!panel) throw new MeetingRoomRefused(404, "unknown-panel", "There is no such panel.");
    const [occurrence] = occurrencesBetween(this.deps.catalogue, panelId, meetingId, meetingId);
    if (!occurrence)
      throw new MeetingRoomRefused(404, "unknown-meeting", "The panel has no meeting on that date.");
    const area = this.deps.catalogue.areas.find((a) => a.id === panel.areaId);
    return { panel, area, description: describeOccurrence(occurrence) };
  }

  private agenciesOf(areaId: string) {
    return [...this.deps.catalogue.agencies.values()].filter((a) => a.areaId === areaId);
  }

  /** The sign-in card's content for a meeting. */
  signInDetails(panelId: string, meetingId: string): SignInDetails {
    const { panel, area, description } = this.meeting(panelId, meetingId);
    return {
      panelId,
      meetingId,
      panelName: panel.name,
      meetingDescription: description,
      statement: area?.confidentialityStatement ?? "",
      agencies: this.agenciesOf(panel.areaId).map((a) => ({ id: a.id, name: a.name })),
    };
  }

  /** Today's meetings among these panels: what `sign in` typed to the bot offers. */
  meetingsToday(panelIds: string[]): SignInDetails[] {
    const today = localDay(this.deps.now());
    return panelIds
      .filter((id) => this.deps.catalogue.panels.has(id))
      .filter((id) => occurrencesBetween(this.deps.catalogue, id, today, today).length > 0)
      .map((id) => this.signInDetails(id, today));
  }

  /** Whether names must wait: on the meeting's day, for anyone who has not signed in and agreed. */
  async namesHiddenFor(actor: Actor, panelId: string, meetingId: string): Promise<boolean> {
    if (localDay(this.deps.now()) !== meetingId) return false;
    const { signIns } = await this.deps.room.room(panelId, meetingId);
    return !signIns.some((s) => s.personId === actor.id);
  }

  async view(actor: Actor, panelId: string, meetingId: string): Promise<RoomView> {
    const { panel, area, description } = this.meeting(panelId, meetingId);
    const { signIns, apologies, cardPosted } = await this.deps.room.room(panelId, meetingId);
    const agencyName = (id: string) => this.deps.catalogue.agencies.get(id)?.name ?? id;
    const me = await this.deps.repos.people.get("person", keyOf(actor.id));
    return {
      panelId,
      meetingId,
      meetingDescription: description,
      statement: area?.confidentialityStatement ?? "",
      inProgress: localDay(this.deps.now()) === meetingId,
      signedIn: signIns.some((s) => s.personId === actor.id),
      signIns: signIns
        .map((s) => ({ name: s.name, agency: agencyName(s.agencyId), capacity: s.capacity, at: s.at }))
        .sort((a, b) => a.agency.localeCompare(b.agency) || a.name.localeCompare(b.name)),
      apologies: apologies.map((a) => ({
        id: a.value.id,
        name: a.value.personName,
        agency: agencyName(a.value.agencyId),
      })),
      quorum: quorumOf(panel, this.deps.catalogue.agencies, signIns),
      agencies: this.agenciesOf(panel.areaId).map((a) => ({ id: a.id, name: a.name })),
      myAgencyId: me?.value.agencyId ?? null,
      signInCardPosted: cardPosted,
      riskLevels: area?.riskScale.levels ?? [],
      decisionKinds: DECISION_KINDS.map((value) => ({ value, label: DECISION_LABELS[value] })),
      disruptions: DISRUPTIONS,
      transferPanels: [...this.deps.catalogue.panels.values()]
        .filter((p) => p.areaId !== panel.areaId && p.tier === "operational")
        .map((p) => ({
          id: p.id,
          name: `${this.deps.catalogue.areas.find((a) => a.id === p.areaId)?.name ?? p.areaId}: ${p.name}`,
        })),
    };
  }

  /**
   * Signs a person in for an agency, agreeing to the panel's statement. Anyone in the directory may
   * sign in (a deputy need not be a member), on the meeting's day only; a second press changes nothing.
   */
  async signIn(
    actor: Actor,
    panelId: string,
    meetingId: string,
    input: SignInInput,
  ): Promise<{ signIn: SignIn; first: boolean }> {
    const { panel, area } = this.meeting(panelId, meetingId);
    if (localDay(this.deps.now()) !== meetingId) {
      throw new MeetingRoomRefused(409, "not-meeting-day", "Sign-in opens on the day of the meeting.");
    }
    if (!this.agenciesOf(panel.areaId).some((a) => a.id === input.agencyId)) {
      throw new MeetingRoomRefused(400, "unknown-agency", "Choose one of this area's agencies.");
    }
    const person = await this.deps.repos.people.get("person", keyOf(actor.id));
    if (!person)
      throw new MeetingRoomRefused(
        403,
        "unknown-person",
        "You are not in the panel directory. Ask the coordinator to add you.",
      );
    // Only someone from the agency can represent it, and so count towards quorum.
    if (representsAgency(input.capacity) && person.value.agencyId !== input.agencyId) {
      throw new MeetingRoomRefused(
        403,
        "not-your-agency",
        "You can sign in as a member or deputy only for your own agency. Sign in as a guest or presenter instead.",
      );
    }
    return this.deps.room.signIn({
      panelId,
      meetingId,
      personId: actor.id,
      name: person.value.displayName,
      agencyId: input.agencyId,
      capacity: input.capacity,
      agreedTo: area?.confidentialityStatement ?? "",
      at: this.deps.now().toISOString(),
    });
  }

  /** The coordinator records an agency's apologies. */
  async apologise(
    actor: Actor,
    role: PanelRole,
    panelId: string,
    meetingId: string,
    input: z.infer<typeof ApologyInput>,
  ): Promise<void> {
    const { panel } = this.meeting(panelId, meetingId);
    if (role !== "coordinator")
      throw new MeetingRoomRefused(403, "not-coordinator", "Only the panel's coordinators record apologies.");
    if (!this.agenciesOf(panel.areaId).some((a) => a.id === input.agencyId)) {
      throw new MeetingRoomRefused(400, "unknown-agency", "Choose one of this area's agencies.");
    }
    await this.deps.room.apologies.insert(
      {
        id: randomUUID(),
        panelId,
        meetingId,
        agencyId: input.agencyId,
        personName: input.personName,
        recordedBy: actor.name,
        at: this.deps.now().toISOString(),
      },
      actor.id,
    );
  }

  /**
   * When a meeting starts (from a quarter of an hour before), posts its sign-in card to the panel's
   * channel, once: run on a timer by every instance, the first to record the posting sends it.
   */
  async openStartingMeetings(): Promise<number> {
    const now = this.deps.now();
    const today = localDay(now);
    let posted = 0;
    for (const panel of this.deps.catalogue.panels.values()) {
      const [meeting] = occurrencesBetween(this.deps.catalogue, panel.id, today, today);
      if (!meeting) continue;
      const opens = Date.parse(meeting.start) - 15 * 60_000;
      if (now.getTime() < opens || now.getTime() > Date.parse(meeting.end)) continue;
      if (
        !(await this.deps.room.postCardOnce({
          panelId: panel.id,
          meetingId: today,
          by: "schedule",
          at: now.toISOString(),
        }))
      )
        continue;
      if (await this.deps.announcer?.signInOpened(this.signInDetails(panel.id, today))) posted += 1;
      else await this.deps.room.forgetCardPosted(panel.id, today);
    }
    return posted;
  }

  /** Posts the sign-in card to the panel's channel, once per meeting. */
  async openSignIn(
    actor: Actor,
    role: PanelRole,
    panelId: string,
    meetingId: string,
  ): Promise<{ posted: boolean; alreadyPosted: boolean }> {
    this.meeting(panelId, meetingId);
    if (role !== "coordinator")
      throw new MeetingRoomRefused(403, "not-coordinator", "Only the panel's coordinators open sign-in.");
    if (localDay(this.deps.now()) !== meetingId) {
      throw new MeetingRoomRefused(409, "not-meeting-day", "Sign-in opens on the day of the meeting.");
    }
    const first = await this.deps.room.postCardOnce({
      panelId,
      meetingId,
      by: actor.id,
      at: this.deps.now().toISOString(),
    });
    if (!first) return { posted: false, alreadyPosted: true };
    const posted = (await this.deps.announcer?.signInOpened(this.signInDetails(panelId, meetingId))) ?? false;
    // No channel to post to: nothing was posted, so the button stays.
    if (!posted) await this.deps.room.forgetCardPosted(panelId, meetingId);
    return { posted, alreadyPosted: false };
  }
}
