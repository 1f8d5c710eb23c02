// Signing in: how the tab signs people in, the demo's people and their tokens, and who the signed-in
// person is and which panels they sit on. The first calls are made before there is a token.

import type {
  AuthConfigResponse,
  DemoPeopleResponse,
  DemoTokenResponse,
  MeResponse,
  PanelsResponse,
} from "../../../bot/src/adapters/http/contract/index.js";
import type { TokenSource } from "../tokens.js";
import { request } from "./request.js";

export const signInCalls = {
  authConfig: () => request<AuthConfigResponse>("/api/auth/config", null),
  demoPeople: () => request<DemoPeopleResponse>("/dev-idp/people", null),
  demoToken: (personId: string) =>
    request<DemoTokenResponse>("/dev-idp/token", null, {
      method: "POST",
      body: JSON.stringify({ personId }),
    }),
  me: (token: TokenSource) => request<MeResponse>("/api/me", token),
  panels: (token: TokenSource) => request<PanelsResponse>("/api/panels", token),
};
