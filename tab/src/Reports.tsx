import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Select,
  Field,
  Spinner,
  Tab,
  TabList,
  Title2,
  makeStyles,
} from "@fluentui/react-components";
import { useState } from "react";
import {
  api,
  type ChartTheme,
  type PanelSummary,
  type ReportResponse,
  type ReportScope,
  type SectionId,
  type Sharing,
  type TokenSource,
} from "./api.js";
import { OwedReport } from "./OwedReport.js";
import { PopulationBaseline } from "./PopulationBaseline.js";
import { choiceProblem, firstChoice, ReportPeriod, type PeriodChoice } from "./ReportPeriod.js";
import { ReportSectionView } from "./ReportSection.js";
import { openDownload } from "./openDownload.js";
import { headerStyles } from "./styles.js";
import type { ThemeName } from "./teams.js";
import { useApi } from "./useApi.js";
import { WorkOutFigures } from "./WorkOutFigures.js";

// The Reports page: a panel's or the whole area's figures for a period, one section at a time,
// each chart with its table; the figures worked out again on request; the report as Word, for
// the panel or for the partnership board with small numbers hidden. Only counts reach this page:
// no child's or person's name.

const useStyles = makeStyles({
  ...headerStyles,
  controls: {
    display: "flex",
    flexWrap: "wrap",
    gap: "16px 24px",
    alignItems: "flex-start",
    margin: "16px 0",
  },
  status: { display: "flex", flexWrap: "wrap", gap: "16px 24px", alignItems: "flex-start", margin: "8px 0" },
  asAt: { display: "flex", flexDirection: "column", gap: "4px", flex: "1 1 280px" },
  downloads: { display: "flex", flexWrap: "wrap", gap: "8px", margin: "8px 0 16px" },
  baseline: { marginTop: "24px" },
  // Seven sections do not fit one line on a narrow tab.
  sections: { flexWrap: "wrap" },
});

const CHART_THEME: Record<ThemeName, ChartTheme> = { default: "light", dark: "dark", contrast: "contrast" };

/** Where the population baseline matters: the views that compare children by ethnic group. */
const BASELINE_SECTIONS: SectionId[] = ["demographics", "disproportionality"];

const whenWorkedOut = (at: string) =>
  new Date(at).toLocaleString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/London",
  });

export interface ReportsPageProps {
  token: TokenSource;
  area: { id: string; name: string };
  /** The area's panels the person may report on: those they coordinate, chair or analyse. */
  panels: PanelSummary[];
  /** The panel the page opens on; null for the area's report. */
  panelId: string | null;
  /** Analysts, coordinators and the area's administrators replace the population figures. */
  mayReplaceBaseline: boolean;
  theme: ThemeName;
  onBack: () => void;
}

export function ReportsPage({
  token,
  area,
  panels,
  panelId: openedOn,
  mayReplaceBaseline,
  theme,
  onBack,
}: ReportsPageProps) {
  const styles = useStyles();
  const [panelId, setPanelId] = useState(openedOn);
  const [choice, setChoice] = useState<PeriodChoice>(() => firstChoice());
  const [section, setSection] = useState<SectionId>("referrals");
  const problem = choiceProblem(choice);
  const scope: ReportScope = {
    period: choice.kind,
    ...(choice.kind === "custom" ? { from: choice.from, to: choice.to } : {}),
    ...(panelId ? { panelId } : {}),
  };
  const scopeKey = JSON.stringify(scope);
  const loaded = useApi<ReportResponse | null>(
    () => (problem ? Promise.resolve(null) : api.report(token, area.id, scope, section, CHART_THEME[theme])),
    [token, area.id, scopeKey, section, theme, problem],
  );
  const answer = loaded.data ?? undefined;
  const shown = answer?.report.sections.find((s) => s.id === section);
  const scopeName = panels.find((p) => p.id === panelId)?.name ?? `All of ${area.name}'s panels`;

  return (
    <>
      <header className={styles.header}>
        <div className={styles.titleBlock}>
          <Title2 as="h1">{panelId ? `${scopeName}: reports` : `${area.name}: area report`}</Title2>
          <Body1 as="p" className={styles.muted}>
            Counts from the panel&apos;s record for a period: no child&apos;s or person&apos;s name. Each view
            is recorded in the audit log.
          </Body1>
        </div>
        <Button onClick={onBack}>Back to your panels</Button>
      </header>
      <div className={styles.controls}>
        <Field label="Report on">
          <Select
            value={panelId ?? ""}
            onChange={(_e, d) => {
              setPanelId(d.value || null);
              // Another scope may not have the section shown (the Risk Factor Matrix is one panel's).
              setSection("referrals");
            }}
          >
            <option value="">All of {area.name}&apos;s panels</option>
            {panels.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
        <ReportPeriod choice={choice} onChange={setChoice} />
      </div>
      {loaded.loading && <Spinner label="Loading the figures…" />}
      {loaded.error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{loaded.error}</MessageBarBody>
        </MessageBar>
      )}
      {answer && (
        <>
          <div className={styles.status}>
            <div className={styles.asAt}>
              <Body1 as="p">
                <b>{answer.report.period.label}</b>
              </Body1>
              <OwedReport owed={answer.periodicReport} choice={choice} onChoose={setChoice} />
              <Caption1 as="p">
                {answer.report.figuresAsAt
                  ? `Figures as at ${whenWorkedOut(answer.report.figuresAsAt)}.`
                  : "The figures for this period have not been worked out yet."}
              </Caption1>
            </div>
            {answer.canWorkOut && (
              <WorkOutFigures
                token={token}
                areaId={area.id}
                months={answer.months}
                onWorkedOut={loaded.reload}
              />
            )}
          </div>
          <ReportDownloads token={token} areaId={area.id} scope={scope} />
          <TabList
            selectedValue={section}
            onTabSelect={(_e, d) => setSection(d.value as SectionId)}
            aria-label="Report sections"
            className={styles.sections}
          >
            {answer.sections.map((s) => (
              <Tab key={s.id} value={s.id}>
                {s.title}
              </Tab>
            ))}
          </TabList>
          {shown && (
            <ReportSectionView token={token} areaId={area.id} scope={scope} answer={answer} section={shown} />
          )}
          {BASELINE_SECTIONS.includes(section) && (
            <div className={styles.baseline}>
              <PopulationBaseline
                token={token}
                areaId={area.id}
                areaName={area.name}
                baseline={answer.baseline}
                mayReplace={mayReplaceBaseline}
                onReplaced={loaded.reload}
              />
            </div>
          )}
        </>
      )}
    </>
  );
}

/** The report as a Word document: exact figures for the panel, or small numbers hidden for the board. */
function ReportDownloads({
  token,
  areaId,
  scope,
}: {
  token: TokenSource;
  areaId: string;
  scope: ReportScope;
}) {
  const styles = useStyles();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const download = async (sharing: Sharing) => {
    setBusy(true);
    setProblem(null);
    try {
      await openDownload(await api.reportDocx(token, areaId, scope, sharing));
    } catch (e) {
      setProblem((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <div className={styles.downloads}>
        <Button disabled={busy} onClick={() => void download("panel")}>
          Word report
        </Button>
        <Button disabled={busy} onClick={() => void download("board")}>
          Word report for the partnership board (small numbers hidden)
        </Button>
      </div>
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
