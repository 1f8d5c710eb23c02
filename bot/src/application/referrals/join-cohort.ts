import { referredElsewhere } from "../../domain/catalogue/panel.js";
import {
  MAX_PRESENTERS,
  placementFor,
  presenterPlacesOf,
  presentersOf,
  type PresenterPlace,
  type Subject,
} from "../../domain/cohort/case.js";
import { screenedAreas, themeFromScreening } from "../../domain/referrals/case-theme.js";
import { matchKeys } from "../../domain/referrals/duplicates.js";
import { subjectLabel, type Referral } from "../../domain/referrals/referral.js";
import type { CaseworkUnit, StoredCase } from "../ports/casework.js";
import { Refusal } from "../../domain/refusal.js";
import type { ReferralPorts } from "./referral-ports.js";

/**
 * What an accepted referral writes: its subject (new, or a known one gaining the referral), the
 * referral's match keys as the subject's, for likely duplicates, and the subject's case on the
 * panel, opened or carried on; an open case keeps its presenters and gains the referral's. The
 * case's theme comes from the referral's screening, unless the coordinator chose one.
 */
export async function joinCohort(
  ports: Pick<ReferralPorts, "casework" | "now" | "catalogue">,
  referral: Referral,
  subjectId: string,
  presenters: { presenterIds: string[]; roles: PresenterPlace[] },
): Promise<(unit: CaseworkUnit) => void> {
  const panel = ports.catalogue.panels.get(referral.panelId);
  // A referral made before the panel sent this kind elsewhere is not taken into its cohort (002).
  const elsewhere = panel && referredElsewhere(panel.referralRules, referral.kind);
  if (elsewhere)
    throw new Refusal(
      "not-now",
      `${panel.name} does not take this referral into its cohort. Decline it, telling the referrer: ${elsewhere}`,
    );
  const existing = await ports.casework.subjectAndCase(referral.areaId, referral.panelId, subjectId);
  const writes: ((unit: CaseworkUnit) => void)[] = [];
  const riskLevel = typeof referral.values["riskLevel"] === "string" ? referral.values["riskLevel"] : null;
  let subject: Subject;
  if (existing.subject) {
    const known = existing.subject;
    subject = { ...known.value, referralIds: [...known.value.referralIds, referral.id] };
    const next = subject;
    writes.push((u) => u.replaceSubject(next, known));
  } else {
    if (referral.linkedSubjectId)
      throw new Refusal("not-found", "The subject this referral was linked to no longer exists.");
    subject = {
      id: subjectId,
      areaId: referral.areaId,
      kind: referral.kind,
      reference: referral.reference,
      label: subjectLabel(referral.kind, referral.values),
      referralIds: [referral.id],
    };
    const created = subject;
    writes.push((u) => u.createSubject(created));
  }
  const reference = subject.reference;
  for (const key of matchKeys(referral.kind, referral.values))
    writes.push((u) =>
      u.addMatch({ areaId: referral.areaId, hash: key.hash, on: key.on, subjectId, reference }),
    );
  const current = existing.case?.value;
  const theme = current?.themeChosen
    ? current.theme
    : ((panel && themeFromScreening(screenedAreas(panel), referral.values)) ?? current?.theme);
  const presenting = current?.status === "open" ? presentersOf(current) : [];
  const presenterIds = [...new Set([...presenting, ...presenters.presenterIds])].slice(-MAX_PRESENTERS);
  const next: StoredCase = {
    areaId: referral.areaId,
    panelId: referral.panelId,
    subjectId,
    reference: current?.reference ?? subject.reference,
    placement: placementFor(referral.kind, current?.placement),
    riskLevel: riskLevel ?? current?.riskLevel ?? null,
    ...entryRisk(current, riskLevel ?? current?.riskLevel ?? null),
    status: "open",
    openedAt: current?.status === "open" ? current.openedAt : ports.now().toISOString(),
    nextMeetingDate: referral.meetingDate,
    referralIds: [...(current?.referralIds ?? []), referral.id],
    label: subject.label,
    presenterId: referral.submitted.by,
    presenterIds,
    presenterRoles: rolesKept(
      current?.status === "open" ? current : undefined,
      presenters.roles,
      presenterIds,
    ),
    lastDiscussedOn: current?.lastDiscussedOn ?? null,
    closedAt: null,
    ...(current?.lastDecision && { lastDecision: current.lastDecision }),
    ...(theme !== undefined && { theme }),
    ...(current?.themeChosen && { themeChosen: true }),
  };
  const held = existing.case;
  writes.push((u) => (held ? u.replaceCase(next, held) : u.createCase(next)));
  return (unit) => writes.forEach((write) => write(unit));
}

/** Why each presenter presents: those the case had, and the referral's, for those who still present it. */
function rolesKept(
  current: StoredCase | undefined,
  added: PresenterPlace[],
  presenterIds: string[],
): PresenterPlace[] {
  const all = [...(current ? presenterPlacesOf(current) : []), ...added];
  const seen = new Set<string>();
  return all.flatMap((p) => {
    const key = `${p.personId}|${p.role}`;
    if (!p.role || !presenterIds.includes(p.personId) || seen.has(key)) return [];
    seen.add(key);
    return [{ personId: p.personId, role: p.role }];
  });
}

/** The risk a case joins the cohort with; an open case keeps its own (or none, if it had none). */
function entryRisk(current: StoredCase | undefined, risk: string | null): Pick<StoredCase, "entryRiskLevel"> {
  if (current?.status !== "open") return { entryRiskLevel: risk };
  return current.entryRiskLevel === undefined ? {} : { entryRiskLevel: current.entryRiskLevel };
}
