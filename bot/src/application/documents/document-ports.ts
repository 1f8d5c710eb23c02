import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { Casework } from "../ports/casework.js";
import type { Directory } from "../ports/directory.js";
import type { DocumentFiles, DocumentRecords } from "../ports/documents.js";

/** What attaching, listing, reviewing and downloading documents need. */
export interface DocumentPorts {
  catalogue: Catalogue;
  casework: Casework;
  directory: Directory;
  documents: DocumentRecords;
  files: DocumentFiles;
  now: () => Date;
}
