import type { Membership, PanelRole, Person } from "../../domain/people/membership.js";

// The people who use the product and their places on panels.

export interface Directory {
  person(id: string): Promise<Person | undefined>;
  /** Several people at once; unknown ids are left out. */
  people(ids: string[]): Promise<Map<string, Person>>;
  /** Service managers who approve referrals in an area. */
  approversIn(areaId: string): Promise<Person[]>;
  /** A person's places on panels. */
  membershipsOf(personId: string): Promise<Membership[]>;
  /** A person's role on one panel, if they have one. */
  roleOn(panelId: string, personId: string): Promise<PanelRole | undefined>;
  /** Everyone on a panel, with their role. */
  membersOf(panelId: string): Promise<Membership[]>;
}
