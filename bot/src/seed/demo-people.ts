import type { Membership, Person } from "../domain/people/membership.js";

// Invented people for local demos and tests. None is a real officer from the source documents.
export const DEMO_PEOPLE: Person[] = [
  {
    id: "00000000-0000-4000-8000-000000000101",
    displayName: "Priya Okafor",
    email: "priya.okafor@merton.example",
    jobTitle: "MACE panel coordinator",
    agencyId: "mer-csc",
  },
  {
    id: "00000000-0000-4000-8000-000000000102",
    displayName: "Tom Ashworth",
    email: "tom.ashworth@met.example",
    jobTitle: "Detective Inspector, Public Protection",
    agencyId: "mer-police",
  },
  {
    id: "00000000-0000-4000-8000-000000000103",
    displayName: "Grace Mensah",
    email: "grace.mensah@merton.example",
    jobTitle: "Social worker, Contextual Harm team",
    agencyId: "mer-csc",
  },
  {
    id: "00000000-0000-4000-8000-000000000104",
    displayName: "Daniel Kowalski",
    email: "daniel.kowalski@met.example",
    jobTitle: "Police Constable, Child Exploitation team",
    agencyId: "mer-police",
  },
  {
    id: "00000000-0000-4000-8000-000000000105",
    displayName: "Hannah Reyes",
    email: "hannah.reyes@nhs.example",
    jobTitle: "Named Nurse, Safeguarding Children",
    agencyId: "mer-health",
  },
  {
    id: "00000000-0000-4000-8000-000000000106",
    displayName: "Owen Brathwaite",
    email: "owen.brathwaite@merton.example",
    jobTitle: "Head of Education Inclusion",
    agencyId: "mer-education",
  },
  {
    id: "00000000-0000-4000-8000-000000000107",
    displayName: "Leila Haddad",
    email: "leila.haddad@lambeth.example",
    jobTitle: "MAVE panel coordinator",
    agencyId: "lam-csc",
  },
  {
    id: "00000000-0000-4000-8000-000000000108",
    displayName: "Marcus Thorne",
    email: "marcus.thorne@staffs.example",
    jobTitle: "Child Exploitation Coordinator",
    agencyId: "sta-csc",
  },
  {
    id: "00000000-0000-4000-8000-000000000109",
    displayName: "Nadia Whitfield",
    email: "nadia.whitfield@lambeth.example",
    jobTitle: "Youth Justice practitioner",
    agencyId: "lam-youth-justice",
  },
  {
    id: "00000000-0000-4000-8000-000000000110",
    displayName: "Colm Ferreira",
    email: "colm.ferreira@lambeth.example",
    jobTitle: "Service Manager, Adolescent Safeguarding",
    agencyId: "lam-csc",
    approvesReferralsIn: ["lambeth"],
  },
];

const [
  coordinator,
  chair,
  socialWorker,
  officer,
  nurse,
  educationLead,
  lambethCoordinator,
  staffsCoordinator,
] = DEMO_PEOPLE.map((p) => p.id) as [string, string, string, string, string, string, string, string];
const [, , , , , , , , lambethPractitioner, lambethManager] = DEMO_PEOPLE.map((p) => p.id) as string[];

export const DEMO_MEMBERSHIPS: Membership[] = [
  { personId: coordinator, panelId: "merton-pre-mace", role: "coordinator" },
  { personId: coordinator, panelId: "merton-strategic-mace", role: "coordinator" },
  { personId: chair, panelId: "merton-pre-mace", role: "chair" },
  { personId: chair, panelId: "merton-strategic-mace", role: "chair" },
  { personId: socialWorker, panelId: "merton-pre-mace", role: "presenter" },
  { personId: officer, panelId: "merton-pre-mace", role: "member" },
  { personId: nurse, panelId: "merton-pre-mace", role: "member" },
  { personId: nurse, panelId: "merton-strategic-mace", role: "member" },
  { personId: educationLead, panelId: "merton-pre-mace", role: "member" },
  { personId: educationLead, panelId: "merton-strategic-mace", role: "member" },
  { personId: lambethCoordinator, panelId: "lambeth-mave", role: "coordinator" },
  { personId: lambethCoordinator, panelId: "lambeth-mace", role: "coordinator" },
  { personId: lambethPractitioner ?? "", panelId: "lambeth-mave", role: "presenter" },
  { personId: lambethManager ?? "", panelId: "lambeth-mave", role: "member" },
  { personId: staffsCoordinator, panelId: "staffordshire-pre-mace-thresholding", role: "coordinator" },
  ...[
    "newcastle-under-lyme",
    "moorlands",
    "tamworth",
    "lichfield",
    "east-staffordshire",
    "stafford",
    "cannock",
    "south-staffordshire",
  ].map((d): Membership => ({
    personId: staffsCoordinator,
    panelId: `staffordshire-${d}`,
    role: "coordinator",
  })),
];
