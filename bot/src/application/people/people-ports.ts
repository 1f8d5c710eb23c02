import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { Actor } from "../../domain/people/actor.js";
import type { Casework } from "../ports/casework.js";
import type { Directory, DirectoryChanges } from "../ports/directory.js";

/** What the people commands need; each declares the part it uses. */
export interface PeoplePorts {
  catalogue: Catalogue;
  directory: Directory & DirectoryChanges;
  /** The area's audit trail lives with its casework. */
  casework: Casework;
  now: () => Date;
  /** Per area, the object ids and user principal names (lower case) configuration names as administrators. */
  administrators: Map<string, string[]>;
}

/** The signed-in person, with the user principal name configuration may name them by. */
export interface Caller extends Actor {
  upn?: string;
}
