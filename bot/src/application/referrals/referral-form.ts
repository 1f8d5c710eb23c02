import type { Person } from "../../domain/people/membership.js";
import { approvalApplies, type ReferralKind } from "../../domain/catalogue/panel.js";
import { memberRowsIn, referralForm, type ReferralForm } from "../../domain/referrals/form.js";
import type { Referral } from "../../domain/referrals/referral.js";
import {
  areaOf,
  kindOf,
  mayRefer,
  panelOf,
  personOf,
  takesKind,
  type PanelInArea,
} from "./referral-access.js";
import type { ReferralPorts } from "./referral-ports.js";

// The referral form for a panel and kind, drawn with the managers the referrer can choose from.

type FormPorts = Pick<ReferralPorts, "catalogue" | "directory">;

const needsApproval = (panel: PanelInArea, kind: ReferralKind): boolean =>
  approvalApplies(panel.referralRules?.gates ?? [], kind);

/** The service managers of the panel's area the referrer may choose, themselves left out. */
async function approversFor(ports: FormPorts, panel: PanelInArea, kind: ReferralKind, referrer: Person) {
  if (!needsApproval(panel, kind)) return [];
  const approvers = await ports.directory.approversIn(panel.areaId);
  return approvers
    .filter((p) => p.id !== referrer.id)
    .map((p) => ({ id: p.id, name: `${p.displayName}, ${p.jobTitle}` }));
}

/** The blank form for a panel and kind, for a person who may refer to it. */
export async function blankForm(
  ports: FormPorts,
  personId: string,
  panelId: unknown,
  rawKind: unknown,
  /** For a group: the member rows to hold, when the practitioner asks for more. */
  memberRows?: number,
): Promise<ReferralForm> {
  const panel = panelOf(ports.catalogue, panelId);
  const kind = kindOf(rawKind);
  const person = await personOf(ports, personId);
  mayRefer(ports.catalogue, person, panel);
  takesKind(panel, kind);
  return referralForm(
    panel,
    areaOf(ports.catalogue, panel.areaId),
    kind,
    await approversFor(ports, panel, kind, person),
    memberRows,
  );
}

/** The form drawn again after a refused submit, with every manager to choose from. */
export async function formAgain(
  ports: FormPorts,
  panel: PanelInArea,
  kind: ReferralKind,
  person: Person,
  memberRows?: number,
): Promise<ReferralForm> {
  return referralForm(
    panel,
    areaOf(ports.catalogue, panel.areaId),
    kind,
    await approversFor(ports, panel, kind, person),
    memberRows,
  );
}

/** The form a stored referral was made on, to label its answers. */
export async function formOf(ports: FormPorts, r: Referral): Promise<ReferralForm> {
  const panel = panelOf(ports.catalogue, r.panelId);
  const manager = r.managerId ? await ports.directory.person(r.managerId) : undefined;
  const approvers =
    r.managerId && manager ? [{ id: r.managerId, name: `${manager.displayName}, ${manager.jobTitle}` }] : [];
  return referralForm(
    panel,
    areaOf(ports.catalogue, panel.areaId),
    r.kind,
    approvers,
    memberRowsIn(r.values),
  );
}

export { needsApproval };
