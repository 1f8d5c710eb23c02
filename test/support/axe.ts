import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Frame, Page } from "playwright-core";

// axe-core's WCAG 2.1 A and AA rules, run in the page as it stands. UK public-sector bodies must
// meet WCAG 2.1 AA; the tests allow no serious or critical violation.
const source = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeResult {
  violations: {
    id: string;
    impact: string | null;
    help: string;
    nodes: { target: string[]; html: string }[];
  }[];
}

// Fluent UI's arrow-key groups (a tab list, for one) keep two aria-hidden elements that pass focus
// straight on, which this rule reports: a known false positive (microsoft/fluentui#27517).
const focusRedirect = (rule: string, html: string) =>
  rule === "aria-hidden-focus" && html.includes("data-tabster-dummy");

/** The serious problems in a page, or in a frame of one (the tab inside Teams). */
export async function seriousAccessibilityProblems(page: Page | Frame): Promise<string[]> {
  // Evaluated through the browser's debugging protocol, so the page's CSP does not block it.
  await page.evaluate(source);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<AxeResult> } })
      .axe;
    return axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
  });
  return result.violations
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !focusRedirect(v.id, n.html)) }))
    .filter((v) => v.nodes.length && (v.impact === "serious" || v.impact === "critical"))
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join("; ")}`,
    );
}
