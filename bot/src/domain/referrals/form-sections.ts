import type { Area, ReferralGate, ReferralKind } from "../catalogue/panel.js";
import { ETHNICITIES, GENDERS, SAFEGUARDING_STATUSES, SYSTEM_BLOCKERS } from "./form-choices.js";
import {
  choice,
  date,
  EMAIL,
  GROUP_MEMBER_ROWS,
  long,
  MAX_GROUP_MEMBERS,
  memberFieldId,
  NAME,
  POSTCODE,
  screeningFieldId,
  text,
  type FieldSpec,
  type FormSection,
} from "./form-fields.js";

// The sections of the referral forms (004: individual, group, persons and locations of concern;
// 001 appendix 3): who the referral is about, a group's members, the concern, the panel's
// conditions for taking it, and who presents the case.

/** The form's fields naming the allocated worker and their manager, who present the case with the referrer. */
export const ALLOCATED_WORKER_FIELDS = ["allocatedWorkerEmail", "allocatedManagerEmail"] as const;

export function allocatedWorkersSection(labels: { worker: string; manager: string }): FormSection {
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

export function gateFields(gate: ReferralGate, kind: ReferralKind): FieldSpec[] {
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

export function membersSection(rows: number): FormSection {
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

export function subjectSection(kind: ReferralKind): FormSection {
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

export function concernSection(kind: ReferralKind, area: Area): FormSection {
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
