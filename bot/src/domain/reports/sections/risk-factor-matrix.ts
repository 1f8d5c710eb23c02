import { share } from "../statistics.js";
import { riskLevels } from "./cohort.js";
import { columnSums, derived, figure, said, type DraftTable, type SectionDraft } from "./draft.js";
import { summed, type Scope } from "./scope.js";
import { categoriesOf, chartOf, countOf, countTable, partOf, type Category } from "./tables.js";

// Staffordshire's bi-monthly data report (003): how many referrals came with a completed Risk
// Factor Matrix and what it rated, and the cases its pre-MACE thresholding placed in each category.

/** The four categories the agenda is compiled within (003, "Thresholding for Staffordshire MACE"). */
export const THRESHOLDING_CATEGORIES: Category[] = [
  { key: "1", label: "1: Children to be discussed at MACE" },
  { key: "2", label: "2: Children where there is insufficient information shared" },
  { key: "3", label: "3: Children who will remain considered for MACE" },
  { key: "4", label: "4: Children removed from MACE" },
];

const APPLIES = "matrix:applies";
const COMPLETED = "matrix:completed";
const PLACED = "thresholding";

export function riskFactorMatrixSection(scope: Scope): SectionDraft | null {
  const matrices = scope.figures.flatMap((f) => (f.riskFactorMatrix ? [f.riskFactorMatrix] : []));
  const thresholded = scope.figures.flatMap((f) => (f.thresholding ? [f.thresholding] : []));
  if (matrices.length === 0 && thresholded.length === 0) return null;

  const applies = matrices.reduce((a, m) => a + m.applies, 0);
  const completed = matrices.reduce((a, m) => a + m.completed, 0);
  const tables: DraftTable[] = [];
  if (matrices.length > 0) {
    tables.push({
      id: "risk-factor-matrix-completed",
      caption: "Referrals with a completed Risk Factor Matrix",
      columns: [
        { key: "applies", label: "Referrals the matrix applies to", kind: "count" },
        { key: "completed", label: "With a completed matrix", kind: "count" },
        { key: "completedShare", label: "Completed: share", kind: "share" },
      ],
      rows: [
        {
          applies: figure(APPLIES, applies),
          completed: figure(COMPLETED, completed),
          completedShare: derived([APPLIES, COMPLETED], share(completed, applies)),
        },
      ],
      hasTotal: false,
      notes: [],
    });
    const rating = summed(scope, (f) => f.riskFactorMatrix?.rating ?? {});
    tables.push(
      countTable({
        id: "risk-factor-matrix-rating",
        caption: "Risk rating of the completed matrices",
        category: { key: "level", label: "Risk rating" },
        by: "level",
        categories: categoriesOf(riskLevels(scope), rating),
        values: [
          { key: "referrals", label: "Referrals", figure: COMPLETED, counts: rating, withShare: true },
        ],
      }),
    );
  }
  if (thresholded.length > 0) {
    const byCategory = summed(scope, (f) => f.thresholding ?? {});
    tables.push(
      countTable({
        id: "risk-factor-matrix-thresholding",
        caption: "Cases placed in each thresholding category",
        category: { key: "category", label: "Thresholding category" },
        by: "category",
        categories: categoriesOf(THRESHOLDING_CATEGORIES, byCategory),
        values: [{ key: "cases", label: "Cases", figure: PLACED, counts: byCategory, withShare: true }],
        notes: [
          "Each month's agendas count the cases they placed: a case placed in two months counts twice.",
        ],
      }),
    );
  }
  return {
    id: "risk-factor-matrix",
    title: "Risk Factor Matrix and thresholding",
    tables,
    sums: tables.flatMap(columnSums),
    facts: [],
    summary: (n) => [
      matrices.length > 0
        ? said`A completed Risk Factor Matrix came with ${countOf(n(COMPLETED), n(APPLIES))} referrals it applies to.`
        : null,
      thresholded.length > 0
        ? said`Pre-MACE thresholding placed ${n(PLACED)} cases, ${n(partOf(PLACED, "category", "1"))} of them to be discussed at MACE.`
        : null,
    ],
    charts: tables.filter((t) => t.hasTotal).map((t) => chartOf(t, "bar", [t.columns[1]?.key ?? ""])),
  };
}
