import { randomUUID } from "node:crypto";
import { Link, linkProblems, type LinkKind } from "../../domain/links/link.js";
import type { Actor } from "../../domain/people/actor.js";
import { Refusal } from "../../domain/refusal.js";
import { ConcurrencyConflict } from "../ports/versioned.js";
import { accessArea, refuseUnlessCoordinator, type AreaAccess } from "../access/subject-access.js";
import { auditEntry } from "../audit/audit-trail.js";
import { knownMeeting } from "../panels/known-panels.js";
import type { LinkPorts } from "./link-ports.js";
import { linkView, type LinkView } from "./link-views.js";

// A coordinator links two subjects of the area, at a meeting or at a referral of the panel they
// coordinate: a child exploited by a person of concern, a child who frequents a place, a member of
// a group. The link is a record with who drew it and when, written with its audit entry.

export interface NewLink {
  kind: LinkKind;
  from: string;
  to: string;
  note: string;
  panelId: string;
  meetingId: string | null;
  referralId: string | null;
}

/** Refuses anyone who does not coordinate this panel of the area. */
export function refuseUnlessCoordinatorOf(
  ports: Pick<LinkPorts, "catalogue">,
  access: AreaAccess,
  panelId: string,
) {
  refuseUnlessCoordinator(access);
  if (access.roles.get(panelId) !== "coordinator") {
    const name = ports.catalogue.panels.get(panelId)?.name;
    throw new Refusal(
      "not-allowed",
      name ? `Only ${name}'s coordinators can do this.` : "Choose one of the panels you coordinate.",
      { code: "not-coordinator" },
    );
  }
}

export async function addLink(
  ports: Pick<LinkPorts, "catalogue" | "casework" | "directory" | "now">,
  actor: Actor,
  areaId: unknown,
  input: NewLink,
  via: string,
): Promise<LinkView> {
  const access = await accessArea(ports, actor.id, areaId);
  refuseUnlessCoordinatorOf(ports, access, input.panelId);
  if ((input.meetingId === null) === (input.referralId === null))
    throw new Refusal("invalid", "Say which meeting or which referral the link was drawn at.", {
      code: "meeting-or-referral",
    });
  if (input.meetingId) knownMeeting(ports.catalogue, input.panelId, input.meetingId);
  const { casework } = ports;
  const [ends, existing, referral] = await Promise.all([
    casework.subjects(access.areaId, [input.from, input.to]),
    casework.subjectLinks(access.areaId, input.from),
    input.referralId ? casework.referral(access.areaId, input.panelId, input.referralId) : undefined,
  ]);
  const from = ends.get(input.from);
  const to = ends.get(input.to);
  if (!from || !to)
    throw new Refusal(
      "not-found",
      "One of the two subjects is not in this area's record. Search for it again.",
      {
        code: "unknown-subject",
      },
    );
  if (input.referralId && !referral)
    throw new Refusal("not-found", "That referral is not one of this panel's.", { code: "unknown-referral" });

  // A link of the wrong kind is put right in the form; one drawn already is a conflict.
  const wrong = linkProblems(input.kind, from, to, []);
  const problems = wrong.length ? wrong : linkProblems(input.kind, from, to, existing);
  if (problems.length)
    throw new Refusal(wrong.length ? "invalid" : "conflict", problems.join(" "), {
      code: wrong.length ? "link-not-valid" : "already-linked",
      ...(wrong.length && { fields: [{ field: "kind", message: problems.join(" ") }] }),
    });

  const now = ports.now();
  const link = Link.parse({
    id: randomUUID(),
    areaId: access.areaId,
    kind: input.kind,
    from: from.id,
    to: to.id,
    note: input.note,
    panelId: input.panelId,
    meetingId: input.meetingId,
    referralId: input.referralId,
    added: { by: actor.id, byName: actor.name, at: now.toISOString() },
    ended: null,
  });
  const unit = casework.unit(access.areaId, actor.name);
  unit.createLink(link);
  unit.audit(
    auditEntry(now, {
      areaId: access.areaId,
      panelId: input.panelId,
      actorId: actor.id,
      action: "link.added",
      subjectId: from.id,
      reference: from.reference,
      referralId: input.referralId,
      shown: [from.reference, to.reference],
      via,
    }),
  );
  try {
    await unit.commit();
  } catch (e) {
    // Another coordinator drew the same link since it was read: storage holds one per identity.
    if (e instanceof ConcurrencyConflict)
      throw new Refusal("conflict", "These two are already linked this way.", { code: "already-linked" });
    throw e;
  }
  return linkView(link, ends);
}
