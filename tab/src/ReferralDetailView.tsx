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
import { headerStyles } from "./styles.js";
import { SubjectReference } from "./subjectLinks.js";
import { useEffect, useRef, useState } from "react";
import { useApi } from "./useApi.js";
import { LinkSubjects, type NamedSubject } from "./LinkSubjects.js";
import { ReferralQuestions } from "./ReferralQuestions.js";
import { TransferChecks } from "./TransferChecks.js";
import { Documents } from "./Documents.js";
import {
  formatDate,
  formatDateTime,
  KIND_LABELS,
  MATCHED_ON,
  referrerText,
  AWAITING_TRIAGE,
} from "./referralLabels.js";
import { api, type ReferralDetail, type ReferralSummary, type TriageStep, type TokenSource } from "./api.js";

// One referral as the coordinator reads it: its answers, who sent it, the subjects it may
// duplicate, the questions asked of the referrer, its documents, and the triage decision.

type Outcome = { intent: "success" | "error"; text: string };

const useStyles = makeStyles({
  ...headerStyles,
  para: { margin: "0" },
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
  answers: { display: "flex", flexDirection: "column", gap: "6px", margin: "0" },
  answer: { display: "grid", gridTemplateColumns: "minmax(160px, 1fr) 2fr", columnGap: "16px" },
  label: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: "0", whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  plainList: { margin: "0", paddingLeft: "20px", display: "flex", flexDirection: "column", gap: "6px" },
  actions: { display: "flex", flexWrap: "wrap", gap: "8px" },
});

/** A group referral's members, offered to the coordinator to record and link to the group. */
const membersNamed = (r: ReferralDetail): NamedSubject[] =>
  r.answers
    .filter((a) => /^member\d+\.name$/.test(a.field))
    .map((a) => ({
      kind: "individual",
      label: a.value,
      dateOfBirth: r.answers.find((b) => b.field === a.field.replace(".name", ".dateOfBirth"))?.value,
    }));

export function ReferralDetailView({
  token,
  panelId,
  areaId,
  referralId,
  onTriaged,
  onClose,
}: {
  token: TokenSource;
  panelId: string;
  areaId: string;
  referralId: string;
  onTriaged: (updated: ReferralSummary) => void;
  onClose: () => void;
}) {
  const styles = useStyles();
  const detail = useApi(() => api.referral(token, panelId, referralId), [token, panelId, referralId]);
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const loaded = detail.data !== undefined;

  // Take keyboard and screen reader users to the referral they opened.
  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded]);

  const triage = async (step: TriageStep) => {
    setBusy(true);
    setOutcome(null);
    try {
      if (!detail.data) return;
      const updated = await api.triage(token, panelId, referralId, step, detail.data.version);
      detail.setData(await api.referral(token, panelId, referralId));
      setOutcome({ intent: "success", text: `${updated.reference}: ${updated.statusLabel}` });
      setText("");
      onTriaged(updated);
    } catch (e) {
      setOutcome({ intent: "error", text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  if (detail.loading)
    return (
      <section className={styles.detail} aria-label="Referral">
        <Spinner label="Opening the referral…" />
      </section>
    );
  if (!detail.data)
    return (
      <section className={styles.detail} aria-label="Referral">
        <MessageBar intent="error">
          <MessageBarBody>{detail.error}</MessageBarBody>
        </MessageBar>
        <div className={styles.actions}>
          <Button onClick={onClose}>Close</Button>
        </div>
      </section>
    );

  const r = detail.data;
  const headingId = `referral-${r.id}`;
  const canTriage = AWAITING_TRIAGE.includes(r.status);
  // One "accept and link" per subject: a subject can match on both name and address. A referral
  // still waiting has no subject yet to link to.
  const linkable = r.possibleDuplicates.flatMap((d, i, all) =>
    d.subjectId && all.findIndex((o) => o.subjectId === d.subjectId) === i
      ? [{ ...d, subjectId: d.subjectId }]
      : [],
  );

  return (
    <section className={styles.detail} aria-labelledby={headingId}>
      <div className={styles.header}>
        <div className={styles.titleBlock}>
          <h2 id={headingId} tabIndex={-1} ref={headingRef} className={styles.heading}>
            {r.reference}: {r.subject}
          </h2>
          <Body1 as="p" className={mergeClasses(styles.para, styles.muted)}>
            {KIND_LABELS[r.kind] ?? r.kind} · {r.statusLabel}
          </Body1>
          <Body1 as="p" className={styles.para}>
            Referred by {r.referrer.name}
            {referrerText(r) ? ` (${referrerText(r)})` : ""} on{" "}
            <time dateTime={r.submittedAt}>{formatDateTime(r.submittedAt)}</time>
            {r.meetingDate && (
              <>
                {" "}
                · Meeting <time dateTime={r.meetingDate}>{formatDate(r.meetingDate)}</time>
              </>
            )}
          </Body1>
          {r.subjectId && (
            <Body1 as="p" className={styles.para}>
              Case history:{" "}
              <SubjectReference areaId={areaId} subjectId={r.subjectId} reference={r.reference} />
            </Body1>
          )}
        </div>
        <Button onClick={onClose}>Close {r.reference}</Button>
      </div>

      {r.transferredFrom && (
        <section className={styles.section} aria-labelledby={`${headingId}-transfer`}>
          <Subtitle2 as="h3" id={`${headingId}-transfer`}>
            Transferred from {r.transferredFrom.areaName}: {r.transferredFrom.panelName} (
            {r.transferredFrom.reference})
          </Subtitle2>
          <Body1 as="p">{r.transferredFrom.summary}</Body1>
        </section>
      )}
      <TransferChecks
        referral={r}
        headingId={`${headingId}-host-rules`}
        canAsk={canTriage}
        onDraftQuestion={setText}
      />
      {r.possibleDuplicates.length > 0 && (
        <section className={styles.section} aria-labelledby={`${headingId}-matches`}>
          <Subtitle2 as="h3" id={`${headingId}-matches`}>
            Possible matches
          </Subtitle2>
          <ul className={styles.plainList}>
            {r.possibleDuplicates.map((d) => (
              <li key={`${d.subjectId ?? d.referralId}-${d.matchedOn}`}>
                {d.referralId
                  ? `Possible duplicate of referral ${d.reference}, not yet decided when this one was made`
                  : `Possible match: ${d.reference}`}{" "}
                ({MATCHED_ON[d.matchedOn] ?? d.matchedOn})
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className={styles.section} aria-labelledby={`${headingId}-answers`}>
        <Subtitle2 as="h3" id={`${headingId}-answers`}>
          Answers on the referral
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

      <ReferralQuestions questions={r.questions} headingId={`${headingId}-questions`} />

      <Documents token={token} place={{ kind: "referral", panelId, referralId: r.id }} headingLevel="h3" />

      <section className={styles.section} aria-labelledby={`${headingId}-triage`}>
        <Subtitle2 as="h3" id={`${headingId}-triage`}>
          Triage
        </Subtitle2>
        {outcome && (
          <MessageBar intent={outcome.intent}>
            <MessageBarBody>{outcome.text}</MessageBarBody>
          </MessageBar>
        )}
        {canTriage ? (
          <>
            <Field
              label="Note, question or reason"
              hint="A note when accepting, the question to ask the referrer, or the reason for declining."
            >
              <Textarea value={text} onChange={(_e, d) => setText(d.value)} resize="vertical" />
            </Field>
            <div className={styles.actions}>
              <Button
                appearance="primary"
                disabled={busy}
                onClick={() => void triage({ decision: "accept", note: text })}
              >
                Accept
              </Button>
              {linkable.map((d) => (
                <Button
                  key={d.subjectId}
                  disabled={busy}
                  onClick={() =>
                    void triage({ decision: "accept", note: text, linkToSubjectId: d.subjectId })
                  }
                >
                  Accept and link to {d.reference}
                </Button>
              ))}
              <Button disabled={busy} onClick={() => void triage({ decision: "ask", question: text })}>
                Ask for more information
              </Button>
              <Button disabled={busy} onClick={() => void triage({ decision: "decline", reason: text })}>
                Decline
              </Button>
              {busy && <Spinner size="tiny" label="Saving…" />}
            </div>
          </>
        ) : (
          <Body1 as="p" className={styles.para}>
            This referral is no longer waiting for triage: {r.statusLabel}.
            {r.outcome && ` ${r.outcome.label} (${r.outcome.by}): ${r.outcome.text}`}
          </Body1>
        )}
      </section>
      {r.status === "accepted" && r.subjectId && (
        <LinkSubjects
          token={token}
          areaId={areaId}
          panelId={panelId}
          subject={{ subjectId: r.subjectId, reference: r.reference }}
          drawnAt={{ referralId: r.id }}
          named={membersNamed(r)}
          headingLevel="h3"
        />
      )}
    </section>
  );
}
