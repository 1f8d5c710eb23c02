import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { AgendaSubject } from "./api.js";

// On a district agenda compiled by the thresholding meeting (003): the category the case was
// placed in and why, or that it still waits for one.

const useStyles = makeStyles({ note: { display: "block", color: tokens.colorNeutralForeground2 } });

export function ThresholdedNote({ subject }: { subject: AgendaSubject }) {
  const styles = useStyles();
  if (subject.thresholded === undefined) return null;
  const t = subject.thresholded;
  return (
    <Caption1 className={styles.note}>
      {t
        ? `Thresholding: ${t.label}${t.rationale ? `. Rationale: ${t.rationale}` : ""}`
        : "Awaiting thresholding"}
    </Caption1>
  );
}
