import type { DueReminder } from "../ports/deliveries.js";
import type { ActionForCard } from "../ports/messengers.js";
import { deliverMessage, type SweepRun } from "./deliver-message.js";
import { panelName, type SweepPorts } from "./sweep-ports.js";
import { recordProblem } from "./undeliverable.js";

/** One message to each chair of a panel, listing its actions escalated on this date and still open. */
export async function escalateToChairs(
  ports: SweepPorts,
  run: SweepRun,
  on: string,
  due: DueReminder[],
  actionOf: (r: DueReminder) => Promise<ActionForCard | undefined>,
): Promise<void> {
  const panels = new Map<string, DueReminder[]>();
  for (const r of due) panels.set(r.panelId, [...(panels.get(r.panelId) ?? []), r]);
  for (const [panelId, rows] of panels) {
    const open = (await Promise.all(rows.map(actionOf))).filter((a): a is ActionForCard => !!a);
    if (!open.length) continue;
    const areaId = rows[0]?.areaId ?? "";
    const members = await ports.directory.membersOf(panelId);
    const chairs = members.filter((m) => m.role === "chair").map((m) => m.personId);
    const name = panelName(ports, panelId);
    for (const chairId of chairs) {
      const chair = await ports.directory.person(chairId);
      const reached = await deliverMessage(
        ports,
        run,
        { on, kind: "escalation", areaId, panelId, about: "chairs", target: `chair:${chairId}` },
        { scope: "personal", personId: chairId },
        { type: "escalation", panelId, panelName: name, actions: open },
        chair?.displayName ?? "a chair",
        open.slice(0, 200).map((a) => a.id),
      );
      if (!reached) {
        await recordProblem(ports, {
          id: `${on}|escalation|${panelId}|${chairId}`,
          areaId,
          panelId,
          actionId: null,
          reference: null,
          recipientName: chair?.displayName ?? "A chair",
          place: "personal",
          reason: `${chair?.displayName ?? "A chair"} has not added MACE panels in Teams, so the list of overdue actions could not be sent to them.`,
        });
      }
    }
  }
}
