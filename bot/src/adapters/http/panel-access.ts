import type { Request } from "express";
import { accessPanel, type Audience } from "../../application/access/panel-access.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { Directory } from "../../application/ports/directory.js";
import { signedIn } from "./authenticate.js";
import { HttpProblem } from "./errors.js";

/** The panel a request names and the signed-in person's role on it, decided by the application. */
export function panelAccess(catalogue: Catalogue, directory: Directory) {
  return (req: Request, who: Audience = "members") =>
    accessPanel({ catalogue, directory }, signedIn(req).id, req.params["panelId"], who);
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
