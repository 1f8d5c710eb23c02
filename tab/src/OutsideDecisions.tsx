import { Body1, Subtitle2, makeStyles } from "@fluentui/react-components";
import type { AgendaResponse } from "./api.js";
import { SubjectReference } from "./subjectLinks.js";

// The chairs' decisions taken outside the meeting since the last one, listed on the agenda to be
// reported at the meeting.

const useStyles = makeStyles({
  section: { marginTop: "24px", display: "flex", flexDirection: "column", gap: "8px" },
  list: { margin: 0, paddingLeft: "20px" },
});

export function OutsideDecisions({ agenda, areaId }: { agenda: AgendaResponse; areaId: string }) {
  const styles = useStyles();
  if (agenda.outsideDecisions.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby="outside-decisions-title">
      <Subtitle2 as="h2" id="outside-decisions-title">
        Decisions taken outside the meeting
      </Subtitle2>
      <Body1 as="p">Chairs&apos; decisions taken since the last meeting, to be reported at this one.</Body1>
      <ul className={styles.list}>
        {agenda.outsideDecisions.map((d) => (
          <li key={d.subjectId}>
            <SubjectReference areaId={areaId} subjectId={d.subjectId} reference={d.reference} />: {d.decision}
            . {d.agreed}
            {d.reason ? ` Why it could not wait: ${d.reason}` : ""}
          </li>
        ))}
      </ul>
    </section>
  );
}
