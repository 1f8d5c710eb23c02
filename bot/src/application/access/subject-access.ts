import { z } from "zod";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { presentersOf, type Case } from "../../domain/cohort/case.js";
import { worksCases, type Membership, type PanelRole } from "../../domain/people/membership.js";
import { Refusal } from "../../domain/refusal.js";
import type { Directory } from "../ports/directory.js";
import { refuseSuspended, reportsOnly } from "./panel-access.js";

// Who may see the panel's record about a subject (its history, its links and the map): the
// members of the area's panels, whatever panel the case is on, since the record crosses panels
// (a child discussed at pre-MACE and then at MACE). A presenter is not a member: they see only
// the subjects of the cases they present. An analyst's place gives no sight of the record at all.
// Every client asks here.

export const AreaIdInput = z.string().regex(/^[a-z0-9-]{1,80}$/);
export const SubjectIdInput = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);

export interface AreaAccess {
  areaId: string;
  personId: string;
  /** Their role on each panel of the area whose cases they work. */
  roles: Map<string, PanelRole>;
  /** Only a presenter on every panel of the area they are on: they see their own cases only. */
  presenterOnly: boolean;
  /** Whether they coordinate any panel of the area (links are drawn by coordinators). */
  coordinates: boolean;
  memberships: Membership[];
}

/** The area named, and the person's roles on its panels; anyone on none of them is refused. */
export async function accessArea(
  ports: { catalogue: Catalogue; directory: Directory },
  personId: string,
  areaId: unknown,
): Promise<AreaAccess> {
  const parsed = AreaIdInput.safeParse(areaId);
  const area = parsed.success ? ports.catalogue.areas.find((a) => a.id === parsed.data) : undefined;
  if (!area)
    throw new Refusal("not-found", "There is no such area. Check the link and try again.", {
      code: "unknown-area",
    });
  const access = await ports.directory.accessOf(personId);
  refuseSuspended(access);
  const places = access.memberships.filter((m) => ports.catalogue.panels.get(m.panelId)?.areaId === area.id);
  const roles = new Map(places.filter((m) => worksCases(m.role)).map((m) => [m.panelId, m.role] as const));
  if (!roles.size && places.length) throw reportsOnly("this area's");
  if (!roles.size)
    throw new Refusal(
      "not-allowed",
      "You are not on any of this area's panels. Ask a coordinator to add you.",
      {
        code: "not-a-member",
      },
    );
  const held = [...roles.values()];
  return {
    areaId: area.id,
    personId,
    roles,
    presenterOnly: held.every((r) => r === "presenter"),
    coordinates: held.includes("coordinator"),
    memberships: access.memberships,
  };
}

/** Whether the person may see this subject's record, given its cases on the area's panels. */
export function maySeeSubject(
  access: AreaAccess,
  cases: Pick<Case, "presenterId" | "presenterIds">[],
): boolean {
  return !access.presenterOnly || cases.some((c) => presentersOf(c).includes(access.personId));
}

/** Refuses a presenter the record of a subject whose cases they do not present. */
export function refuseUnlessMaySee(
  access: AreaAccess,
  cases: Pick<Case, "presenterId" | "presenterIds">[],
): void {
  if (!maySeeSubject(access, cases))
    throw new Refusal("not-allowed", "You can see the record only of the cases you present.", {
      code: "not-your-case",
    });
}

/** Refuses anyone who coordinates none of the area's panels: they draw and end links. */
export function refuseUnlessCoordinator(access: AreaAccess): void {
  if (!access.coordinates)
    throw new Refusal("not-allowed", "Only a panel's coordinators can link subjects or record new ones.", {
      code: "coordinators-only",
    });
}
