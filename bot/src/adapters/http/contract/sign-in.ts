import { z } from "zod";

// How the tab signs in: Teams single sign-on, or a demo person during local development.

export const TokenRequest = z.strictObject({ personId: z.string().min(1).max(64) });

export type AuthConfigResponse =
  | { mode: "development" }
  | {
      mode: "teams-sso";
      clientId?: string;
      /** Where the tab sends someone to grant the permission Teams could not ask for itself. */
      consent?: { authority: string; scope: string };
    };

export interface DemoPerson {
  id: string;
  displayName: string;
  jobTitle: string;
}

export interface DemoPeopleResponse {
  people: DemoPerson[];
}

export interface DemoTokenResponse {
  token: string;
  expiresIn: number;
}
