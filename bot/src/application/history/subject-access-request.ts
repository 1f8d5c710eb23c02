import { z } from "zod";
import { Refusal } from "../../domain/refusal.js";
import { knownArea } from "../people/people-access.js";
import type { Caller } from "../people/people-ports.js";
import type { HistoryPorts } from "./history-ports.js";
import { subjectAccessExport, type SubjectAccessRecord } from "./subject-access-export.js";

// A subject access request quotes a reference, and the area's data protection lead answering it
// is an administrator who need sit on no panel: the export is found from the reference alone.

const Reference = z
  .string()
  .trim()
  .transform((r) => r.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{3}-(S-)?\d{4}-\d{4,}$/));

const noSubjectWords = (areaName: string, reference: string) =>
  `No subject of ${areaName} has the reference ${reference}. Check it against the request: a subject is known by the reference of the referral that first brought it to a panel.`;

function referenceOf(reference: unknown): string {
  const parsed = Reference.safeParse(reference);
  if (!parsed.success)
    throw new Refusal("invalid", "Enter the subject's reference, for example MER-2026-0001.", {
      code: "invalid-reference",
      fields: [{ field: "reference", message: "a reference such as MER-2026-0001" }],
    });
  return parsed.data;
}

/**
 * Whether a request's reference names a subject of the area, refused in words when it does not:
 * asked before a link to its export is made, so the administrator reads it beside the form.
 */
export async function refuseUnlessSubjectOfReference(
  ports: Pick<HistoryPorts, "catalogue"> & { casework: Pick<HistoryPorts["casework"], "findSubjects"> },
  areaId: unknown,
  reference: unknown,
): Promise<void> {
  const area = knownArea(ports, areaId);
  const wanted = referenceOf(reference);
  const [found] = await ports.casework.findSubjects(area.id, { by: "reference", reference: wanted }, 1);
  if (!found) throw new Refusal("not-found", noSubjectWords(area.name, wanted), { code: "unknown-subject" });
}

export async function subjectAccessByReference(
  ports: HistoryPorts,
  caller: Caller,
  areaId: unknown,
  reference: unknown,
  via: string,
): Promise<SubjectAccessRecord> {
  const area = knownArea(ports, areaId);
  const wanted = referenceOf(reference);
  const [found] = await ports.casework.findSubjects(area.id, { by: "reference", reference: wanted }, 1);
  // Whoever is not an administrator is refused by the export itself, found or not.
  return subjectAccessExport(ports, caller, area.id, found?.id ?? "none", via, {
    notFound: noSubjectWords(area.name, wanted),
  });
}
