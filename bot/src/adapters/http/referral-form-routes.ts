import { Router, type Request } from "express";
import type { ReferralDesk } from "../../application/referrals/referral-desk.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { Settings } from "../../settings.js";
import { startReferralCard } from "../teams/referral-commands.js";
import { referralFormSteps } from "../teams/referral-form-steps.js";
import { tabLinks } from "../teams/tab-links.js";
import { signedIn } from "./authenticate.js";
import { ReferralFormPress, type ReferralFormResponse } from "./contract/index.js";
import { route } from "./route.js";

// The referral form in the tab, for a phone whose Teams does not run a card's buttons: the tab
// draws the very cards the bot sends, and each press comes here to the same steps as the bot's
// (the same checks, the same draft, the same referral desk deciding who may refer where).

/** The card is already in the tab: its link to the tab is left off. */
function inTheTab(card: Record<string, unknown>): Record<string, unknown> {
  const actions = card["actions"];
  if (!Array.isArray(actions)) return card;
  return { ...card, actions: actions.filter((a) => (a as { type?: unknown }).type !== "Action.OpenUrl") };
}

export function referralFormRoutes(deps: {
  desk: ReferralDesk;
  catalogue: Catalogue;
  settings: Pick<Settings, "publicUrl" | "teamsAppId">;
}): Router {
  const { desk, catalogue } = deps;
  const links = tabLinks(deps.settings.publicUrl, deps.settings.teamsAppId);
  const router = Router();
  const actor = (req: Request) => {
    const user = signedIn(req);
    return { id: user.id, name: user.name };
  };

  // The first card, as `refer` draws it: the panels this person may refer to.
  router.get(
    "/referral-form",
    route(async (req, res) => {
      const card = await startReferralCard(desk, catalogue, actor(req).id, links);
      res.json({ card: inTheTab(card) } satisfies ReferralFormResponse);
    }),
  );

  router.post(
    "/referral-form",
    route(async (req, res) => {
      const { verb, data } = ReferralFormPress.parse(req.body);
      const reply = await referralFormSteps[verb]({
        desk,
        catalogue,
        links,
        actor: actor(req),
        data,
        via: "tab",
      });
      res.json(("card" in reply ? { card: inTheTab(reply.card) } : reply) satisfies ReferralFormResponse);
    }),
  );

  return router;
}
