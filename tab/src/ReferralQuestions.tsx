import { Body1, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { ReferralSummary } from "./api.js";
import { formatDateTime } from "./referralLabels.js";

// A referral's questions and answers, each question and then its answer set apart, so that one
// still waiting for the referrer is plain to see.

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "8px" },
  list: { margin: "0", paddingLeft: "20px", display: "flex", flexDirection: "column", gap: "12px" },
  item: { display: "flex", flexDirection: "column", gap: "6px" },
  part: { display: "flex", flexDirection: "column", gap: "2px" },
  answer: {
    paddingLeft: "12px",
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
  text: { margin: "0", whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  waiting: { margin: "0", fontStyle: "italic", color: tokens.colorNeutralForeground2 },
  muted: { color: tokens.colorNeutralForeground2 },
});

export function ReferralQuestions({
  questions,
  headingId,
}: {
  questions: ReferralSummary["questions"];
  headingId: string;
}) {
  const styles = useStyles();
  if (!questions.length) return null;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId}>
        Questions and answers
      </Subtitle2>
      <ol className={styles.list}>
        {questions.map((q, i) => (
          <li key={i} className={styles.item}>
            <div className={styles.part}>
              <Caption1 className={styles.muted}>
                Question from {q.askedBy}, <time dateTime={q.askedAt}>{formatDateTime(q.askedAt)}</time>
              </Caption1>
              <Body1 as="p" className={styles.text}>
                {q.question}
              </Body1>
            </div>
            <div className={`${styles.part} ${styles.answer}`}>
              <Caption1 className={styles.muted}>
                Answer
                {q.answeredAt && (
                  <>
                    , <time dateTime={q.answeredAt}>{formatDateTime(q.answeredAt)}</time>
                  </>
                )}
              </Caption1>
              {q.answer === null ? (
                <Body1 as="p" className={styles.waiting}>
                  Not answered yet.
                </Body1>
              ) : (
                <Body1 as="p" className={styles.text}>
                  {q.answer}
                </Body1>
              )}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
