import { z } from "zod";
import { PLACEMENTS } from "../cohort/case.js";

// A panel's agenda template (DESIGN.md §4 and the source documents): fixed items with their
// lengths, section headings, breaks, and sections that the meeting's cases fill, one presenter
// slot each. Templates are configuration (bot/config/agenda-templates), validated at start-up.

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "use lower-case letters, digits and single hyphens");
const title = z.string().min(2).max(300);
const lead = z.string().max(120).default("");
const minutes = z.number().int().min(0).max(240);

export const CaseStage = z.enum(["new", "return", "review"]);
export type CaseStage = z.infer<typeof CaseStage>;

/** Which cases a section takes: by placement, and optionally by stage, theme or thresholding category. */
export const SectionTakes = z.strictObject({
  placements: z.array(z.enum(PLACEMENTS)).min(1),
  stages: z.array(CaseStage).optional(),
  themes: z.array(id).optional(),
  categories: z.array(z.number().int().min(1).max(4)).optional(),
});
export type SectionTakes = z.infer<typeof SectionTakes>;

export const TemplateItem = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("heading"), title }),
  z.strictObject({
    kind: z.literal("item"),
    id,
    title,
    lead,
    minutes,
    note: z.string().max(500).optional(),
    /** Read out from the area's configured text. */
    statements: z.array(z.enum(["confidentiality", "anti-discriminatory"])).optional(),
    /** A strategic panel's item that lists its register's open entries, or its forward plan's topics. */
    shows: z.enum(["register", "planned-topics", "forward-plan"]).optional(),
  }),
  z.strictObject({
    kind: z.literal("cases"),
    id,
    title,
    lead,
    /** The time the section is given; more cases than fit make it longer. */
    minutes,
    note: z.string().max(500).optional(),
    takes: SectionTakes,
    /** Cases here are listed with the reason they are not fully discussed, and take no slot. */
    listedOnly: z.boolean().default(false),
  }),
  z.strictObject({ kind: z.literal("break"), minutes: minutes.min(1) }),
]);
export type TemplateItem = z.infer<typeof TemplateItem>;

export const AgendaTemplate = z
  .strictObject({
    id,
    name: z.string().min(2).max(120),
    source: z.string().min(1).max(200),
    /** Minutes after the meeting's start that the agenda begins (arrival, joining). */
    startOffsetMinutes: minutes.default(0),
    /** Presenter slot length, if the template sets one; otherwise the panel's. */
    slotMinutes: z.number().int().min(5).max(60).optional(),
    items: z.array(TemplateItem).min(1),
  })
  .superRefine((t, ctx) => {
    const ids = t.items.flatMap((i) => ("id" in i ? [i.id] : []));
    const twice = ids.find((x, n) => ids.indexOf(x) !== n);
    if (twice) ctx.addIssue({ code: "custom", path: ["items"], message: `item id "${twice}" is used twice` });
    if (!t.items.some((i) => i.kind === "item" && i.statements?.includes("confidentiality"))) {
      ctx.addIssue({
        code: "custom",
        path: ["items"],
        message: "every agenda opens with the confidentiality statement (DESIGN.md §4)",
      });
    }
  });
export type AgendaTemplate = z.infer<typeof AgendaTemplate>;

/** The themes a template's sections take cases by, each with the first section that takes it. */
export function templateThemes(template: AgendaTemplate): { id: string; title: string }[] {
  const themes = new Map<string, string>();
  for (const item of template.items)
    if (item.kind === "cases")
      for (const theme of item.takes.themes ?? []) if (!themes.has(theme)) themes.set(theme, item.title);
  return [...themes].map(([id, title]) => ({ id, title }));
}
