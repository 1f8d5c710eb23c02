import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Textarea,
  makeStyles,
} from "@fluentui/react-components";
import { useState } from "react";
import { api, type ReferralDetail, type ReferralSummary, type TokenSource } from "./api.js";

// The coordinator's (or the thresholding meeting's) question waiting on the referrer, answered in
// the tab as on the question card in chat: the referral goes back to the coordinator with it.

const useStyles = makeStyles({
  section: { marginTop: "16px", display: "flex", flexDirection: "column", gap: "8px" },
  actions: { display: "flex", gap: "8px", alignItems: "center" },
});

/** Whether the referral's latest question still waits for the referrer's answer. */
export const questionWaiting = (r: ReferralDetail): boolean =>
  (r.status === "more-information-requested" || r.status === "accepted") &&
  r.questions.at(-1)?.answer === null;

export function AnswerQuestion({
  token,
  referral: r,
  headingId,
  onAnswered,
}: {
  token: TokenSource;
  referral: ReferralDetail;
  headingId: string;
  onAnswered: (updated: ReferralSummary) => void;
}) {
  const styles = useStyles();
  const [answer, setAnswer] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const send = async () => {
    setBusy(true);
    setProblem(null);
    try {
      onAnswered(await api.answerReferral(token, r.panel.id, r.id, { answer }, r.version));
      setAnswer("");
    } catch (e) {
      setProblem((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.section} aria-labelledby={headingId} data-link-target="answer">
      <Subtitle2 as="h3" id={headingId}>
        Answer the question
      </Subtitle2>
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={`Your answer to ${r.questions.at(-1)?.askedBy ?? "the coordinator"}`} required>
        <Textarea
          value={answer}
          maxLength={2000}
          onChange={(_e, d) => setAnswer(d.value)}
          resize="vertical"
        />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy || !answer.trim()} onClick={() => void send()}>
          Send answer
        </Button>
        {busy && <Spinner size="tiny" label="Sending…" />}
      </div>
    </section>
  );
}
