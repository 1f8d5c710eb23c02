import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  makeStyles,
} from "@fluentui/react-components";
import { useState } from "react";
import { api, type ReferralDetail, type TokenSource } from "./api.js";
import { MATCHED_ON } from "./referralLabels.js";

// The referrer's choice on the receipt card, in the tab too: a referral that may be about someone
// or somewhere the panel already knows is linked to that record, so the panel keeps one. The press
// goes to the same step as the card's "Same as" button.

const useStyles = makeStyles({
  section: { marginTop: "16px", display: "flex", flexDirection: "column", gap: "8px" },
  list: { margin: "0", paddingLeft: "20px" },
  actions: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center" },
});

/** Still waiting for the manager or the coordinator: a link can be made. */
const LINKABLE: ReferralDetail["status"][] = ["awaiting-approval", "new", "more-information-requested"];

export function SameAsKnown({
  token,
  referral: r,
  headingId,
  onLinked,
}: {
  token: TokenSource;
  referral: ReferralDetail;
  headingId: string;
  onLinked: () => void;
}) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!r.possibleDuplicates.length) return null;
  // One button per known record: a record can match on both name and address.
  const known = r.possibleDuplicates.flatMap((d, i, all) =>
    d.subjectId && all.findIndex((o) => o.subjectId === d.subjectId) === i
      ? [{ ...d, subjectId: d.subjectId }]
      : [],
  );
  const linked = r.linkedSubjectId
    ? (r.possibleDuplicates.find((d) => d.subjectId === r.linkedSubjectId)?.reference ?? "the known record")
    : null;

  const link = async (subjectId: string) => {
    setBusy(true);
    setProblem(null);
    try {
      await api.referralFormPress(token, {
        verb: "referral.link",
        data: { panelId: r.panel.id, referralId: r.id, subjectId },
      });
      onLinked();
    } catch (e) {
      setProblem((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.section} aria-labelledby={headingId} data-link-target="same-as">
      <Subtitle2 as="h3" id={headingId}>
        Possible matches
      </Subtitle2>
      <Body1 as="p">This may be someone or somewhere the panel already knows or has been told of:</Body1>
      <ul className={styles.list}>
        {r.possibleDuplicates.map((d) => (
          <li key={`${d.subjectId ?? d.referralId}-${d.matchedOn}`}>
            {d.referralId ? `Pending referral ${d.reference}` : d.reference}, {MATCHED_ON[d.matchedOn]}
          </li>
        ))}
      </ul>
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {linked ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            {r.reference} is linked to {linked}: the panel will keep one record.
          </MessageBarBody>
        </MessageBar>
      ) : known.length && LINKABLE.includes(r.status) ? (
        <>
          <Body1 as="p">If it is the same, link your referral so the panel keeps one record.</Body1>
          <div className={styles.actions}>
            {known.map((d) => (
              <Button key={d.subjectId} disabled={busy} onClick={() => void link(d.subjectId)}>
                Same as {d.reference}
              </Button>
            ))}
            {busy && <Spinner size="tiny" label="Linking…" />}
          </div>
        </>
      ) : (
        <Body1 as="p">The coordinator sees both referrals and keeps one record if they are the same.</Body1>
      )}
    </section>
  );
}
