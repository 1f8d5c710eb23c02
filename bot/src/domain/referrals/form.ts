import {
  approvalApplies,
  type Area,
  type Panel,
  type ReferralGate,
  type ReferralKind,
} from "../catalogue/panel.js";
import { CONSENT, ETHNICITIES, GENDERS, SAFEGUARDING_STATUSES, SYSTEM_BLOCKERS } from "./form-choices.js";

// The referral forms of the source documents (004: individual, group, persons and locations of
// concern; 001 appendix 3), as data: the card is drawn from it and submissions are read against it.

export type FieldType = "text" | "multiline" | "date" | "number" | "choice" | "multichoice" | "toggle";

export interface Choice {
  value: string;
  title: string;
}

export interface FieldSpec {
  id: string;
  label: string;
  type: FieldType;
  required: boolean;
  maxLength?: number;
  choices?: Choice[];
  min?: number;
  max?: number;
  hint?: string;
  /** A client-side hint only; the server checks the same pattern. */
  pattern?: { regex: string; message: string };
}

export interface FormSection {
  id: string;
  title: string;
  intro?: string;
  fields: FieldSpec[];
}

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

// A group has as many members as it has, up to a bound that keeps a referral within what is stored;
// a card shows them four at a time (the source form's four rows), so it stays within Teams' limit.
export const GROUP_MEMBER_ROWS = 4;
export const MAX_GROUP_MEMBERS = 40;
const NAME = 100;
const SHORT = 120;
const LONG = 2000;

export const POSTCODE = {
  regex: "^[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}$",
  message: "Enter a UK postcode, for example SW19 1AA.",
};
const EMAIL = {
  regex: "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
  message: "Enter an email address, for example name@example.gov.uk.",
};
const PHONE = { regex: "^[0-9 +()-]{6,20}$", message: "Enter a phone number using digits, spaces and +." };

const text = (id: string, label: string, required: boolean, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  id,
  label,
  type: "text",
  required,
  maxLength: SHORT,
  ...extra,
});
const long = (id: string, label: string, required: boolean, hint?: string): FieldSpec => ({
  id,
  label,
  type: "multiline",
  required,
  maxLength: LONG,
  ...(hint ? { hint } : {}),
});
const date = (id: string, label: string, required: boolean, hint?: string): FieldSpec => ({
  id,
  label,
  type: "date",
  required,
  ...(hint ? { hint } : {}),
});
const choice = (id: string, label: string, required: boolean, choices: Choice[]): FieldSpec => ({
  id,
  label,
  type: "choice",
  required,
  choices,
});

/** The form's fields naming the allocated worker and their manager, who present the case with the referrer. */
export const ALLOCATED_WORKER_FIELDS = ["allocatedWorkerEmail", "allocatedManagerEmail"] as const;

function allocatedWorkersSection(labels: { worker: string; manager: string }): FormSection {
  const [worker, manager] = ALLOCATED_WORKER_FIELDS;
  return {
    id: "presenters",
    title: "Who presents the case",
    intro:
      "The allocated worker and their manager are invited to the case's slot. Give their work emails: once they are in the area's directory, the case is on their agenda.",
    fields: [
      text(worker, labels.worker, false, { maxLength: 200, pattern: EMAIL }),
      text(manager, labels.manager, false, { maxLength: 200, pattern: EMAIL }),
    ],
  };
}

export const screeningFieldId = (areaOfHarmId: string): string => `screening.${areaOfHarmId}`;
export const memberFieldId = (row: number, field: string): string => `member${row}.${field}`;

function gateFields(gate: ReferralGate, kind: ReferralKind): FieldSpec[] {
  switch (gate.kind) {
    case "strategy-or-professionals-meeting":
      return kind === "individual"
        ? [
            date(
              "strategyMeetingDate",
              "Date of the strategy meeting (child) or professionals meeting (young adult)",
              true,
              "The panel does not repeat a strategy discussion: refer after one has been held.",
            ),
          ]
        : [];
    case "child-protection-procedures":
      return kind === "individual"
        ? [
            {
              id: "childProtectionProcedures",
              label: "Child protection procedures have been followed for this child",
              type: "toggle",
              required: true,
            },
          ]
        : [];
    case "system-blocker-checklist":
      return kind === "individual"
        ? [
            {
              id: "blockers",
              label: `The professional network cannot agree or sustain an adequate safety plan because (at least ${gate.minimumBlockers}):`,
              type: "multichoice",
              required: true,
              choices: SYSTEM_BLOCKERS,
            },
          ]
        : [];
    case "contextual-harm-screening":
      return kind === "individual"
        ? gate.areasOfHarm.map((a) => ({
            id: screeningFieldId(a.id),
            label: `Screening score: ${a.label}`,
            type: "number" as const,
            required: false,
            min: 0,
            max: 100,
          }))
        : [];
    case "risk-factor-matrix":
      return kind === "individual" || kind === "group"
        ? [date("rfmCompletedOn", "Date the Risk Factor Matrix was completed", true)]
        : [];
    case "manager-approval":
      return [];
  }
}

/** The rows of a group's members a form holds: enough for every row given, and at least one card page. */
export function memberRowsIn(values: Record<string, unknown>): number {
  let highest = 0;
  for (const key of Object.keys(values)) {
    const row = /^member(\d{1,2})\./.exec(key)?.[1];
    if (row && values[key] !== "" && values[key] !== undefined) highest = Math.max(highest, Number(row));
  }
  return Math.min(MAX_GROUP_MEMBERS, Math.max(GROUP_MEMBER_ROWS, highest));
}

function membersSection(rows: number): FormSection {
  const members: FieldSpec[] = [];
  for (let row = 1; row <= rows; row++) {
    const required = row <= 2;
    members.push(
      text(memberFieldId(row, "name"), `Member ${row}: full name`, required, { maxLength: NAME }),
      date(memberFieldId(row, "dateOfBirth"), `Member ${row}: date of birth`, required),
      choice(memberFieldId(row, "gender"), `Member ${row}: gender`, false, GENDERS),
      choice(memberFieldId(row, "ethnicity"), `Member ${row}: ethnicity`, false, ETHNICITIES),
      text(memberFieldId(row, "relationship"), `Member ${row}: relationship to the group`, false),
      text(memberFieldId(row, "schoolOrEmployer"), `Member ${row}: school or employer`, false),
      text(memberFieldId(row, "leadAgency"), `Member ${row}: lead agency`, false),
    );
  }
  return {
    id: "members",
    title: "The members",
    intro: `Add at least two members, and as many as the group has (up to ${MAX_GROUP_MEMBERS}). Send the peer map to the coordinator separately.`,
    fields: members,
  };
}

function subjectSection(kind: ReferralKind): FormSection {
  if (kind === "individual") {
    return {
      id: "subject",
      title: "The child or young adult",
      fields: [
        text("subjectName", "Full name", true, { maxLength: NAME }),
        date("dateOfBirth", "Date of birth", true),
        choice("gender", "Gender", true, GENDERS),
        choice("ethnicity", "Ethnicity", true, ETHNICITIES),
        text("language", "Language spoken", true, { maxLength: 60 }),
        long("address", "Address", true),
        text("postcode", "Postcode", true, { maxLength: 8, pattern: POSTCODE }),
        text("schoolOrEmployer", "School, college or employer", false),
        choice("safeguardingStatus", "Safeguarding status (child) or lead agency (young adult)", true, [
          ...SAFEGUARDING_STATUSES,
        ]),
        {
          id: "alsoPersonOfConcern",
          label: "There are also concerns about this young person harming others",
          type: "toggle",
          required: false,
          hint: "They will still be discussed once, as a victim.",
        },
      ],
    };
  }
  if (kind === "group") {
    return {
      id: "subject",
      title: "The group or cohort",
      fields: [
        text("groupName", "A short, non-identifying name for the group", true, {
          maxLength: 80,
          hint: "For example: Peer group, north of the borough",
        }),
      ],
    };
  }
  if (kind === "person-of-concern") {
    return {
      id: "subject",
      title: "The person of concern",
      fields: [
        text("subjectName", "Full name", true, { maxLength: NAME }),
        date("dateOfBirth", "Date of birth", false),
        choice("gender", "Gender", false, GENDERS),
        choice("ethnicity", "Ethnicity", true, ETHNICITIES),
        text("language", "Language spoken", false, { maxLength: 60 }),
        long("address", "Home address", false),
        text("postcode", "Postcode", false, { maxLength: 8, pattern: POSTCODE }),
        long("agenciesInvolved", "Agencies known to be working with this person", false),
      ],
    };
  }
  return {
    id: "subject",
    title: "The location of concern",
    fields: [
      long("address", "Address", true),
      text("postcode", "Postcode", true, { maxLength: 8, pattern: POSTCODE }),
      long("locationDescription", "Description (type of location, name of shop, stairwell, park…)", false),
    ],
  };
}

function concernSection(kind: ReferralKind, area: Area): FormSection {
  const riskLevel = choice(
    "riskLevel",
    `Risk level (${area.riskScale.levels.map((l) => l.label).join(", ")})`,
    true,
    area.riskScale.levels.map((l) => ({ value: l.id, title: l.label })),
  );
  if (kind === "individual") {
    return {
      id: "request",
      title: "What you are asking the panel",
      fields: [
        long("request", "Request of the panel: be specific", true),
        long("howSafer", "How would this make the child or young adult safer?", true),
        riskLevel,
      ],
    };
  }
  if (kind === "group") {
    return {
      id: "request",
      title: "The harm and what you are asking the panel",
      fields: [
        long(
          "natureOfHarm",
          "What is the nature of the harm these young people face outside the family?",
          true,
        ),
        long("views", "What are the views about the harm of those involved?", false),
        long("locations", "Is the harm happening in particular locations? Give details", false),
        long("socialMedia", "Is social media a factor in the harm? Give details", false),
        long("request", "Ideas to support, divert or disrupt the harm, and your requests of the panel", true),
        riskLevel,
      ],
    };
  }
  return {
    id: "request",
    title: "Your concerns",
    fields: [
      long("concerns", "Summary of concerns (include dates and how you know this)", true),
      long("actionsToDate", "Actions to date", false),
      long("request", "How best to prevent and disrupt harm caused by this person or in this place", true),
    ],
  };
}

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
