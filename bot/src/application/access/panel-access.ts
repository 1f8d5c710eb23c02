import { z } from "zod";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { Panel } from "../../domain/catalogue/panel.js";
import {
  canManagePanel,
  roleOn,
  worksCases,
  type Membership,
  type PanelRole,
} from "../../domain/people/membership.js";
import type { Directory, PersonAccess } from "../ports/directory.js";
import { Refusal } from "../../domain/refusal.js";

// Who may use a panel: its members, each with one role, and for changes its coordinators. Every
// client (tab, card, typed command) asks here, so the answer is the same whichever is used. An
// analyst is on the panel for its reports alone (report-access.ts): never its meetings or cases.

export const PanelIdInput = z.string().regex(/^[a-z0-9-]{1,80}$/);

/**
 * Who a panel's page is for: "members", everyone who works its cases (analysts are not);
 * "coordinators", for changes; "everyone", what the panel is and when it meets, analysts too.
 */
export type Audience = "members" | "coordinators" | "everyone";

/** The refusal an analyst meets anywhere but the reports. */
export const reportsOnly = (where: string) =>
  new Refusal(
    "not-allowed",
    `As an analyst you see ${where} reports only. Open them from the Reports page.`,
    {
      code: "reports-only",
    },
  );

export interface PanelAccess {
  panel: Panel & { areaId: string };
  role: PanelRole;
  memberships: Membership[];
}

/** The person's role on a panel, if they have one: from the same read as every access decision. */
export const roleOnPanel = async (ports: { directory: Directory }, personId: string, panelId: string) =>
  roleOn(await ports.directory.membershipsOf(personId), panelId);

/** A suspended person is refused everywhere, whatever places they hold, until restored. */
export function refuseSuspended(access: PersonAccess): void {
  if (access.person?.suspended)
    throw new Refusal(
      "not-allowed",
      "Your access to MACE panels is suspended. Ask your area's administrator.",
      {
        code: "suspended",
      },
    );
}

/** The panel named, and the person's role on it; anyone not on it, or suspended, is refused. */
export async function accessPanel(
  ports: { catalogue: Catalogue; directory: Directory },
  personId: string,
  panelId: unknown,
  who: Audience = "members",
): Promise<PanelAccess> {
  const parsed = PanelIdInput.safeParse(panelId);
  const panel = parsed.success ? ports.catalogue.panels.get(parsed.data) : undefined;
  if (!panel) {
    throw new Refusal("not-found", "There is no such panel. Check the link and try again.", {
      code: "unknown-panel",
    });
  }
  const access = await ports.directory.accessOf(personId);
  refuseSuspended(access);
  const memberships = access.memberships;
  const role = roleOn(memberships, panel.id);
  if (!role) {
    throw new Refusal("not-allowed", "You are not a member of this panel. Ask its coordinator to add you.", {
      code: "not-a-member",
    });
  }
  if (who !== "everyone" && !worksCases(role)) throw reportsOnly("the panel's");
  if (who === "coordinators" && !canManagePanel(memberships, panel.id)) {
    throw new Refusal("not-allowed", "Only the panel's coordinators can change its meetings.", {
      code: "coordinators-only",
    });
  }
  return { panel, role, memberships };
}
