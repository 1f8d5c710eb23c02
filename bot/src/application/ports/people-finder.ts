// The organisation's directory (Microsoft Entra ID through Graph): where an administrator finds a
// person to add, guests from partner agencies' tenants included.

export interface FoundPerson {
  /** The Entra object id in this tenant: the id a person signs in with. */
  id: string;
  displayName: string;
  /** Where mail reaches them; a guest's home address. */
  email: string;
  userPrincipalName: string;
  jobTitle: string | null;
  /** A B2B guest invited from another organisation's tenant. */
  guest: boolean;
}

export interface PeopleFinder {
  /** People whose name or address starts with what was typed; at most `top`. */
  search(query: string, top: number): Promise<FoundPerson[]>;
  /** One person by object id or user principal name; undefined if the directory has none. */
  find(idOrUpn: string): Promise<FoundPerson | undefined>;
}
