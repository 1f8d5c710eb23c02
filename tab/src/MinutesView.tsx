import { Badge, Body1, Subtitle2, makeStyles } from "@fluentui/react-components";
import type { MinutesResponse } from "./api.js";

// The minutes as the tab shows them: whether they are a draft or agreed, attendance, apologies,
// each agenda item in order with its note of the discussion (a case's with its decision, whether
// the meeting was quorate when it was taken, risk, links, disruption and actions), the chairs'
// decisions taken outside the meeting, and the themes for the strategic MACE.

const useStyles = makeStyles({
  block: { display: "block", marginTop: "8px" },
  list: { margin: 0, paddingLeft: "20px" },
});

export function MinutesView({ minutes }: { minutes: MinutesResponse }) {
  const styles = useStyles();
  return (
    <article aria-label="Minutes">
      <Subtitle2 as="h3">
        {minutes.status.state === "draft" && (
          <Badge appearance="filled" color="danger">
            DRAFT
          </Badge>
        )}{" "}
        Minutes: {minutes.panelName}, {minutes.meetingDescription}
      </Subtitle2>
      <Body1 as="p" className={styles.block} aria-label="Status of the minutes">
        {minutes.status.words}
      </Body1>
      <Body1 as="p" className={styles.block}>
        {minutes.quorum.quorate
          ? "The meeting was quorate."
          : `Not quorate: no one for ${minutes.quorum.missing.join(", ")}.`}
      </Body1>
      <Body1 as="h4" className={styles.block}>
        Attendance
      </Body1>
      <ul className={styles.list}>
        {minutes.attendance.map((a) => (
          <li key={`${a.name}-${a.agency}`}>
            {a.name}, {a.agency} ({a.capacity})
          </li>
        ))}
      </ul>
      <Body1 as="h4" className={styles.block}>
        Apologies
      </Body1>
      <ul className={styles.list}>
        {minutes.apologies.length ? (
          minutes.apologies.map((a) => (
            <li key={a.name}>
              {a.name}, {a.agency}
            </li>
          ))
        ) : (
          <li>None</li>
        )}
      </ul>
      {[
        ...minutes.discussion.map((d) => ({
          position: d.position,
          part: (
            <section key={`item-${d.id}`} aria-label={`Minutes for ${d.title}`}>
              <Body1 as="h4" className={styles.block}>
                {d.title}
              </Body1>
              <Body1 as="p">{d.note}</Body1>
            </section>
          ),
        })),
        ...minutes.items.map((i) => ({
          position: i.position,
          part: <CaseMinute key={i.subjectId} item={i} />,
        })),
      ]
        .sort((a, b) => a.position - b.position)
        .map((x) => x.part)}
      <section aria-label="Decisions taken outside the meeting">
        <Body1 as="h4" className={styles.block}>
          Decisions taken outside the meeting
        </Body1>
        <ul className={styles.list}>
          {minutes.chairsDecisions.length ? (
            minutes.chairsDecisions.map((d) => (
              <li key={d.subjectId}>
                {d.reference}
                {d.label ? ` ${d.label}` : ""}: chairs&apos; decision, {d.decision} {d.agreed} Recorded by{" "}
                {d.recordedBy}.{d.reason ? ` Why it could not wait: ${d.reason}` : ""}
              </li>
            ))
          ) : (
            <li>None</li>
          )}
        </ul>
      </section>
      <Body1 as="h4" className={styles.block}>
        Themes for the strategic MACE
      </Body1>
      <Body1 as="p" className={styles.block}>
        {minutes.themes.length ? minutes.themes.join(", ") : "None noted."}
      </Body1>
    </article>
  );
}

function CaseMinute({ item: i }: { item: MinutesResponse["items"][number] }) {
  const styles = useStyles();
  return (
    <section aria-label={`Minutes for ${i.reference}`}>
      <Body1 as="h4" className={styles.block}>
        {i.reference}
        {i.label ? ` ${i.label}` : ""} ({i.section})
      </Body1>
      <ul className={styles.list}>
        {i.note && <li>Discussion: {i.note}</li>}
        <li>Decision: {i.decision ?? "No decision recorded."}</li>
        {i.quorum && <li>{i.quorum}</li>}
        {i.riskLevel && <li>Risk after discussion: {i.riskLevel}</li>}
        {i.links.length > 0 && <li>Links noted: {i.links.join("; ")}</li>}
        {i.disruption.length > 0 && <li>Disruption agreed: {i.disruption.join("; ")}</li>}
        {i.actions.map((a) => (
          <li key={a.reference}>
            Action {a.reference}: {a.title} ({a.owner}, {a.agency}, due {a.dueDate})
          </li>
        ))}
      </ul>
    </section>
  );
}
