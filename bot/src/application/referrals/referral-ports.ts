import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { Casework } from "../ports/casework.js";
import type { Directory, DirectoryChanges } from "../ports/directory.js";

/** What the referral commands need; each declares the part it uses. */
export interface ReferralPorts {
  catalogue: Catalogue;
  casework: Casework;
  /** Changed only to give an accepted case's presenters their role. */
  directory: Directory & DirectoryChanges;
  now: () => Date;
  /** Called after a step stored notices for people, so they are delivered straight away. */
  onNotices: (areaId: string) => void;
}
