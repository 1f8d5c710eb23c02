import { meetingForReferral } from "../../domain/referrals/meeting-choice.js";
import type { Referral } from "../../domain/referrals/referral.js";
import { riskOnHostScale, type SourceRisk } from "../../domain/referrals/transfer-risk.js";
import type { Actor } from "../../domain/people/actor.js";
import { issueReferral } from "./issue-referral.js";
import { areaOf, notInDirectory, panelOf, takesKind } from "./referral-access.js";
import type { ReferralPorts } from "./referral-ports.js";

/**
 * A child transferred by another area's panel becomes a new referral to this panel, with the
 * source referral's details and what the source panel decided (000 §21; 003). `id` is derived from
 * the decision, so saving the decision again creates nothing more. Its risk is put on this area's
 * scale as configured, never copied across scales; the source's own level is kept for the record.
 */
export async function transferIn(
  ports: ReferralPorts,
  actor: Actor,
  id: string,
  targetPanelId: string,
  source: Referral,
  from: { areaId: string; areaName: string; panelName: string; summary: string; riskLevel: string | null },
): Promise<Referral> {
  const panel = panelOf(ports.catalogue, targetPanelId);
  const area = areaOf(ports.catalogue, panel.areaId);
  takesKind(panel, source.kind);
  const sourceArea = areaOf(ports.catalogue, from.areaId);
  const risk = riskOnHostScale(sourceArea, area, from.riskLevel);
  const sourceLevel = sourceArea.riskScale.levels.find((l) => l.id === from.riskLevel);
  const sourceRisk: SourceRisk | null = sourceLevel
    ? { level: sourceLevel.id, label: sourceLevel.label, areaName: sourceArea.name }
    : null;
  const { riskLevel: _sourceLevel, ...carried } = source.values;
  const values = risk.level ? { ...carried, riskLevel: risk.level } : carried;
  const person = await ports.directory.person(actor.id);
  if (!person) throw notInDirectory();
  const { referral } = await issueReferral(ports, {
    areaId: area.id,
    referencePrefix: area.referencePrefix,
    panelId: panel.id,
    id,
    by: person,
    keys: [],
    via: `transfer from ${from.panelName}`.slice(0, 80),
    notice: "referral-arrived",
    draft: (reference, _matches, at) => ({
      id,
      reference,
      areaId: area.id,
      panelId: panel.id,
      kind: source.kind,
      status: "new",
      submitted: { by: person.id, byName: person.displayName, at: at.toISOString() },
      referrer: { agencyId: person.agencyId, jobTitle: person.jobTitle, email: person.email },
      meetingDate: meetingForReferral(ports.catalogue, panel.id, at)?.date ?? null,
      values,
      managerId: null,
      approval: null,
      triage: null,
      questions: [],
      possibleDuplicates: [],
      linkedSubjectId: null,
      subjectId: null,
      transferredFrom: {
        areaName: from.areaName,
        panelName: from.panelName,
        summary: from.summary,
        reference: source.reference,
        sourceRisk,
        hostRisk: risk.how,
      },
    }),
  });
  return referral;
}
