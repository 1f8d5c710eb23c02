import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { Refusal } from "../../domain/refusal.js";
import type { Casework } from "../ports/casework.js";
import type { Directory } from "../ports/directory.js";
import { refuseUnlessSubjectOfReference } from "../history/subject-access-request.js";
import { knownArea, namedInConfiguration, requireAreaManager } from "../people/people-access.js";
import type { Caller } from "../people/people-ports.js";
import { accessPanel, refuseSuspended } from "./panel-access.js";
import { accessArea, AreaIdInput, refuseUnlessMaySee } from "./subject-access.js";
import { noSuchSubject, subjectIdOf } from "../history/subject-record.js";
import { accessReport } from "./report-access.js";

// Who may be given a download link to a file: the same check as the page the file comes from, so
// nobody is handed a link to something they could not see. Opening the link makes the file as the
// page does, with every check of its own again (documents ask in document-access.ts).

/** Where a file comes from, and so who may have a link to it. */
export type FileSource =
  /** A panel's page: its action log, cohort, calendar, agenda or minutes. */
  | { from: "panel"; panelId: string }
  /** An area's reports and population baseline. */
  | { from: "reports"; areaId: string }
  /** The People page: the import template. */
  | { from: "people"; areaId: string }
  /** A subject access export: the area's administrators only; by a request's reference, one that names a subject. */
  | { from: "subject-access"; areaId: string; reference?: string }
  /** A subject's record (its map): whoever may see the record, a presenter only of their own cases. */
  | { from: "subject-record"; areaId: string; subjectId: string };

export interface DownloadAccessPorts {
  catalogue: Catalogue;
  directory: Directory;
  /** Per area, the object ids and user principal names (lower case) configuration names as administrators. */
  administrators: Map<string, string[]>;
  casework: Pick<Casework, "findSubjects" | "subject" | "subjectCases">;
}

/** The area a file belongs to, once the caller is found to be allowed it; refused as its page refuses. */
export async function accessFileSource(
  ports: DownloadAccessPorts,
  caller: Caller,
  source: FileSource,
): Promise<string> {
  switch (source.from) {
    case "panel":
      return (await accessPanel(ports, caller.id, source.panelId)).panel.areaId;
    case "reports":
      return (await accessReport(ports, caller, source.areaId)).area.id;
    case "people":
      return (await requireAreaManager(ports, caller, source.areaId)).area.id;
    case "subject-access": {
      const area = knownArea(ports, source.areaId);
      const access = await ports.directory.accessOf(caller.id);
      refuseSuspended(access);
      if (!access.administers.includes(area.id) && !namedInConfiguration(ports, caller, area.id))
        throw new Refusal(
          "not-allowed",
          `Only ${area.name}'s administrators can export a subject's record for a subject access request. Ask one of them.`,
          { code: "administrators-only" },
        );
      if (source.reference !== undefined)
        await refuseUnlessSubjectOfReference(ports, area.id, source.reference);
      return area.id;
    }
    case "subject-record": {
      const id = subjectIdOf(source.subjectId);
      const area = AreaIdInput.safeParse(source.areaId);
      const [access, subject, cases] = await Promise.all([
        accessArea(ports, caller.id, source.areaId),
        area.success ? ports.casework.subject(area.data, id) : undefined,
        area.success ? ports.casework.subjectCases(area.data, id) : [],
      ]);
      if (!subject) throw noSuchSubject();
      refuseUnlessMaySee(access, cases);
      return access.areaId;
    }
  }
}
