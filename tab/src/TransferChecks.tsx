import { Body1, Button, Subtitle2, makeStyles } from "@fluentui/react-components";
import type { ReferralDetail } from "./api.js";

// A transfer from another area's panel as the host coordinator reads it: the source's risk on its
// own scale and how it came to be on this area's, what the host's own rules need that it does not
// carry, and a question to the source panel's coordinator drafted from that.

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "8px" },
  para: { margin: "0" },
  list: { margin: "0", paddingLeft: "20px", display: "flex", flexDirection: "column", gap: "6px" },
});

const HOST_RISK: Record<NonNullable<NonNullable<ReferralDetail["transferredFrom"]>["hostRisk"]>, string> = {
  "same-scale": "both areas grade risk on the same scale",
  mapped: "mapped to this area's scale as configured",
  "set-by-host": "not mapped to this area's scale: the panel sets it",
  none: "no risk level came with it",
};

/**
 * The question to the source panel's coordinator, listing what the host's rules ask for that the
 * source can send; the host's own steps (its approval, a risk it sets) are not asked of them.
 */
export const questionFor = (r: ReferralDetail): string =>
  [
    `For ${r.reference}, transferred from your panel: please send what our panel's rules need and the transfer does not carry.`,
    ...r.hostChecks
      .filter((g) => g.askSource)
      .map((g) => `- ${g.label ? `${g.label.replace(/[:.]$/, "")}: ` : ""}${g.message}`),
  ]
    .join("\n")
    .slice(0, 1000);

export function TransferChecks({
  referral: r,
  headingId,
  canAsk,
  onDraftQuestion,
}: {
  referral: ReferralDetail;
  headingId: string;
  canAsk: boolean;
  onDraftQuestion: (question: string) => void;
}) {
  const styles = useStyles();
  const from = r.transferredFrom;
  if (!from) return null;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId}>
        Against this panel&apos;s rules
      </Subtitle2>
      {from.sourceRisk && (
        <Body1 as="p" className={styles.para}>
          Risk on {from.sourceRisk.areaName}&apos;s scale: {from.sourceRisk.label}
          {from.hostRisk ? ` (${HOST_RISK[from.hostRisk]})` : ""}.
        </Body1>
      )}
      {r.hostChecks.length === 0 ? (
        <Body1 as="p" className={styles.para}>
          The transfer carries everything this panel&apos;s rules ask for.
        </Body1>
      ) : (
        <>
          <Body1 as="p" className={styles.para}>
            What this panel&apos;s rules need that the transfer does not carry:
          </Body1>
          <ul className={styles.list} aria-label={`Missing for ${r.reference}`}>
            {r.hostChecks.map((g, i) => (
              <li key={`${g.field ?? "whole"}-${i}`}>
                {g.label && <b>{g.label.replace(/[:.]$/, "")}: </b>}
                {g.message}
                {!g.askSource && " This is for this panel to do."}
              </li>
            ))}
          </ul>
          {canAsk && r.hostChecks.some((g) => g.askSource) && (
            <div>
              <Button onClick={() => onDraftQuestion(questionFor(r))}>
                Draft a question to {from.panelName}
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
