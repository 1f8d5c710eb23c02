import { Router } from "express";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { canManagePanel, worksCases } from "../../domain/people/membership.js";
import { describeOccurrence } from "../../domain/schedule/describe.js";
import type { MeetingRoom } from "../../application/meeting-room/meeting-room.js";
import { keyOf } from "../tables/entity-store.js";
import type { ConversationRecord, Repositories } from "../tables/repositories.js";
import type { Settings } from "../../settings.js";
import { signedIn } from "./authenticate.js";
import {
  ChannelLink,
  type ChannelResponse,
  type MeResponse,
  type MembersResponse,
  type PanelResponse,
  type PanelsResponse,
  type PanelSummary,
  type UpcomingMeeting,
} from "./contract/index.js";
import { HttpProblem } from "./errors.js";
import { panelAccess, versionOf } from "./panel-access.js";
import { route } from "./route.js";
import type { Directory } from "../../application/ports/directory.js";
import type { PeopleDesk } from "../../application/people/people-desk.js";
import { referablePanels } from "../../application/referrals/referral-access.js";

export function panelsRoutes(deps: {
  settings: Settings;
  catalogue: Catalogue;
  repos: Repositories;
  directory: Directory;
  people: PeopleDesk;
  room: Pick<MeetingRoom, "comingMeetings">;
}): Router {
  const { catalogue, repos, directory } = deps;
  const router = Router();

  const panelFor = panelAccess(catalogue, deps.directory);

  /** The panel's coming meetings as held, each described from its record. */
  const meetingsOf = async (panelId: string, count: number): Promise<UpcomingMeeting[]> =>
    (await deps.room.comingMeetings(panelId, count)).map((m) => ({
      ...m,
      panelId,
      description: describeOccurrence({ ...m, panelId }),
    }));

  /**
   * A team belongs to one area: the first of its panels linked to one of its channels claims it,
   * so one area's cards never reach another area's team. In Azure the team is in our tenant too.
   */
  const refuseOtherTeams = async (conversation: ConversationRecord, areaId: string) => {
    const tenant = (conversation.reference["conversation"] as { tenantId?: string } | undefined)?.tenantId;
    if (deps.settings.signIn.kind === "entra" && tenant !== deps.settings.signIn.tenantId) {
      throw new HttpProblem(
        403,
        "other-tenant",
        "That channel belongs to another organisation's Teams. Choose one of your partnership's channels.",
      );
    }
    for (const area of catalogue.areas.filter((a) => a.id !== areaId)) {
      const linked = await repos.panels.listPartition(keyOf(area.id));
      if (linked.some((p) => p.value.channel?.teamId && p.value.channel.teamId === conversation.teamId)) {
        throw new HttpProblem(
          409,
          "other-area",
          `That channel's team already holds ${area.name}'s panels. Choose a channel of your own area's team.`,
        );
      }
    }
  };

  router.get(
    "/me",
    route(async (req, res) => {
      const user = signedIn(req);
      const [person, manages] = await Promise.all([
        repos.people.get("person", keyOf(user.id)),
        deps.people.managedAreas(user),
      ]);
      const agency = person ? catalogue.agencies.get(person.value.agencyId) : undefined;
      res.json({
        id: user.id,
        displayName: person?.value.displayName ?? user.name,
        jobTitle: person?.value.jobTitle ?? null,
        agency: agency?.name ?? null,
        manages,
        refers: person ? referablePanels(catalogue, person.value).length > 0 : false,
      } satisfies MeResponse);
    }),
  );

  router.get(
    "/panels",
    route(async (req, res) => {
      const memberships = await directory.membershipsOf(signedIn(req).id);
      // Each panel's coming meetings, one range read each, together.
      const known = memberships.flatMap((m) => {
        const panel = catalogue.panels.get(m.panelId);
        return panel ? [{ m, panel }] : [];
      });
      const coming = await Promise.all(known.map(({ panel }) => meetingsOf(panel.id, 3)));
      const panels = known.map(({ m, panel }, n): PanelSummary => {
        const area = catalogue.areas.find((a) => a.id === panel.areaId);
        return {
          id: panel.id,
          name: panel.name,
          shortName: panel.shortName,
          tier: panel.tier,
          area: { id: panel.areaId, name: area?.name ?? panel.areaId },
          role: m.role,
          actionDueDays: panel.actionDueDays,
          nextMeetings: coming[n] ?? [],
        };
      });
      panels.sort((a, b) => a.area.name.localeCompare(b.area.name) || a.name.localeCompare(b.name));
      res.json({ panels } satisfies PanelsResponse);
    }),
  );

  router.get(
    "/panels/:panelId",
    route(async (req, res) => {
      const { panel, role } = await panelFor(req, "everyone");
      const [stored, nextMeetings] = await Promise.all([
        repos.panels.get(keyOf(panel.areaId), keyOf(panel.id)),
        meetingsOf(panel.id, 6),
      ]);
      const area = catalogue.areas.find((a) => a.id === panel.areaId);
      res.set("ETag", stored?.etag ?? "").json({
        id: panel.id,
        name: panel.name,
        area: { id: panel.areaId, name: area?.name ?? panel.areaId },
        tier: panel.tier,
        role,
        chairRoles: panel.chairRoles,
        coreAgencies: panel.coreAgencyIds.map((id) => catalogue.agencies.get(id)?.name ?? id),
        quorumAgencyKinds: panel.quorumAgencyKinds,
        durationMinutes: panel.schedule.durationMinutes,
        channel: stored?.value.channel ?? null,
        nextMeetings,
      } satisfies PanelResponse);
    }),
  );

  // The panel's members, to choose an action's owner from.
  router.get(
    "/panels/:panelId/members",
    route(async (req, res) => {
      const { panel } = await panelFor(req);
      const members = (await directory.membersOf(panel.id)).filter((m) => worksCases(m.role));
      const people = await directory.people(members.map((m) => m.personId));
      res.json({
        members: members
          .flatMap((m) => {
            const person = people.get(m.personId);
            if (!person) return [];
            return [
              {
                id: person.id,
                displayName: person.displayName,
                role: m.role,
                agency: catalogue.agencies.get(person.agencyId)?.name ?? person.agencyId,
              },
            ];
          })
          .sort((a, b) => a.displayName.localeCompare(b.displayName)),
      } satisfies MembersResponse);
    }),
  );

  // Links a Teams channel (one the bot has been added to) to the panel, for its notices.
  router.put(
    "/panels/:panelId/channel",
    route(async (req, res) => {
      const { panel, memberships } = await panelFor(req);
      if (!canManagePanel(memberships, panel.id)) {
        throw new HttpProblem(
          403,
          "coordinators-only",
          "Only the panel's coordinators can change its channel.",
        );
      }
      const etag = versionOf(req, "panel");
      const { conversationId } = ChannelLink.parse(req.body);
      const conversation = await repos.conversations.get("channel", keyOf(conversationId));
      if (!conversation) {
        throw new HttpProblem(
          400,
          "unknown-channel",
          "The bot has not been added to that channel. Add the MACE panels app to the team first.",
        );
      }
      await refuseOtherTeams(conversation.value, panel.areaId);
      const stored = await repos.panels.get(keyOf(panel.areaId), keyOf(panel.id));
      if (!stored) throw new HttpProblem(404, "unknown-panel", "There is no such panel.");
      const channelName = String(
        (conversation.value.reference["conversation"] as { name?: string } | undefined)?.name ?? "channel",
      );
      const saved = await repos.panels.replace(
        {
          ...stored.value,
          channel: { teamId: conversation.value.teamId ?? "", channelId: conversationId, name: channelName },
        },
        etag,
        signedIn(req).name,
      );
      res.set("ETag", saved.etag).json({ channel: saved.value.channel } satisfies ChannelResponse);
    }),
  );

  return router;
}
