import type { Actor } from "../../domain/people/actor.js";
import type { Referral } from "../../domain/referrals/referral.js";
import { refuseSuspended } from "../access/panel-access.js";
import { auditEntry } from "../audit/audit-trail.js";
import { pageOf, type PageRequest } from "../paging/pages.js";
import type { ReferralPorts } from "./referral-ports.js";
import { personOf } from "./referral-access.js";
import type { ReferralPage } from "./referral-queries.js";

// A practitioner's own referrals, newest first, whatever became of each: what the bot's
// `referrals` and the tab's "My referrals" show them. They refer to the panels of their agency's
// area, so their referrals are that area's, one key range of its casework a page at a time.

type OwnPorts = Pick<ReferralPorts, "catalogue" | "casework" | "directory" | "now">;

/** The area a person refers in: their agency's. */
export function referringAreaOf(ports: Pick<ReferralPorts, "catalogue">, agencyId: string) {
  return ports.catalogue.agencies.get(agencyId)?.areaId;
}

export async function ownReferrals(
  ports: OwnPorts,
  actor: Actor,
  via: string,
  page: PageRequest = {},
): Promise<ReferralPage> {
  const person = await personOf(ports, actor.id);
  refuseSuspended({ person, memberships: [], administers: [] });
  const areaId = referringAreaOf(ports, person.agencyId);
  if (!areaId) return { referrals: [], next: null };
  const read = await pageOf(
    "referrals",
    page,
    (r: Referral) => ({ at: r.submitted.at, id: r.id }),
    (size, after) => ports.casework.referralsBy(areaId, actor.id, size, after),
  );
  // One entry for each panel's referrals on the page, however many the person has made.
  const byPanel = new Map<string, string[]>();
  for (const { value: r } of read.values)
    byPanel.set(r.panelId, [...(byPanel.get(r.panelId) ?? []), r.reference]);
  const at = ports.now();
  await ports.casework.appendAudit(
    areaId,
    [...byPanel].map(([panelId, shown]) =>
      auditEntry(at, {
        areaId,
        panelId,
        actorId: actor.id,
        action: "referrals.viewed",
        subjectId: null,
        reference: "",
        shown,
        via,
      }),
    ),
  );
  return { referrals: read.values, next: read.next };
}
