import { tokens } from "@fluentui/react-components";

/** The page every view sits in. */
export const pageStyles = {
  page: {
    padding: "24px",
    maxWidth: "1100px",
    margin: "0 auto",
    minHeight: "100vh",
    boxSizing: "border-box",
    // A phone or a narrow Teams pane keeps its width for the page itself.
    "@media (max-width: 600px)": { padding: "12px" },
  },
} as const;

/** The page header every view shares: title block on the left, actions on the right. */
export const headerStyles = {
  header: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "flex-start",
    gap: "16px",
    flexWrap: "wrap",
  },
  titleBlock: { display: "flex", flexDirection: "column", gap: "4px" },
  muted: { color: tokens.colorNeutralForeground3 },
} as const;
