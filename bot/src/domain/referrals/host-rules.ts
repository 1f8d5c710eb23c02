import { approvalApplies, type Area, type Panel } from "../catalogue/panel.js";
import { checkPanelRules, readForm, type FieldProblem } from "./checks.js";
import { fieldsOf, memberRowsIn, referralForm } from "./form.js";
import type { Referral } from "./referral.js";

// A referral transferred from another area's panel is checked against the host panel's own rules
// (001's screening, 004's checklist and approval, 003's Risk Factor Matrix): what the transfer
// does not carry, or carries but the host's rules do not accept, is shown to the host coordinator,
// who can ask the source panel for it.

export interface HostRuleGap {
  /** The host form's field at fault; null for a rule about the referral as a whole. */
  field: string | null;
  /** The field's label on the host's form. */
  label: string | null;
  message: string;
  /**
   * Whether the source panel can supply it. The host's own steps (its service manager's
   * approval, a risk it sets on its own scale) are for the host coordinator, not the question.
   */
  askSource: boolean;
}

const APPROVAL_FIELD = "managerId";

export function gapsAgainstHostRules(
  panel: Panel,
  area: Area,
  referral: Referral,
  /** Today in Europe/London, YYYY-MM-DD. */
  today: string,
): HostRuleGap[] {
  const form = referralForm(panel, area, referral.kind, [], memberRowsIn(referral.values));
  const labels = new Map(fieldsOf(form).map((f) => [f.id, f.label]));
  const read = readForm(form, referral.values);
  const ruled = checkPanelRules(
    { panel, area, kind: referral.kind, today, approverIds: [], referrerId: referral.submitted.by },
    referral.values,
  );
  // One problem a field: the panel's rule says more than the form's "fill this in".
  const problems: FieldProblem[] = [
    ...ruled,
    ...(read.ok ? [] : read.problems).filter((p) => !ruled.some((r) => r.field === p.field)),
  ].filter(
    // The host's own service manager approves a transfer, not the source panel: said once below.
    (p) => p.field !== APPROVAL_FIELD,
  );
  const gaps: HostRuleGap[] = problems.map((p) => {
    const hostSets = riskMessage(p, area, referral);
    return {
      field: p.field,
      label: p.field ? (labels.get(p.field) ?? null) : null,
      message: hostSets ?? p.message,
      askSource: hostSets === null,
    };
  });
  if (approvalApplies(panel.referralRules?.gates ?? [], referral.kind) && !referral.approval)
    gaps.push({
      field: null,
      label: null,
      message: `${panel.name} asks a service manager to approve a referral before the panel sees it: a ${area.name} service manager's approval is not recorded.`,
      askSource: false,
    });
  return gaps;
}

/** A risk left for the host to set is said so, with the level the source gave on its own scale. */
function riskMessage(p: FieldProblem, area: Area, referral: Referral): string | null {
  const from = referral.transferredFrom;
  if (p.field !== "riskLevel" || from?.hostRisk !== "set-by-host") return null;
  const theirs = from.sourceRisk ? ` (${from.sourceRisk.label} on ${from.sourceRisk.areaName}'s scale)` : "";
  return `${from.areaName} grades risk on another scale${theirs}, which ${area.name} does not map to its own: the panel sets the risk on ${area.name}'s scale.`;
}
