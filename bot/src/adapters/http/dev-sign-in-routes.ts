import { Router } from "express";
import type { DevIdentityProvider } from "../identity/dev-identity-provider.js";
import { keyOf } from "../tables/entity-store.js";
import type { Repositories } from "../tables/repositories.js";
import { TokenRequest, type DemoPeopleResponse, type DemoTokenResponse } from "./contract/index.js";
import { HttpProblem } from "./errors.js";
import { route } from "./route.js";

/** Local development sign-in as one of the seeded demo people. Mounted only when DEV_SIGN_IN is on. */
export function devSignInRoutes(idp: DevIdentityProvider, repos: Repositories): Router {
  const router = Router();
  router.get("/keys", (_req, res) => {
    res.json(idp.jwks);
  });
  router.get(
    "/people",
    route(async (_req, res) => {
      const people = (await repos.people.listPartition("person")).map(({ value: p }) => ({
        id: p.id,
        displayName: p.displayName,
        jobTitle: p.jobTitle,
      }));
      res.json({ people } satisfies DemoPeopleResponse);
    }),
  );
  router.post(
    "/token",
    route(async (req, res) => {
      const { personId } = TokenRequest.parse(req.body);
      const person = await repos.people.get("person", keyOf(personId));
      if (!person) throw new HttpProblem(404, "unknown-person", "There is no demo person with that id.");
      const token = await idp.issue({
        id: person.value.id,
        name: person.value.displayName,
        email: person.value.email,
      });
      res.json({ token, expiresIn: idp.tokenSeconds } satisfies DemoTokenResponse);
    }),
  );
  return router;
}
