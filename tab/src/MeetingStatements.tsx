import { Body1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";

// The statements read out at the start of every meeting (000 §17; 001 agenda item 1): the area's
// confidentiality and information sharing statement and its anti-discriminatory statement, as
// configured for the area, in full on the agenda, which named them only.

const useStyles = makeStyles({
  box: {
    margin: "16px 0",
    padding: "12px 16px",
    borderLeft: `4px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  text: { whiteSpace: "pre-wrap", margin: "4px 0 12px" },
});

export function MeetingStatements(props: { confidentiality: string; antiDiscriminatory: string }) {
  const styles = useStyles();
  return (
    <section className={styles.box} aria-labelledby="meeting-statements">
      <Subtitle2 as="h2" id="meeting-statements">
        Statements read at the start of the meeting
      </Subtitle2>
      <Body1 as="h3" block>
        <strong>Confidentiality and information sharing</strong>
      </Body1>
      <Body1 as="p" className={styles.text}>
        {props.confidentiality}
      </Body1>
      <Body1 as="h3" block>
        <strong>Anti-discriminatory statement</strong>
      </Body1>
      <Body1 as="p" className={styles.text}>
        {props.antiDiscriminatory}
      </Body1>
    </section>
  );
}
