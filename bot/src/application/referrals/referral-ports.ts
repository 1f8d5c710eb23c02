import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { Casework } from "../ports/casework.js";
import type { Directory } from "../ports/directory.js";

/** What the referral commands need; each declares the part it uses. */
export interface ReferralPorts {
  catalogue: Catalogue;
  casework: Casework;
  directory: Directory;
  now: () => Date;
  /** Called after a step stored notices for people, so they are delivered straight away. */
  onNotices: (areaId: string) => void;
}
