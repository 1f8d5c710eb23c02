import type { Request } from "express";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { canManagePanel, roleOn, type Membership } from "../../domain/people/membership.js";
import { keyOf } from "../tables/entity-store.js";
import type { Repositories } from "../tables/repositories.js";
import { signedIn } from "./authenticate.js";
import { PanelId } from "./contract/index.js";
import { HttpProblem } from "./errors.js";

/** The panel a request names, and the signed-in person's role on it; non-members are refused. */
export function panelAccess(catalogue: Catalogue, repos: Repositories) {
  return async (req: Request, who: "members" | "coordinators" = "members") => {
    const parsed = PanelId.safeParse(req.params["panelId"]);
    const panel = parsed.success ? catalogue.panels.get(parsed.data) : undefined;
    if (!panel)
      throw new HttpProblem(404, "unknown-panel", "There is no such panel. Check the link and try again.");
    const memberships: Membership[] = (await repos.memberships.listPartition(keyOf(signedIn(req).id))).map(
      (v) => v.value,
    );
    const role = roleOn(memberships, panel.id);
    if (!role) {
      throw new HttpProblem(
        403,
        "not-a-member",
        "You are not a member of this panel. Ask its coordinator to add you.",
      );
    }
    if (who === "coordinators" && !canManagePanel(memberships, panel.id)) {
      throw new HttpProblem(
        403,
        "coordinators-only",
        "Only the panel's coordinators can change its meetings.",
      );
    }
    return { panel, role, memberships };
  };
}

/** The version a change was made on (If-Match): a change made on an old copy is refused. */
export function versionOf(req: Request, what: string): string {
  const version = req.get("if-match");
  if (!version) {
    throw new HttpProblem(
      428,
      "version-required",
      `Reload the ${what} and try again: the request did not say which version you changed.`,
    );
  }
  return version;
}
