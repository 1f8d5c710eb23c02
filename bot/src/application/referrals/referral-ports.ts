import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { Casework } from "../ports/casework.js";
import type { Directory, DirectoryChanges } from "../ports/directory.js";
import type { ReferralDrafts } from "../ports/referral-drafts.js";

/** What the referral commands need; each declares the part it uses. */
export interface ReferralPorts {
  catalogue: Catalogue;
  casework: Casework;
  /** Changed only to give an accepted case's presenters their role. */
  directory: Directory & DirectoryChanges;
  /** Forms being filled in step by step, until they are sent. */
  drafts: ReferralDrafts;
  now: () => Date;
  /** Called after a step stored notices for people, so they are delivered straight away. */
  onNotices: (areaId: string) => void;
}
