import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
  typographyStyles,
} from "@fluentui/react-components";
import { ResponsiveTable } from "./ResponsiveTable.js";
import { Fragment, useEffect, useRef, useState } from "react";
import { api, type HistoryCase, type HistoryEntry, type TokenSource } from "./api.js";
import { headerStyles } from "./styles.js";
import { SubjectReference } from "./subjectLinks.js";
import { useApi } from "./useApi.js";
import { openDownload } from "./openDownload.js";
import { Documents } from "./Documents.js";

// A subject's case history across the area's panels, oldest first: referrals and triage, the case
// on each panel, each meeting's decision, actions and their outcomes, links to other subjects.
// The area's administrators can also export everything held for a subject access request.

const useStyles = makeStyles({
  ...headerStyles,
  heading: { ...typographyStyles.title2, margin: "0" },
  buttons: { display: "flex", flexWrap: "wrap", gap: "8px", "@media print": { display: "none" } },
  section: { marginTop: "24px", display: "flex", flexDirection: "column", gap: "12px" },
  table: { tableLayout: "auto" },
  timeline: { listStyle: "none", margin: "0", padding: "0", display: "flex", flexDirection: "column" },
  entry: {
    display: "grid",
    gridTemplateColumns: "minmax(150px, 11rem) 1fr",
    columnGap: "16px",
    padding: "12px 0",
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  when: { color: tokens.colorNeutralForeground3 },
  title: { margin: "0" },
  about: { margin: "4px 0 0", color: tokens.colorNeutralForeground3 },
  details: {
    display: "grid",
    gridTemplateColumns: "minmax(120px, 12rem) 1fr",
    gap: "4px 12px",
    margin: "8px 0 0",
  },
  label: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: "0", whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
});

const moment = (iso: string): string =>
  new Date(iso).toLocaleString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/London",
  });
const day = (isoDate: string): string =>
  new Date(`${isoDate}T12:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });

export function CaseHistory({
  token,
  areaId,
  subjectId,
  mayExport,
  onBack,
  onOpenMap,
}: {
  token: TokenSource;
  areaId: string;
  subjectId: string;
  /** The area's administrators export the whole record for a subject access request. */
  mayExport: boolean;
  onBack: () => void;
  onOpenMap: () => void;
}) {
  const styles = useStyles();
  const history = useApi(() => api.subjectHistory(token, areaId, subjectId), [token, areaId, subjectId]);
  const [problem, setProblem] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const h = history.data;
  // The page opens over the one its reference was on: the heading takes the focus.
  useEffect(() => {
    if (h) headingRef.current?.focus();
  }, [h]);

  const exportRecord = async () => {
    setProblem(null);
    try {
      await openDownload(await api.subjectAccessDocx(token, areaId, subjectId));
    } catch (e) {
      setProblem((e as Error).message);
    }
  };

  return (
    <>
      <header className={styles.header}>
        <div className={styles.titleBlock}>
          <h1 ref={headingRef} tabIndex={-1} className={styles.heading}>
            {h ? `Case history: ${h.subject.reference} ${h.subject.label}` : "Case history"}
          </h1>
          {h && (
            <Body1 as="p" className={styles.muted}>
              {h.subject.kindLabel}. Everything the area's panels have recorded, oldest first.
            </Body1>
          )}
        </div>
        <div className={styles.buttons}>
          <Button onClick={onBack}>Back</Button>
          <Button onClick={onOpenMap}>Open map</Button>
          {mayExport && h && (
            <Button onClick={() => void exportRecord()}>Subject access export (Word)</Button>
          )}
        </div>
      </header>
      {history.loading && <Spinner label="Loading the case history…" />}
      {(history.error ?? problem) && (
        <MessageBar intent="error">
          <MessageBarBody>{history.error ?? problem}</MessageBarBody>
        </MessageBar>
      )}
      {h && <Cases cases={h.cases} />}
      {h && <Documents token={token} place={{ kind: "case", areaId, subjectId }} />}
      {h && (
        <section className={styles.section} aria-labelledby="chronology-title">
          <Subtitle2 as="h2" id="chronology-title">
            Chronology
          </Subtitle2>
          <ol className={styles.timeline} aria-labelledby="chronology-title">
            {h.entries.map((e, i) => (
              <Entry key={`${e.at}-${e.kind}-${i}`} entry={e} areaId={areaId} />
            ))}
          </ol>
        </section>
      )}
    </>
  );
}

function Cases({ cases }: { cases: HistoryCase[] }) {
  const styles = useStyles();
  if (!cases.length) return null;
  return (
    <section className={styles.section} aria-labelledby="cases-title">
      <Subtitle2 as="h2" id="cases-title">
        Cases
      </Subtitle2>
      <ResponsiveTable className={styles.table} aria-labelledby="cases-title">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Panel</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell>Risk level</TableHeaderCell>
            <TableHeaderCell>Opened</TableHeaderCell>
            <TableHeaderCell>Next meeting</TableHeaderCell>
            <TableHeaderCell>Presented by</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {cases.map((c) => (
            <TableRow key={c.panelId}>
              <TableCell>{c.panelName}</TableCell>
              <TableCell>
                {c.status === "open" ? "Open" : `Closed${c.closedAt ? ` ${moment(c.closedAt)}` : ""}`}
              </TableCell>
              <TableCell>{c.riskLevel ?? "Not set"}</TableCell>
              <TableCell>
                <time dateTime={c.openedAt}>{moment(c.openedAt)}</time>
              </TableCell>
              <TableCell>{c.nextMeetingDate ? day(c.nextMeetingDate) : "None"}</TableCell>
              <TableCell>{c.presenters.join(", ") || "No one"}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </ResponsiveTable>
    </section>
  );
}

function Entry({ entry: e, areaId }: { entry: HistoryEntry; areaId: string }) {
  const styles = useStyles();
  return (
    <li className={styles.entry} data-kind={e.kind}>
      <time className={styles.when} dateTime={e.at}>
        {moment(e.at)}
      </time>
      <div>
        <h3 className={styles.title}>{e.title}</h3>
        <p className={styles.about}>
          {e.panelName}
          {e.reference && (
            <>
              {" · "}
              {e.otherSubjectId ? (
                <SubjectReference areaId={areaId} subjectId={e.otherSubjectId} reference={e.reference} />
              ) : (
                e.reference
              )}
            </>
          )}
          {e.by && ` · ${e.by}`}
        </p>
        {e.details.length > 0 && (
          <dl className={styles.details}>
            {e.details.map((d, i) => (
              <Fragment key={`${d.label}-${i}`}>
                <dt className={styles.label}>{d.label}</dt>
                <dd className={styles.value}>{d.text}</dd>
              </Fragment>
            ))}
          </dl>
        )}
      </div>
    </li>
  );
}
