import { z } from "zod";
import type { AuditAction } from "../../domain/audit/audit-entry.js";
import type { Person } from "../../domain/people/membership.js";
import { Refusal } from "../../domain/refusal.js";
import { auditPeople } from "./people-audit.js";
import { requireAreaManager, requireGrant } from "./people-access.js";
import type { Caller, PeoplePorts } from "./people-ports.js";

// Adding a person to an area's directory, or changing their agency, job title, whether they
// approve the area's referrals, and whether they are suspended.

export const PersonDetails = z.strictObject({
  id: z.string().trim().min(1, "choose the person from the directory").max(64),
  displayName: z
    .string()
    .trim()
    .min(1, "give the person's name")
    .max(256, "names can be at most 256 characters, as in Microsoft Entra ID"),
  email: z.email("give an email address that reaches them").max(200),
  userPrincipalName: z.string().trim().max(320).optional(),
  guest: z.boolean().default(false),
  agencyId: z.string().min(1, "choose their agency").max(80),
  jobTitle: z.string().trim().max(120, "job titles can be at most 120 characters").default(""),
  approvesReferrals: z.boolean().default(false),
  suspended: z.boolean().default(false),
});
export type PersonDetails = z.input<typeof PersonDetails>;

export async function savePersonDetails(
  ports: PeoplePorts,
  caller: Caller,
  areaId: unknown,
  raw: unknown,
  via: string,
): Promise<Person> {
  const { area, authority } = await requireAreaManager(ports, caller, areaId);
  const parsed = PersonDetails.safeParse(raw);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ field: i.path.join("."), message: i.message }));
    throw new Refusal("invalid", "Some details are not right. Nothing was saved.", {
      code: "invalid-person",
      fields,
    });
  }
  const input = parsed.data;
  const agency = ports.catalogue.agencies.get(input.agencyId);
  if (!agency || agency.areaId !== area.id) {
    throw new Refusal("invalid", `Choose one of ${area.name}'s agencies.`, {
      code: "unknown-agency",
      fields: [{ field: "agencyId", message: `choose one of ${area.name}'s agencies` }],
    });
  }
  const before = await ports.directory.person(input.id);
  const wasApprover = before?.approvesReferralsIn?.includes(area.id) ?? false;
  if (wasApprover !== input.approvesReferrals)
    requireGrant(authority, { kind: "approver", areaId: area.id }, area.name);
  if ((before?.suspended ?? false) !== input.suspended)
    requireGrant(authority, { kind: "suspension", areaId: area.id }, area.name);
  if (input.suspended && input.id === caller.id)
    throw new Refusal("not-allowed", "You cannot suspend yourself.", { code: "self-suspension" });

  const otherAreas = (before?.approvesReferralsIn ?? []).filter((a) => a !== area.id);
  const person: Person = {
    id: input.id,
    displayName: input.displayName,
    email: input.email,
    jobTitle: input.jobTitle,
    agencyId: agency.id,
    ...(input.userPrincipalName ? { userPrincipalName: input.userPrincipalName } : {}),
    ...(input.guest ? { guest: true } : {}),
    ...(input.approvesReferrals || otherAreas.length
      ? { approvesReferralsIn: input.approvesReferrals ? [...otherAreas, area.id] : otherAreas }
      : {}),
    ...(input.suspended ? { suspended: true } : {}),
  };
  const previousArea = before ? ports.catalogue.agencies.get(before.agencyId)?.areaId : undefined;
  await ports.directory.savePerson(person, area.id, caller.name, previousArea);
  const action: AuditAction = !before
    ? "person.added"
    : (before.suspended ?? false) !== input.suspended
      ? input.suspended
        ? "person.suspended"
        : "person.restored"
      : "person.changed";
  await auditPeople(ports, caller, area.id, [{ action, personId: person.id }], via);
  return person;
}
