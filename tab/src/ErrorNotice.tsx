import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import type { ReactNode } from "react";

// What the tab shows when it cannot sign in or fetch a page. It looks like Fluent's error
// MessageBar but is drawn from tokens alone, because the MessageBar brings the button and link
// packages with it and these two messages are in the tab's first download.
const useStyles = makeStyles({
  notice: {
    ...typographyStyles.body1,
    display: "block",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusDangerBorder1}`,
    backgroundColor: tokens.colorStatusDangerBackground1,
    color: tokens.colorNeutralForeground1,
  },
});

/** An error in words, announced to screen readers as it appears. */
export function ErrorNotice({ children }: { children: ReactNode }) {
  return (
    <div role="alert" className={useStyles().notice}>
      {children}
    </div>
  );
}
