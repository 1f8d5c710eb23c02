import { approvalApplies, type Area, type Panel, type ReferralKind } from "../catalogue/panel.js";
import { CONSENT } from "./form-choices.js";
import {
  choice,
  GROUP_MEMBER_ROWS,
  long,
  MAX_GROUP_MEMBERS,
  PHONE,
  text,
  type FieldSpec,
  type FormSection,
} from "./form-fields.js";
import {
  allocatedWorkersSection,
  concernSection,
  gateFields,
  membersSection,
  subjectSection,
} from "./form-sections.js";

export {
  GROUP_MEMBER_ROWS,
  MAX_GROUP_MEMBERS,
  memberFieldId,
  POSTCODE,
  screeningFieldId,
  type Choice,
  type FieldSpec,
  type FieldType,
  type FormSection,
} from "./form-fields.js";
export { ALLOCATED_WORKER_FIELDS, memberRowsIn } from "./form-sections.js";

// The referral forms of the source documents (004: individual, group, persons and locations of
// concern; 001 appendix 3), as data: the card is drawn from it and submissions are read against it.

export interface ReferralForm {
  panelId: string;
  kind: ReferralKind;
  title: string;
  sections: FormSection[];
}

export type FormValue = string | number | boolean | string[];
export type FormValues = Record<string, FormValue>;

export const KIND_TITLES: Record<ReferralKind, string> = {
  individual: "Individual child or young adult",
  group: "Group or cohort",
  "person-of-concern": "Person of concern",
  "location-of-concern": "Location of concern",
};

/** The form a practitioner fills in to refer a subject of `kind` to `panel`. */
export function referralForm(
  panel: Panel,
  area: Area,
  kind: ReferralKind,
  approvers: { id: string; name: string }[],
  /** For a group: the member rows to hold (memberRowsIn of the values given). */
  memberRows: number = GROUP_MEMBER_ROWS,
): ReferralForm {
  const gates = panel.referralRules?.gates ?? [];
  const sections: FormSection[] = [
    {
      id: "referrer",
      title: "Your details",
      intro: "Your name, agency, role and email come from your Teams account.",
      fields: [text("referrerPhone", "Your phone number", false, { maxLength: 20, pattern: PHONE })],
    },
    subjectSection(kind),
    ...(kind === "group" ? [membersSection(Math.min(MAX_GROUP_MEMBERS, memberRows))] : []),
  ];
  const allocated = panel.referralRules?.allocatedWorkers;
  if (kind === "individual" && allocated) sections.push(allocatedWorkersSection(allocated));
  if (kind === "individual") {
    sections.push({
      id: "consent",
      title: "Consent",
      fields: [
        choice(
          "consent",
          "Has the child (and parent or carer) or young adult given consent for this referral?",
          true,
          CONSENT,
        ),
        long(
          "consentNote",
          "If not, why the referral should go ahead",
          false,
          "Needed when the answer is No or Other. A young adult's case can proceed without consent when the manager judges the risk warrants it.",
        ),
      ],
    });
  }
  const checklist = gates.flatMap((g) => gateFields(g, kind));
  if (checklist.length) {
    sections.push({
      id: "checklist",
      title: "Checklist",
      intro:
        "The panel does not duplicate good safeguarding casework. These are the panel's conditions for taking a referral.",
      fields: checklist,
    });
  }
  sections.push(concernSection(kind, area));
  if (approvalApplies(gates, kind)) {
    sections.push({
      id: "approval",
      title: "Manager approval",
      intro: "Your service manager is asked to approve the referral before the panel sees it.",
      fields: [
        choice(
          "managerId",
          "Your service manager",
          true,
          approvers.map((a) => ({ value: a.id, title: a.name })),
        ),
      ],
    });
  }
  return { panelId: panel.id, kind, title: KIND_TITLES[kind], sections };
}

export const fieldsOf = (form: ReferralForm): FieldSpec[] => form.sections.flatMap((s) => s.fields);
