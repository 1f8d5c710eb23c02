import { z } from "zod";
import { PersonDetails } from "../../../application/people/people-desk.js";
import type { FoundPerson } from "../../../application/ports/people-finder.js";

// An area's People page: its people and their panel roles, administrators, the directory search
// and the CSV import.

export const AreaId = z.string().regex(/^[a-z0-9-]{1,80}$/, "that is not an area's id");
/** An Entra object id, or a demo person's id. */
export const PersonId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, "that is not a person's id");
/** A person's details; the person is the one the address names. */
export const PersonChange = PersonDetails.omit({ id: true });
export type PersonChangeBody = z.input<typeof PersonChange>;
/** The application words a role it does not know. */
export const RoleChange = z.strictObject({
  role: z.string().max(40),
  deputyFor: PersonId.nullish(),
});
export type RoleChangeBody = z.input<typeof RoleChange>;
export const DirectoryQuery = z.strictObject({
  q: z.string().trim().min(2, "type at least two letters of a name or address").max(100),
});

export type {
  AreaPeopleView as AreaPeopleResponse,
  PersonRow,
  ImportPreview as ImportResponse,
  ImportRowPreview,
} from "../../../application/people/people-desk.js";

export interface DirectoryResponse {
  people: FoundPerson[];
}

export interface ManagedArea {
  id: string;
  name: string;
  /** Administrators also make administrators and suspend people. */
  administrator: boolean;
}
