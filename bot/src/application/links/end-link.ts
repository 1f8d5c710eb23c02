import type { Actor } from "../../domain/people/actor.js";
import { Refusal } from "../../domain/refusal.js";
import { accessArea } from "../access/subject-access.js";
import { auditEntry } from "../audit/audit-trail.js";
import { ConcurrencyConflict } from "../ports/versioned.js";
import { refuseUnlessCoordinatorOf } from "./add-link.js";
import type { LinkPorts } from "./link-ports.js";
import { linkView, type LinkView } from "./link-views.js";

// A link the panel no longer holds to be true is ended, with the reason, by a coordinator of the
// panel that drew it. It is never deleted: the subjects' histories still show it, and when it ended.

export async function endLink(
  ports: Pick<LinkPorts, "catalogue" | "casework" | "directory" | "now">,
  actor: Actor,
  areaId: unknown,
  linkId: string,
  reason: string,
  via: string,
): Promise<LinkView> {
  const access = await accessArea(ports, actor.id, areaId);
  const { casework } = ports;
  const before = await casework.link(access.areaId, linkId);
  if (!before) throw new Refusal("not-found", "There is no such link. Reload to see the links as they are.");
  const link = before.value;
  refuseUnlessCoordinatorOf(ports, access, link.panelId);
  if (link.ended)
    throw new Refusal(
      "conflict",
      `${link.ended.byName} ended this link on ${link.ended.at.slice(0, 10)}. Reload to see the links as they are.`,
      { code: "already-ended", changedBy: { name: link.ended.byName, at: link.ended.at } },
    );
  const now = ports.now();
  const ended = { ...link, ended: { by: actor.id, byName: actor.name, at: now.toISOString(), reason } };
  const ends = await casework.subjects(access.areaId, [link.from, link.to]);
  const references = [link.from, link.to].flatMap((id) => ends.get(id)?.reference ?? []);
  const unit = casework.unit(access.areaId, actor.name);
  unit.replaceLink(ended, before);
  unit.audit(
    auditEntry(now, {
      areaId: access.areaId,
      panelId: link.panelId,
      actorId: actor.id,
      action: "link.ended",
      subjectId: link.from,
      reference: references[0] ?? "",
      shown: references,
      via,
    }),
  );
  try {
    await unit.commit();
  } catch (e) {
    if (!(e instanceof ConcurrencyConflict)) throw e;
    throw new Refusal("conflict", "Someone changed this link at the same moment. Reload and try again.", {
      code: "link-changed",
    });
  }
  return linkView(ended, ends);
}
