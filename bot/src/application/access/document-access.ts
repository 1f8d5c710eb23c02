import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { Subject } from "../../domain/cohort/case.js";
import { type AttachedDocument } from "../../domain/documents/document.js";
import type { Referral } from "../../domain/referrals/referral.js";
import { Refusal } from "../../domain/refusal.js";
import type { Casework, StoredCase } from "../ports/casework.js";
import type { Directory } from "../ports/directory.js";
import type { Versioned } from "../ports/versioned.js";
import { panelOf, visibleReferral, type PanelInArea } from "../referrals/referral-access.js";
import { noSuchSubject, subjectIdOf } from "../history/subject-record.js";
import {
  accessArea,
  AreaIdInput,
  maySeeSubject,
  refuseUnlessMaySee,
  type AreaAccess,
} from "./subject-access.js";

// Who may do what with documents. A case's documents go with its record: whoever may see the
// subject's record may attach, list and download them (a presenter only on the cases they
// present). A referral's go with the referral: its referrer, its named manager and, once it has
// reached the panel, the panel's coordinators. Only a chair of the document's panel marks a risk
// assessment reviewed. Every client (the tab's routes, the download link) asks here.

type Ports = { catalogue: Catalogue; casework: Casework; directory: Directory };

export interface CaseDocumentsAccess {
  access: AreaAccess;
  subject: Subject;
  /** The subject's cases this person may see. */
  cases: StoredCase[];
}

/** The subject's record as this person may see it, for its documents; refused as its history is. */
export async function accessCaseDocuments(
  ports: Ports,
  personId: string,
  areaId: unknown,
  subjectId: unknown,
): Promise<CaseDocumentsAccess> {
  const id = subjectIdOf(subjectId);
  const area = AreaIdInput.safeParse(areaId);
  const [access, subject, cases] = await Promise.all([
    accessArea(ports, personId, areaId),
    area.success ? ports.casework.subject(area.data, id) : undefined,
    area.success ? ports.casework.subjectCases(area.data, id) : [],
  ]);
  if (!subject) throw noSuchSubject();
  refuseUnlessMaySee(access, cases);
  const seen = access.presenterOnly ? cases.filter((c) => maySeeSubject(access, [c])) : cases;
  return { access, subject: subject.value, cases: seen };
}

/** The case on `panelId` a document is attached to: one of the subject's cases this person sees. */
export function caseOnPanel(seen: CaseDocumentsAccess, panelId: unknown): StoredCase {
  const found = seen.cases.find((c) => c.panelId === panelId);
  if (!found)
    throw new Refusal("invalid", "Choose the panel whose case the document belongs to.", {
      code: "no-such-case",
      fields: [{ field: "panelId", message: "Choose one of this subject's panels." }],
    });
  return found;
}

export interface ReferralDocumentsAccess {
  panel: PanelInArea;
  referral: Versioned<Referral>;
}

/** The referral as this person may see it, for its documents; anyone else is told it does not exist. */
export async function accessReferralDocuments(
  ports: Ports,
  personId: string,
  panelId: unknown,
  referralId: unknown,
): Promise<ReferralDocumentsAccess> {
  const panel = panelOf(ports.catalogue, panelId);
  const referral = await visibleReferral(ports, { id: personId }, panel, referralId);
  return { panel, referral };
}

/** Whether this person may open a case document: one of the cases they see is on its panel, or it came with one of their referrals. */
export function seesDocument(seen: CaseDocumentsAccess, d: AttachedDocument): boolean {
  if (d.owner.kind === "case") return seen.cases.some((c) => c.panelId === d.owner.panelId);
  const { referralId } = d.owner;
  return seen.cases.some((c) => c.referralIds.includes(referralId));
}

/** Refuses anyone but a chair of the document's panel; only risk assessments are reviewed. */
export function refuseUnlessChairOf(seen: CaseDocumentsAccess, d: AttachedDocument): void {
  if (seen.access.roles.get(d.owner.panelId) !== "chair")
    throw new Refusal("not-allowed", "Only the panel's chairs can mark a risk assessment reviewed.", {
      code: "chairs-only",
    });
}
