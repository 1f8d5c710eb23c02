import type { Delivery } from "../ports/deliveries.js";
import { DeliveryFailed, type Place, type ReminderContent } from "../ports/messengers.js";
import type { Versioned } from "../ports/versioned.js";
import type { SweepPorts, SweepReport } from "./sweep-ports.js";

// One message of the sweep, sent exactly once: claimed before it is sent, marked sent after. A
// failed send waits 1, 2, 4… times the base before it is tried again, and after six tries (or a
// refusal that trying again cannot help) it is recorded as undeliverable for the coordinators.

const MAX_ATTEMPTS = 6;

export type DeliverySpec = Pick<Delivery, "on" | "kind" | "areaId" | "panelId" | "about" | "target">;

export const claimKey = (d: Pick<Delivery, "kind" | "areaId" | "panelId" | "about" | "target">): string =>
  `${d.kind}|${d.areaId}|${d.panelId}|${d.about}|${d.target}`;

/** The state of one sweep: what it has done, the claims it knows, and its lease. */
export interface SweepRun {
  report: SweepReport;
  claims: Map<string, Versioned<Delivery>>;
  /** Renews the lease if less than half is left; throws LeaseLost if another instance has it. */
  keepLease(): Promise<void>;
}

/** Sends one message unless it was already sent; 0 when the place cannot be reached at all. */
export async function deliverMessage(
  ports: SweepPorts,
  run: SweepRun,
  spec: DeliverySpec,
  place: Place,
  content: ReminderContent,
  recipientName: string,
  actionIds: string[] = [spec.about],
): Promise<number> {
  const { deliveries, options } = ports;
  const now = ports.now();
  let claim = run.claims.get(claimKey(spec));
  if (claim) {
    const c = claim.value;
    if (c.state === "sent" || c.state === "undeliverable") return 1;
    if (c.state === "retry" && c.retryAt && c.retryAt > now.toISOString()) return 1;
    // Due for a retry, or left "sending" by an instance whose lease has run out: ours now.
    claim = await deliveries.update(claim, { ...c, state: "sending", holder: options.instance });
  } else {
    if (!(await ports.messenger.reaches(place))) return 0;
    claim = await deliveries.claim({
      ...spec,
      recipientId: place.scope === "personal" ? place.personId : null,
      actionIds,
      state: "sending",
      holder: options.instance,
      attempts: 0,
      retryAt: null,
      reason: null,
      activityId: null,
    });
  }
  if (!claim) return 1;
  run.claims.set(claimKey(spec), claim);
  // Before every send at least half the lease is left, which is longer than a send may take: no
  // other instance can take over this claim while the send is under way.
  await run.keepLease();
  let sent;
  try {
    sent = await ports.messenger.send(place, content);
  } catch (e) {
    await failed(ports, run.report, claim, e, place, content, recipientName);
    return 1;
  }
  const done = await deliveries.update(claim, {
    ...claim.value,
    state: "sent",
    reason: null,
    retryAt: null,
    activityId: sent.activityId,
  });
  if (done) run.claims.set(claimKey(spec), done);
  run.report.sent += 1;
  if (content.type === "action") {
    await deliveries.remember({
      areaId: spec.areaId,
      panelId: spec.panelId,
      actionId: content.action.id,
      reference: content.action.reference,
      scope: place.scope,
      conversationKey: sent.conversationKey,
      activityId: sent.activityId,
    });
  }
  return 1;
}

async function failed(
  ports: SweepPorts,
  report: SweepReport,
  claim: Versioned<Delivery>,
  error: unknown,
  place: Place,
  content: ReminderContent,
  recipientName: string,
): Promise<void> {
  const failure =
    error instanceof DeliveryFailed ? error : new DeliveryFailed(false, "Teams gave an unexpected answer");
  const c = claim.value;
  const attempts = c.attempts + 1;
  const giveUp = failure.permanent || attempts >= MAX_ATTEMPTS;
  const now = ports.now();
  // 1, 2, 4, 8… times the base, up to six hours between tries.
  const wait = Math.min(6 * 3_600_000, ports.options.retryBaseMs * 2 ** (attempts - 1));
  ports.log.warn(
    { reason: failure.message, kind: c.kind, place: place.scope, attempts, giveUp },
    "reminder not delivered",
  );
  await ports.deliveries.update(claim, {
    ...c,
    attempts,
    state: giveUp ? "undeliverable" : "retry",
    retryAt: giveUp ? null : new Date(now.getTime() + wait).toISOString(),
    reason: failure.message.slice(0, 300),
  });
  if (!giveUp) {
    report.retrying += 1;
    return;
  }
  report.undeliverable += 1;
  await ports.deliveries.saveProblem({
    id: `${c.on}|${c.kind}|${c.about}|${c.target}`,
    areaId: c.areaId,
    panelId: c.panelId,
    actionId: content.type === "action" ? content.action.id : null,
    reference: content.type === "action" ? content.action.reference : null,
    recipientName,
    place: place.scope,
    reason: failure.message.slice(0, 300),
    at: now.toISOString(),
  });
}
