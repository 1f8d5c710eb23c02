import type { Subject } from "../../domain/cohort/case.js";
import { nameMatches, searchPlan } from "../../domain/cohort/subject-search.js";
import type { Actor } from "../../domain/people/actor.js";
import { Refusal } from "../../domain/refusal.js";
import { accessArea } from "../access/subject-access.js";
import { auditListView } from "../audit/audit-trail.js";
import type { LinkPorts } from "./link-ports.js";
import { auditPanel, summaryOf, type SubjectSummary } from "./link-views.js";

// A coordinator looks for a subject already known to the area before recording a new one: by
// reference, by a postcode or its district, or by words of a name. The longest word is looked up
// (one key range of its digest) and the others are checked against the names found.

export const SHOWN = 20;
// A word can be common ("Road"): more are read than shown, so the other words can narrow them.
const READ_FOR_WORDS = 100;

export async function findSubjects(
  ports: Pick<LinkPorts, "catalogue" | "casework" | "directory" | "now">,
  actor: Actor,
  areaId: unknown,
  text: string,
  via: string,
): Promise<SubjectSummary[]> {
  const access = await accessArea(ports, actor.id, areaId);
  if (access.presenterOnly)
    throw new Refusal("not-allowed", "Only members of the area's panels can search its subjects.", {
      code: "members-only",
    });
  const plan = searchPlan(text);
  if (!plan)
    throw new Refusal(
      "invalid",
      "Type a reference (MER-2026-0042), a postcode, or a word of a name of two letters or more.",
      { code: "nothing-to-search", fields: [{ field: "q", message: "type what to search for" }] },
    );
  const { casework } = ports;
  let found: Subject[];
  if (plan.by === "reference")
    found = await casework.findSubjects(access.areaId, { by: "reference", reference: plan.reference }, 1);
  else if (plan.by === "postcode")
    found = await casework.findSubjects(access.areaId, { by: "postcode", postcode: plan.postcode }, SHOWN);
  else
    found = (
      await casework.findSubjects(access.areaId, { by: "word", word: plan.word }, READ_FOR_WORDS)
    ).filter((s) => nameMatches(s.label, plan.rest));
  const shown = found.slice(0, SHOWN).map(summaryOf);
  await auditListView(ports, {
    areaId: access.areaId,
    panelId: auditPanel(access),
    actorId: actor.id,
    action: "subjects.searched",
    shown: shown.map((s) => s.reference),
    via,
  });
  return shown;
}
