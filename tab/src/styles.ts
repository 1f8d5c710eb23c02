import { tokens } from "@fluentui/react-components";

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
