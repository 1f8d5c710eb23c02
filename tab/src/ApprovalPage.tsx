import {
  Body1,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Textarea,
  Title2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { api, type TokenSource } from "./api.js";
import { KIND_LABELS } from "./referralLabels.js";
import { headerStyles } from "./styles.js";
import { useApi } from "./useApi.js";

// A service manager's approval of a referral (Lambeth: before the panel sees it), opened from the
// approval card's link: the referral's answers, then Approve or Decline with a comment, as on the card.
// The service says whether the reader is the manager who decides; anyone else is told who does.

const useStyles = makeStyles({
  ...headerStyles,
  section: { marginTop: "16px", display: "flex", flexDirection: "column", gap: "8px", maxWidth: "720px" },
  answers: { display: "flex", flexDirection: "column", gap: "6px", margin: "0" },
  answer: { display: "grid", gridTemplateColumns: "minmax(160px, 1fr) 2fr", columnGap: "16px" },
  label: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: "0", whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center" },
});

export function ApprovalPage({
  token,
  panelId,
  referralId,
  onBack,
}: {
  token: TokenSource;
  panelId: string;
  referralId: string;
  onBack: () => void;
}) {
  const styles = useStyles();
  const detail = useApi(() => api.referral(token, panelId, referralId), [token, panelId, referralId]);
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ intent: "success" | "error"; text: string } | null>(null);
  const r = detail.data;

  const decide = async (decision: "approved" | "declined") => {
    if (!r) return;
    setBusy(true);
    setOutcome(null);
    try {
      const updated = await api.decideApproval(token, panelId, referralId, { decision, comment }, r.version);
      setOutcome({
        intent: "success",
        text:
          decision === "approved"
            ? `You approved ${updated.reference}. It is now with the panel coordinator, and the referrer has been told.`
            : `You did not approve ${updated.reference}. The referrer has been told, with your comment.`,
      });
      void detail.reload();
    } catch (e) {
      setOutcome({ intent: "error", text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <header className={styles.header}>
        <div className={styles.titleBlock}>
          <Title2 as="h1">
            {!r
              ? "Approve a referral"
              : r.approval && !r.approval.mayDecide
                ? `Referral ${r.reference}: waiting for approval`
                : `Approve referral ${r.reference}?`}
          </Title2>
          {r && (
            <Body1 as="p" className={styles.muted}>
              {KIND_LABELS[r.kind] ?? r.kind} to {r.panel.name}, from {r.referrer.name} · {r.statusLabel}
            </Body1>
          )}
        </div>
        <Button onClick={onBack}>Back to your panels</Button>
      </header>
      {detail.loading && <Spinner label="Opening the referral…" />}
      {detail.error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{detail.error}</MessageBarBody>
        </MessageBar>
      )}
      {outcome && (
        <MessageBar intent={outcome.intent} role={outcome.intent === "error" ? "alert" : "status"}>
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      )}
      {r && (
        <section className={styles.section} aria-labelledby="approval-answers" data-link-target="approval">
          <Subtitle2 as="h2" id="approval-answers">
            The referral
          </Subtitle2>
          <dl className={styles.answers}>
            {r.answers.map((a) => (
              <div key={a.field} className={styles.answer}>
                <dt className={styles.label}>{a.label}</dt>
                <dd className={styles.value}>{a.value}</dd>
              </div>
            ))}
          </dl>
          {r.approval && !r.approval.mayDecide ? (
            <Body1 as="p">
              {r.reference} is waiting for approval by{" "}
              {r.approval.managerName ?? "the service manager named on it"}. Only they can approve or decline
              it; nothing needs doing here.
            </Body1>
          ) : r.approval ? (
            <>
              <Field label="Comment (needed if you decline)">
                <Textarea
                  value={comment}
                  maxLength={1000}
                  onChange={(_e, d) => setComment(d.value)}
                  resize="vertical"
                />
              </Field>
              <div className={styles.actions}>
                <Button appearance="primary" disabled={busy} onClick={() => void decide("approved")}>
                  Approve
                </Button>
                <Button disabled={busy || !comment.trim()} onClick={() => void decide("declined")}>
                  Decline
                </Button>
                {busy && <Spinner size="tiny" label="Saving…" />}
              </div>
            </>
          ) : (
            <Body1 as="p">{r.reference} is no longer waiting for approval.</Body1>
          )}
        </section>
      )}
    </>
  );
}
