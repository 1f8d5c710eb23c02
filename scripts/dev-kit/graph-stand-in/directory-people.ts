import { DEMO_PEOPLE } from "../../../bot/src/seed/demo-people.js";

// The invented people in the stand-in's directory: one council tenant, with partner agencies'
// staff as B2B guests. The demo people keep their object ids and addresses, so a person found here
// is the person who signs in; police and NHS staff are guests, as they are in a real partnership.
// Nobody here is a real person.

export interface DirectoryUser {
  id: string;
  displayName: string;
  givenName: string;
  surname: string;
  /** For a guest, the address in their home organisation. */
  mail: string | null;
  userPrincipalName: string;
  jobTitle: string | null;
  userType: "Member" | "Guest";
}

/** The council tenant's own domain: guests' user principal names end with it. */
export const HOST_DOMAIN = "merton.example";
const PARTNER_DOMAINS = ["met.example", "nhs.example"];

/** B2B: AdeleV@adatum.com invited to contoso.com becomes AdeleV_adatum.com#EXT#@contoso.com. */
const guestPrincipalName = (mail: string): string => `${mail.replace("@", "_")}#EXT#@${HOST_DOMAIN}`;

function user(
  id: string,
  displayName: string,
  mail: string,
  jobTitle: string | null,
  principalName?: string,
): DirectoryUser {
  const [givenName = "", ...rest] = displayName.split(" ");
  const guest = PARTNER_DOMAINS.includes(mail.split("@")[1] ?? "");
  return {
    id,
    displayName,
    givenName,
    surname: rest.join(" "),
    mail,
    userPrincipalName: principalName ?? (guest ? guestPrincipalName(mail) : mail),
    jobTitle,
    userType: guest ? "Guest" : "Member",
  };
}

export const DIRECTORY_PEOPLE: DirectoryUser[] = [
  ...DEMO_PEOPLE.map((p) => user(p.id, p.displayName, p.email, p.jobTitle)),
  // People not yet in the product, for an administrator to find and add.
  user(
    "00000000-0000-4000-8000-000000000201",
    "Amara Lindqvist",
    "amara.lindqvist@merton.example",
    "Social worker, Adolescent Support team",
  ),
  user(
    "00000000-0000-4000-8000-000000000202",
    "Felix Oduya",
    "felix.oduya@merton.example",
    "Team manager, Contextual Harm team",
  ),
  user(
    "00000000-0000-4000-8000-000000000203",
    "Siobhan O'Rourke",
    "siobhan.orourke@lambeth.example",
    "Early Help practitioner",
  ),
  user(
    "00000000-0000-4000-8000-000000000204",
    "Sam Okonjo",
    "sam.okonjo@met.example",
    "Detective Sergeant, Child Exploitation team",
  ),
  user(
    "00000000-0000-4000-8000-000000000205",
    "Ines Marwick",
    "ines.marwick@nhs.example",
    "Designated Nurse, Safeguarding Children",
  ),
  // A shared mailbox whose principal name starts with "$", which Graph reads only by key syntax.
  user(
    "00000000-0000-4000-8000-000000000206",
    "MACE Duty Desk",
    "mace.duty@merton.example",
    null,
    "$mace.duty@merton.example",
  ),
];
