import { templateThemes } from "../../domain/agenda/template.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { Actor } from "../../domain/people/actor.js";
import { canManagePanel } from "../../domain/people/membership.js";
import { Refusal } from "../../domain/refusal.js";
import { accessPanel } from "../access/panel-access.js";
import { SubjectIdInput } from "../access/subject-access.js";
import { auditEntry } from "../audit/audit-trail.js";
import type { Casework } from "../ports/casework.js";
import type { Directory } from "../ports/directory.js";
import { ConcurrencyConflict, type Versioned } from "../ports/versioned.js";

// The coordinator moves a case to another presenting need (or to none): the agenda's themed
// sections take it by its theme. The choice is kept when a later referral for it is accepted.

export interface ThemePorts {
  catalogue: Catalogue;
  directory: Directory;
  casework: Casework;
  now: () => Date;
}

const changedBy = (current: Versioned<unknown>) =>
  new Refusal("conflict", new ConcurrencyConflict("cases", current).message, {
    code: "changed-by-someone-else",
    changedBy: { name: current.updatedBy, at: current.updatedAt },
  });

/** Sets the theme of a case on the panel, on the version of the case the coordinator saw. */
export async function changeTheme(
  ports: ThemePorts,
  actor: Actor,
  panelId: unknown,
  subjectId: unknown,
  theme: string | null,
  version: string,
  via: string,
): Promise<{ theme: string | null }> {
  const { panel, memberships } = await accessPanel(ports, actor.id, panelId);
  if (!canManagePanel(memberships, panel.id))
    throw new Refusal("not-allowed", "Only the panel's coordinators can change a case's theme.", {
      code: "coordinators-only",
    });
  const template = ports.catalogue.agendaTemplates.get(panel.agendaTemplateId);
  const themes = template ? templateThemes(template) : [];
  if (theme !== null && !themes.some((t) => t.id === theme))
    throw new Refusal(
      "invalid",
      themes.length
        ? "That theme is not one this panel's agenda has a section for. Choose one from the list."
        : "This panel's agenda has no sections by theme.",
      { code: "unknown-theme", fields: [{ field: "theme", message: "Choose a theme from the list." }] },
    );
  const id = SubjectIdInput.safeParse(subjectId);
  const held = id.success ? await ports.casework.case(panel.areaId, panel.id, id.data) : undefined;
  if (!held || held.value.status !== "open")
    throw new Refusal("not-found", "That case is not open on this panel.", { code: "unknown-case" });
  if (held.etag !== version) throw changedBy(held);
  if (held.value.themeChosen && (held.value.theme ?? null) === theme) return { theme };

  const unit = ports.casework.unit(panel.areaId, actor.name);
  unit.replaceCase({ ...held.value, theme, themeChosen: true }, held);
  unit.audit(
    auditEntry(ports.now(), {
      areaId: panel.areaId,
      panelId: panel.id,
      actorId: actor.id,
      action: "case.theme-changed",
      subjectId: held.value.subjectId,
      reference: held.value.reference,
      via,
    }),
  );
  try {
    await unit.commit();
  } catch (e) {
    if (!(e instanceof ConcurrencyConflict)) throw e;
    const current = await ports.casework.case(panel.areaId, panel.id, held.value.subjectId);
    if (current && current.etag !== held.etag) throw changedBy(current);
    throw new Refusal("conflict", "The case changed just now. Reload the agenda and try again.", {
      code: "changed-by-someone-else",
    });
  }
  return { theme };
}
