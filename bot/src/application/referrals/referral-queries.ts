import { auditListView } from "../audit/audit-trail.js";
import type { Actor } from "../../domain/people/actor.js";
import type { Person } from "../../domain/people/membership.js";
import type { Referral } from "../../domain/referrals/referral.js";
import { mayDecideApproval } from "../../domain/referrals/triage.js";
import type { Versioned } from "../ports/versioned.js";
import {
  panelOf,
  personOf,
  reachedPanel,
  referablePanels,
  requireCoordinator,
  type PanelInArea,
  visibleReferral,
} from "./referral-access.js";
import { pageOf, type PageRequest } from "../paging/pages.js";
import { referralAudit } from "./referral-records.js";
import type { ReferralPorts } from "./referral-ports.js";

export interface ReferralPage {
  referrals: Versioned<Referral>[];
  /** The cursor for the page after this one, or null when this is the last. */
  next: string | null;
}

const WAITING: Referral["status"][] = ["new", "more-information-requested"];

// Reading referrals. Every referral shown is audited as read; a list, one entry per page shown.

type QueryPorts = Pick<ReferralPorts, "catalogue" | "casework" | "directory" | "now">;

export async function panelsToReferTo(
  ports: QueryPorts,
  personId: string,
): Promise<{ person: Person; panels: PanelInArea[] }> {
  const person = await personOf(ports, personId);
  return { person, panels: referablePanels(ports.catalogue, person) };
}

/** While a referral waits for approval: the manager named to decide it, and whether the reader is them. */
export interface AwaitedApproval {
  /** Null when the directory no longer has them. */
  managerName: string | null;
  mayDecide: boolean;
}

/** One referral, for its referrer, its manager or the panel's coordinators. */
export async function viewReferral(
  ports: QueryPorts,
  actor: Actor,
  panelId: unknown,
  referralId: unknown,
  via: string,
): Promise<Versioned<Referral> & { approval: AwaitedApproval | null }> {
  const panel = panelOf(ports.catalogue, panelId);
  const found = await visibleReferral(ports, actor, panel, referralId);
  const r = found.value;
  const manager = r.status === "awaiting-approval" ? r.managerId : null;
  const [people] = await Promise.all([
    manager ? ports.directory.people([manager]) : undefined,
    ports.casework.appendAudit(r.areaId, [referralAudit(r, actor.id, "referral.viewed", via, ports.now())]),
  ]);
  const approval = manager
    ? {
        managerName: people?.get(manager)?.displayName ?? null,
        mayDecide: mayDecideApproval(r, actor.id),
      }
    : null;
  return { ...found, approval };
}

/** A page of a panel's referrals for its coordinators, newest first. */
export async function listReferrals(
  ports: QueryPorts,
  actor: Actor,
  panelId: unknown,
  via: string,
  page: PageRequest = {},
  statuses: Referral["status"][] = ["new", "more-information-requested", "accepted", "declined", "withdrawn"],
): Promise<ReferralPage> {
  const panel = panelOf(ports.catalogue, panelId);
  await requireCoordinator(ports, actor.id, panel);
  // Those waiting for triage have a list of their own; the page shows the asked-for ones of it.
  const list = statuses.every((s) => WAITING.includes(s)) ? "waiting" : "reached";
  const read = await pageOf(
    "referrals",
    page,
    (r: Referral) => ({ at: r.submitted.at, id: r.id }),
    (size, after) => ports.casework.referralPage(panel.areaId, panel.id, list, size, after),
  );
  const shown: ReferralPage = {
    next: read.next,
    referrals: read.values.filter((r) => statuses.includes(r.value.status) && reachedPanel(r.value)),
  };
  // One entry for the view, listing the page it showed, however many referrals the panel has.
  await auditListView(ports, {
    areaId: panel.areaId,
    panelId: panel.id,
    actorId: actor.id,
    action: "referrals.viewed",
    shown: shown.referrals.map((r) => r.value.reference),
    via,
  });
  return shown;
}

/** Referrals waiting for this manager's decision, across the areas they approve in. */
export async function awaitingApproval(
  ports: QueryPorts,
  manager: Actor,
  via: string,
): Promise<Versioned<Referral>[]> {
  const person = await personOf(ports, manager.id);
  const found: Versioned<Referral>[] = [];
  const now = ports.now();
  for (const areaId of person.approvesReferralsIn ?? []) {
    const rows = await ports.casework.awaitingApprovalBy(areaId, manager.id);
    await ports.casework.appendAudit(
      areaId,
      rows.slice(0, 100).map((r) => referralAudit(r.value, manager.id, "referral.viewed", via, now)),
    );
    found.push(...rows);
  }
  return found;
}
