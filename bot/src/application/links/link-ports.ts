import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { Casework } from "../ports/casework.js";
import type { Directory } from "../ports/directory.js";

/** What linking subjects and drawing their map need; each command declares the part it uses. */
export interface LinkPorts {
  catalogue: Catalogue;
  casework: Casework;
  directory: Directory;
  now: () => Date;
}
