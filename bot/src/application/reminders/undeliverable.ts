import type { ReminderProblem } from "../ports/deliveries.js";
import type { SweepPorts } from "./sweep-ports.js";

/** Records, once, a message nobody could be sent, for the panel's coordinators to see. */
export async function recordProblem(
  ports: Pick<SweepPorts, "deliveries" | "now">,
  p: Omit<ReminderProblem, "at">,
): Promise<void> {
  if (await ports.deliveries.problem(p.areaId, p.panelId, p.id)) return;
  await ports.deliveries.saveProblem({ ...p, at: ports.now().toISOString() });
}
