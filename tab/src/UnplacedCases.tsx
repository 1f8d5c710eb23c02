import { Body1, Title2, makeStyles } from "@fluentui/react-components";
import type { AgendaChoice, AgendaResponse, CaseTheme } from "./api.js";
import { SectionPicker } from "./AgendaRows.js";
import { SubjectReference } from "./subjectLinks.js";
import { ThemePicker } from "./ThemePicker.js";
import { ThresholdedNote } from "./ThresholdedNote.js";

// Cases due at the meeting that no section of the agenda takes yet: the coordinator gives each a
// section or a theme, and it goes where the agenda's template puts that.

const useStyles = makeStyles({
  unplaced: { marginTop: "20px", "@media print": { display: "none" } },
});

export function UnplacedCases({
  agenda,
  areaId,
  busy,
  onChoose,
  onTheme,
}: {
  agenda: AgendaResponse;
  areaId: string;
  busy: boolean;
  onChoose: (subjectId: string, choice: AgendaChoice) => void;
  onTheme: (subjectId: string, theme: CaseTheme, next: string | null) => void;
}) {
  const styles = useStyles();
  if (agenda.unplaced.length === 0) return null;
  return (
    <section className={styles.unplaced} aria-labelledby="unplaced-title">
      <Title2 as="h2" id="unplaced-title">
        Cases to place
      </Title2>
      <Body1 as="p">These cases are due at this meeting but no section of the agenda takes them yet.</Body1>
      <ul>
        {agenda.unplaced.map((c) => (
          <li key={c.subjectId}>
            <SubjectReference areaId={areaId} subjectId={c.subjectId} reference={c.reference} />
            {c.label ? ` ${c.label}` : ""} <ThresholdedNote subject={c} />
            {agenda.editable && (
              <SectionPicker
                agenda={agenda}
                reference={c.reference}
                value={c.choice.sectionId}
                disabled={busy}
                onChange={(sectionId) => onChoose(c.subjectId, { ...c.choice, sectionId })}
              />
            )}{" "}
            {agenda.editable && (
              <ThemePicker
                agenda={agenda}
                reference={c.reference}
                theme={c.theme}
                disabled={busy}
                onChange={(next) => onTheme(c.subjectId, c.theme, next)}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
