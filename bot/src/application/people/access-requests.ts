import { randomUUID } from "node:crypto";
import { z } from "zod";
import {
  ACCESS_REASON_MAX,
  APPROVABLE_ROLES,
  AccessRequest,
  parseAccessRequestId,
} from "../../domain/people/access-request.js";
import { mayGrant } from "../../domain/people/grants.js";
import type { AccessNotice } from "../../domain/referrals/notice.js";
import { Refusal } from "../../domain/refusal.js";
import { auditEntry } from "../audit/audit-trail.js";
import { ConcurrencyConflict } from "../ports/versioned.js";
import { savePersonDetails } from "./change-person.js";
import { setPanelRole } from "./panel-roles.js";
import { authorityOf } from "./people-access.js";
import type { Caller, PeoplePorts } from "./people-ports.js";

// Asking to join a panel, and deciding such a request. Approving adds the person through the
// same people commands as the People page, so who may grant what, and the audit, hold here too.

export interface AccessPorts extends PeoplePorts {
  /** Told when a step stored notices for an area, so they are delivered now. */
  onNotices: (areaId: string) => void;
}

/** The person asking, with their email as Teams (or their sign-in) gives it. */
export interface Requester extends Caller {
  email: string | undefined;
}

const Ask = z.strictObject({
  panelId: z.string().min(1, "choose the panel").max(80),
  agencyId: z.string().min(1, "choose your agency").max(80),
  reason: z
    .string()
    .trim()
    .min(1, "say why you need to join the panel")
    .max(ACCESS_REASON_MAX, `keep it to ${ACCESS_REASON_MAX} characters`),
  jobTitle: z.string().trim().max(120, "job titles can be at most 120 characters").default(""),
});

const Decision = z.union([
  z.strictObject({ approve: z.enum(APPROVABLE_ROLES) }),
  z.strictObject({
    decline: z
      .string()
      .trim()
      .min(1, "say why, for the person who asked")
      .max(ACCESS_REASON_MAX, `keep it to ${ACCESS_REASON_MAX} characters`),
  }),
]);

function invalid(error: z.ZodError, message: string): Refusal {
  const fields = error.issues.map((i) => ({ field: i.path.join("."), message: i.message }));
  return new Refusal("invalid", message, { code: "invalid-access-request", fields });
}

function panelOf(ports: Pick<PeoplePorts, "catalogue">, panelId: string) {
  const panel = ports.catalogue.panels.get(panelId);
  if (!panel)
    throw new Refusal("not-found", "There is no such panel. Choose one from the list.", {
      code: "unknown-panel",
      fields: [{ field: "panelId", message: "choose one of the panels" }],
    });
  const area = ports.catalogue.areas.find((a) => a.id === panel.areaId);
  return { panel, areaName: area?.name ?? panel.areaId };
}

const accessNotice = (r: AccessRequest, kind: AccessNotice["kind"], at: Date): AccessNotice => ({
  id: randomUUID(),
  kind,
  at: at.toISOString(),
  areaId: r.areaId,
  panelId: r.panelId,
  requesterId: r.personId,
  recipientId: null,
  attempts: 0,
  retryAt: null,
});

/** Records a request to join a panel and tells its coordinators. Anyone signed in may ask. */
export async function askForAccess(
  ports: AccessPorts,
  caller: Requester,
  raw: unknown,
  via: string,
): Promise<AccessRequest> {
  const parsed = Ask.safeParse(raw);
  if (!parsed.success) throw invalid(parsed.error, "Some details are not right. Nothing was sent.");
  const input = parsed.data;
  const { panel, areaName } = panelOf(ports, input.panelId);
  const agency = ports.catalogue.agencies.get(input.agencyId);
  if (agency?.areaId !== panel.areaId)
    throw new Refusal("invalid", `Choose one of ${areaName}'s agencies for ${panel.name}.`, {
      code: "unknown-agency",
      fields: [{ field: "agencyId", message: `choose one of ${areaName}'s agencies` }],
    });
  const displayName = caller.name.trim();
  const email = z.email().max(200).safeParse(caller.email);
  if (!displayName || displayName.length > 120 || !email.success)
    throw new Refusal(
      "invalid",
      `Your name or email address in Teams cannot be used here (names can be at most 120 characters). Ask ${panel.name}'s coordinator to add you from the People page.`,
      { code: "unusable-identity" },
    );
  const authority = await authorityOf(ports, caller);
  if (authority.memberships.some((m) => m.panelId === panel.id))
    throw new Refusal("not-now", `You are already on ${panel.name}.`, { code: "already-on-panel" });
  const existing = await ports.casework.accessRequest(panel.areaId, panel.id, caller.id);
  if (existing?.value.status === "open")
    throw new Refusal(
      "not-now",
      `You have already asked to join ${panel.name}. Its coordinators have been told and will decide.`,
      { code: "already-asked" },
    );

  const now = ports.now();
  const request: AccessRequest = {
    areaId: panel.areaId,
    panelId: panel.id,
    agencyId: agency.id,
    personId: caller.id,
    displayName,
    email: email.data,
    jobTitle: input.jobTitle,
    reason: input.reason,
    at: now.toISOString(),
    status: "open",
    decided: null,
  };
  const unit = ports.casework.unit(panel.areaId, caller.name);
  unit.putAccessRequest(request, existing);
  unit.queueNotice(accessNotice(request, "access-requested", now));
  unit.audit(auditFor(request, caller.id, "access.requested", via, now));
  try {
    await unit.commit();
  } catch (e) {
    if (e instanceof ConcurrencyConflict)
      throw new Refusal("conflict", `You have just asked to join ${panel.name}; it was recorded once.`);
    throw e;
  }
  ports.onNotices(panel.areaId);
  return request;
}

const auditFor = (
  r: AccessRequest,
  actorId: string,
  action: "access.requested" | "access.approved" | "access.declined",
  via: string,
  at: Date,
) =>
  auditEntry(at, {
    areaId: r.areaId,
    panelId: r.panelId,
    actorId,
    action,
    subjectId: null,
    reference: "",
    personId: r.personId,
    via,
  });

/**
 * The open requests of an area (or one of its panels) that the caller may decide: every one for
 * the area's administrators, their own panels' for coordinators. Anyone else is refused.
 */
export async function openRequests(
  ports: AccessPorts,
  caller: Caller,
  where: { areaId: string } | { panelId: string },
): Promise<AccessRequest[]> {
  const panelId = "panelId" in where ? panelOf(ports, where.panelId).panel.id : undefined;
  const areaId = panelId
    ? (ports.catalogue.panels.get(panelId)?.areaId ?? "")
    : (where as { areaId: string }).areaId;
  const area = ports.catalogue.areas.find((a) => a.id === areaId);
  if (!area)
    throw new Refusal("not-found", "There is no such area. Check the link.", { code: "unknown-area" });
  const authority = await authorityOf(ports, caller);
  const decides = (p: string) =>
    mayGrant(authority, { kind: "panel-role", areaId: area.id, panelId: p, role: "member" });
  const panels = [...ports.catalogue.panels.values()].filter(
    (p) => p.areaId === area.id && (!panelId || p.id === panelId),
  );
  if (!panels.some((p) => decides(p.id)))
    throw new Refusal(
      "not-allowed",
      `Only ${area.name}'s administrators and its panels' coordinators can see requests to join them.`,
      { code: "not-a-manager" },
    );
  const open = await ports.casework.openAccessRequests(area.id, panelId);
  return open.map((r) => r.value).filter((r) => decides(r.panelId));
}

/**
 * Approves a request with a role (adding the person to the area's directory if they are new) or
 * declines it with a reason; either way the requester is told.
 */
export async function decideAccess(
  ports: AccessPorts,
  caller: Caller,
  requestId: unknown,
  raw: unknown,
  via: string,
): Promise<AccessRequest> {
  const key = parseAccessRequestId(requestId);
  const gone = () =>
    new Refusal("not-found", "There is no such request to join a panel. It may have been withdrawn.", {
      code: "unknown-request",
    });
  if (!key || !ports.catalogue.panels.has(key.panelId)) throw gone();
  const { panel, areaName } = panelOf(ports, key.panelId);
  const found = await ports.casework.accessRequest(panel.areaId, panel.id, key.personId);
  if (!found) throw gone();
  const request = found.value;
  if (request.status !== "open")
    throw new Refusal(
      "not-now",
      `${request.decided?.byName ?? "Someone"} has already ${request.status} this request.`,
      { code: "already-decided" },
    );
  const parsed = Decision.safeParse(raw);
  if (!parsed.success)
    throw invalid(parsed.error, "Choose a role to approve with, or give a reason to decline.");
  const decision = parsed.data;
  const authority = await authorityOf(ports, caller);
  if (!mayGrant(authority, { kind: "panel-role", areaId: panel.areaId, panelId: panel.id, role: "member" }))
    throw new Refusal(
      "not-allowed",
      `Only ${panel.name}'s coordinators or ${areaName}'s administrators can decide who joins it.`,
      { code: "not-yours-to-grant" },
    );

  if ("approve" in decision) {
    const person = await ports.directory.person(request.personId);
    const theirArea = person && ports.catalogue.agencies.get(person.agencyId)?.areaId;
    if (person && theirArea !== panel.areaId)
      throw new Refusal(
        "not-now",
        `${request.displayName} is already one of another area's people. Their place there is changed from that area's People page.`,
        { code: "person-in-another-area" },
      );
    if (!person)
      await savePersonDetails(
        ports,
        caller,
        panel.areaId,
        {
          id: request.personId,
          displayName: request.displayName,
          email: request.email,
          agencyId: request.agencyId,
          jobTitle: request.jobTitle,
        },
        via,
      );
    await setPanelRole(ports, caller, panel.id, request.personId, { role: decision.approve }, via);
  }

  const now = ports.now();
  const decided: AccessRequest = {
    ...request,
    status: "approve" in decision ? "approved" : "declined",
    decided: {
      byId: caller.id,
      byName: caller.name,
      at: now.toISOString(),
      role: "approve" in decision ? decision.approve : null,
      reason: "decline" in decision ? decision.decline : null,
    },
  };
  const unit = ports.casework.unit(panel.areaId, caller.name);
  unit.putAccessRequest(decided, found);
  unit.queueNotice(accessNotice(decided, "access-decided", now));
  unit.audit(
    auditFor(decided, caller.id, "approve" in decision ? "access.approved" : "access.declined", via, now),
  );
  try {
    await unit.commit();
  } catch (e) {
    if (e instanceof ConcurrencyConflict)
      throw new Refusal(
        "conflict",
        "Someone else decided this request at the same moment. Reload to see what they chose.",
      );
    throw e;
  }
  ports.onNotices(panel.areaId);
  return decided;
}
