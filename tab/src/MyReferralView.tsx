import {
  Body1,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
  typographyStyles,
} from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { api, type ReferralSummary, type TokenSource } from "./api.js";
import { AnswerQuestion, questionWaiting } from "./AnswerQuestion.js";
import { ReferralQuestions } from "./ReferralQuestions.js";
import { SameAsKnown } from "./SameAsKnown.js";
import { Documents } from "./Documents.js";
import { formatDate, formatDateTime, KIND_LABELS, WITHDRAWABLE } from "./referralLabels.js";
import { headerStyles } from "./styles.js";
import { useApi } from "./useApi.js";

// One of the practitioner's own referrals: its answers, the coordinator's questions and their
// answers, what was written with its outcome, and, while it waits, linking it to a record the panel
// already knows and withdrawing it with a reason.

const useStyles = makeStyles({
  ...headerStyles,
  detail: {
    marginTop: "24px",
    padding: "16px 20px",
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    display: "flex",
    flexDirection: "column",
    gap: "12px",
  },
  heading: {
    ...typographyStyles.subtitle1,
    margin: "0",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  section: { display: "flex", flexDirection: "column", gap: "8px" },
  para: { margin: "0" },
  answers: { display: "flex", flexDirection: "column", gap: "6px", margin: "0" },
  answer: { display: "grid", gridTemplateColumns: "minmax(160px, 1fr) 2fr", columnGap: "16px" },
  label: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: "0", whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center" },
});

export function MyReferralView({
  token,
  panelId,
  referralId,
  onChanged,
  onClose,
}: {
  token: TokenSource;
  panelId: string;
  referralId: string;
  onChanged: (updated: ReferralSummary) => void;
  onClose: () => void;
}) {
  const styles = useStyles();
  const detail = useApi(() => api.referral(token, panelId, referralId), [token, panelId, referralId]);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ intent: "success" | "error"; text: string } | null>(null);
  const [answered, setAnswered] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const loaded = detail.data !== undefined;

  // Take keyboard and screen reader users to the referral they opened.
  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded]);

  const withdraw = async () => {
    if (!detail.data) return;
    setBusy(true);
    setOutcome(null);
    try {
      const told = detail.data.status === "awaiting-approval" ? "Your manager" : "The panel coordinator";
      const updated = await api.withdrawReferral(token, panelId, referralId, { reason }, detail.data.version);
      setOutcome({ intent: "success", text: `${updated.reference} withdrawn. ${told} has been told.` });
      setReason("");
      onChanged(updated);
      // Withdrawn whatever happens next: reading it again only refreshes what the page shows.
      void detail.reload();
    } catch (e) {
      setOutcome({ intent: "error", text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  if (!detail.data)
    return (
      <section className={styles.detail} aria-label="Referral">
        {detail.loading ? (
          <Spinner label="Opening the referral…" />
        ) : (
          <>
            <MessageBar intent="error">
              <MessageBarBody>{detail.error}</MessageBarBody>
            </MessageBar>
            <div className={styles.actions}>
              <Button onClick={onClose}>Close</Button>
            </div>
          </>
        )}
      </section>
    );

  const r = detail.data;
  const headingId = `my-referral-${r.id}`;
  return (
    <section className={styles.detail} aria-labelledby={headingId}>
      <div className={styles.header}>
        <div className={styles.titleBlock}>
          <h2 id={headingId} tabIndex={-1} ref={headingRef} className={styles.heading}>
            {r.reference}: {r.subject}
          </h2>
          <Body1 as="p" className={mergeClasses(styles.para, styles.muted)}>
            {KIND_LABELS[r.kind] ?? r.kind} · {r.panel.name} · {r.statusLabel}
          </Body1>
          <Body1 as="p" className={styles.para}>
            Made on <time dateTime={r.submittedAt}>{formatDateTime(r.submittedAt)}</time> · Meeting{" "}
            {r.meetingDate ? (
              <time dateTime={r.meetingDate}>{formatDate(r.meetingDate)}</time>
            ) : (
              "not yet set"
            )}
          </Body1>
          {r.outcome && (
            <Body1 as="p" className={styles.value}>
              {r.outcome.label} ({r.outcome.by}): {r.outcome.text}
            </Body1>
          )}
        </div>
        <Button onClick={onClose}>Close {r.reference}</Button>
      </div>

      <SameAsKnown
        token={token}
        referral={r}
        headingId={`${headingId}-matches`}
        onLinked={() => void detail.reload()}
      />

      <ReferralQuestions questions={r.questions} headingId={`${headingId}-questions`} />
      {answered && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{answered}</MessageBarBody>
        </MessageBar>
      )}
      {questionWaiting(r) && (
        <AnswerQuestion
          token={token}
          referral={r}
          headingId={`${headingId}-answer`}
          onAnswered={(updated) => {
            setAnswered(`Your answer is sent: ${updated.reference} is back with the coordinator.`);
            onChanged(updated);
            void detail.reload();
          }}
        />
      )}

      <Documents token={token} place={{ kind: "referral", panelId, referralId: r.id }} headingLevel="h3" />

      <section className={styles.section} aria-labelledby={`${headingId}-answers`}>
        <Subtitle2 as="h3" id={`${headingId}-answers`}>
          Your answers on the referral
        </Subtitle2>
        <dl className={styles.answers}>
          {r.answers.map((a) => (
            <div key={a.field} className={styles.answer}>
              <dt className={styles.label}>{a.label}</dt>
              <dd className={styles.value}>{a.value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section className={styles.section} aria-labelledby={`${headingId}-withdraw`}>
        <Subtitle2 as="h3" id={`${headingId}-withdraw`}>
          Withdraw the referral
        </Subtitle2>
        {outcome && (
          <MessageBar intent={outcome.intent}>
            <MessageBarBody>{outcome.text}</MessageBarBody>
          </MessageBar>
        )}
        {WITHDRAWABLE.includes(r.status) ? (
          <>
            <Field
              label="Why are you withdrawing it?"
              hint={`${r.status === "awaiting-approval" ? "Your manager" : "The panel coordinator"} will see this.`}
            >
              <Textarea value={reason} onChange={(_e, d) => setReason(d.value)} resize="vertical" />
            </Field>
            <div className={styles.actions}>
              <Button disabled={busy} onClick={() => void withdraw()}>
                Withdraw {r.reference}
              </Button>
              {busy && <Spinner size="tiny" label="Withdrawing…" />}
            </div>
          </>
        ) : (
          <Body1 as="p" className={styles.para}>
            {r.reference} is no longer waiting ({r.statusLabel.toLowerCase()}), so it cannot be withdrawn.
          </Body1>
        )}
      </section>
    </section>
  );
}
