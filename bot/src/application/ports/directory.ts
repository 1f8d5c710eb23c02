import type { Membership, Person } from "../../domain/people/membership.js";

// The people who use the product, their places on panels and who administers each area.

/** Everything that decides what one person may do, read together. */
export interface PersonAccess {
  /** Their own record, if they have been added to the directory. */
  person: Person | undefined;
  memberships: Membership[];
  /** Areas they were made administrator of in the product (configuration names the first ones). */
  administers: string[];
}

export interface Directory {
  person(id: string): Promise<Person | undefined>;
  /** Several people at once; unknown ids are left out. */
  people(ids: string[]): Promise<Map<string, Person>>;
  /** Service managers who approve referrals in an area. */
  approversIn(areaId: string): Promise<Person[]>;
  /** A person's places on panels. */
  membershipsOf(personId: string): Promise<Membership[]>;
  /** A person's record, panels and areas administered: what every access decision reads, at once. */
  accessOf(personId: string): Promise<PersonAccess>;
  /** Everyone on a panel, with their role. */
  membersOf(panelId: string): Promise<Membership[]>;
  /** The people added to an area's directory (through its agencies). */
  peopleIn(areaId: string): Promise<Person[]>;
  /** Those made administrator of an area in the product. */
  administratorsOf(areaId: string): Promise<string[]>;
}

/** Changes to the directory; each takes effect on the person's very next request. */
export interface DirectoryChanges {
  /** Adds or updates a person; `previousAreaId` when their agency moved them to another area. */
  savePerson(person: Person, areaId: string, by: string, previousAreaId?: string): Promise<void>;
  setRole(membership: Membership, by: string): Promise<void>;
  removeRole(panelId: string, personId: string): Promise<void>;
  setAdministrator(areaId: string, personId: string, administrator: boolean, by: string): Promise<void>;
}
