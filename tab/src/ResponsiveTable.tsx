import { Table, makeStyles, mergeClasses, tokens, type TableProps } from "@fluentui/react-components";
import { useLayoutEffect, useState } from "react";

// A table that becomes a list on a phone or a narrow Teams pane: below 600 px each row is a block
// of its cells, each cell under its column's name, so nothing scrolls sideways. The column names
// stay in the markup for screen readers; the ones shown beside each value are copied from them.

const NARROW = "@media (max-width: 600px)";

const hidden = {
  position: "absolute",
  width: "1px",
  height: "1px",
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
} as const;
const block = { display: "block", width: "auto", height: "auto", minHeight: "0" } as const;
const cell = { ...block, padding: "2px 4px", textAlign: "left", overflowWrap: "anywhere" } as const;

const useStyles = makeStyles({
  table: {
    [NARROW]: {
      ...block,
      tableLayout: "auto",
      "& > thead": hidden,
      "& > tbody": block,
      "& > tbody > tr": {
        ...block,
        padding: "8px 0",
        borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      },
      "& > tbody > tr > td": cell,
      // A row's own heading (a report's row label) heads its block.
      "& > tbody > tr > th": { ...cell, fontWeight: tokens.fontWeightSemibold },
      "& > tbody > tr > td[data-column]::before": {
        content: "attr(data-column)",
        display: "block",
        fontWeight: tokens.fontWeightSemibold,
        color: tokens.colorNeutralForeground2,
      },
      // A column with nothing in a row shows neither its name nor an empty line.
      "& > tbody > tr > td:empty": { display: "none" },
    },
  },
});

/** For a table of any kind: the class and the ref that make it a list below 600 px. */
export function useListWhenNarrow(): { className: string; ref: (element: HTMLElement | null) => void } {
  const styles = useStyles();
  const [table, setTable] = useState<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (!(table instanceof HTMLTableElement)) return;
    nameCells(table);
    // Rows come and go as the page's data changes, and each new cell needs its column's name.
    const watch = new MutationObserver(() => nameCells(table));
    watch.observe(table, { childList: true, subtree: true, characterData: true });
    return () => watch.disconnect();
  }, [table]);
  return { className: styles.table, ref: setTable };
}

/** Fluent UI's table, as a list of rows below 600 px (see above). */
export function ResponsiveTable({ className, ...props }: TableProps) {
  const narrow = useListWhenNarrow();
  return <Table ref={narrow.ref} className={mergeClasses(narrow.className, className)} {...props} />;
}

/** Gives each body cell its column's name, counting spanned columns; a spanning cell needs none. */
function nameCells(table: HTMLTableElement) {
  const names = [...(table.tHead?.rows[0]?.cells ?? [])].flatMap((heading) =>
    Array.from({ length: heading.colSpan }, () => (heading.textContent ?? "").trim()),
  );
  for (const body of table.tBodies)
    for (const row of body.rows) {
      let column = 0;
      for (const each of row.cells) {
        const name = each.colSpan === 1 && each.tagName === "TD" ? names[column] : undefined;
        if (name && each.getAttribute("data-column") !== name) each.setAttribute("data-column", name);
        if (!name && each.hasAttribute("data-column")) each.removeAttribute("data-column");
        column += each.colSpan;
      }
    }
}
