import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { Casework } from "../ports/casework.js";
import type { Directory } from "../ports/directory.js";
import type { DocumentRecords } from "../ports/documents.js";

/** What a subject's history and its subject access export need; each declares the part it uses. */
export interface HistoryPorts {
  catalogue: Catalogue;
  casework: Casework;
  directory: Directory;
  /** The documents attached to its cases and referrals, listed in the subject access export. */
  documents: Pick<DocumentRecords, "ofSubject" | "ofReferral">;
  now: () => Date;
  /** Per area, the object ids and user principal names (lower case) configuration names as administrators. */
  administrators: Map<string, string[]>;
}
