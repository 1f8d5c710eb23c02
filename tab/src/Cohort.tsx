import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title2,
  makeStyles,
} from "@fluentui/react-components";
import { ResponsiveTable } from "./ResponsiveTable.js";
import { useEffect, useMemo, useState } from "react";
import { ChoiceField } from "./ChoiceField.js";
import { api, type CohortCase, type CohortResponse, type PanelViewProps } from "./api.js";
import { headerStyles } from "./styles.js";
import { SubjectReference } from "./subjectLinks.js";
import { useApi } from "./useApi.js";
import { dayShown } from "./ukDates.js";
import { openDownload } from "./openDownload.js";
import { COLUMNS, sorted, type Column, type List, type Sort } from "./cohortColumns.js";

// A panel's cohort: its open cases, and its closed ones on a second tab, with filters, sorting,
// a search by reference or name, and the whole list as CSV for the panel's members. A presenter
// sees only the cases they present.

const useStyles = makeStyles({
  ...headerStyles,
  section: { marginTop: "16px", display: "flex", flexDirection: "column", gap: "12px" },
  filters: { display: "flex", flexWrap: "wrap", gap: "12px", alignItems: "flex-end" },
  table: { tableLayout: "auto" },
  number: { textAlign: "right" },
});

export function CohortPage({ token, panel, onBack }: PanelViewProps) {
  const styles = useStyles();
  const [list, setList] = useState<List>("open");
  return (
    <>
      <header className={styles.header}>
        <div className={styles.titleBlock}>
          <Title2 as="h1">{panel.name}: cohort</Title2>
          <Body1 as="p" className={styles.muted}>
            {panel.area.name}.{" "}
            {panel.role === "presenter"
              ? "The cases you present."
              : "Every case on the panel, with its risk, its next meeting and its actions."}
          </Body1>
        </div>
        <Button onClick={onBack}>Back to your panels</Button>
      </header>
      <TabList
        selectedValue={list}
        onTabSelect={(_e, d) => setList(d.value as List)}
        aria-label="Which cases"
      >
        <Tab value="open">Open cases</Tab>
        <Tab value="closed">Closed cases</Tab>
      </TabList>
      <CohortList key={list} list={list} token={token} panel={panel} />
    </>
  );
}

function CohortList({ list, token, panel }: Omit<PanelViewProps, "onBack" | "meId"> & { list: List }) {
  const styles = useStyles();
  const first = useApi(() => api.cohort(token, panel.id, list), [token, panel.id, list]);
  // Later pages, added by "Show more".
  const [more, setMore] = useState<{ cases: CohortCase[]; next: string | null } | null>(null);
  useEffect(() => setMore(null), [first.data]);
  const [moreProblem, setMoreProblem] = useState<string | null>(null);
  const [csvProblem, setCsvProblem] = useState<string | null>(null);
  const [search, setSearch] = useState("");
  const [kind, setKind] = useState("");
  const [risk, setRisk] = useState("");
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [sort, setSort] = useState<Sort>({
    column: list === "open" ? "next" : "closed",
    direction: list === "open" ? "ascending" : "descending",
  });

  const page: CohortResponse | undefined = first.data;
  const next = more ? more.next : (page?.next ?? null);
  const loaded = useMemo(() => [...(page?.cases ?? []), ...(more?.cases ?? [])], [page, more]);
  const riskOrder = useMemo(() => (page?.riskLevels ?? []).map((l) => l.id), [page]);
  const shown = useMemo(() => {
    const words = search.trim().toLowerCase();
    const matching = loaded.filter(
      (c) =>
        (!words || c.reference.toLowerCase().includes(words) || !!c.name?.toLowerCase().includes(words)) &&
        (!kind || c.placement === kind) &&
        (!risk || c.riskLevel === risk) &&
        (!overdueOnly || c.overdueActions > 0),
    );
    return sorted(matching, sort, riskOrder);
  }, [loaded, search, kind, risk, overdueOnly, sort, riskOrder]);

  const showMore = async (after: string) => {
    setMoreProblem(null);
    try {
      const later = await api.cohort(token, panel.id, list, after);
      setMore({ cases: [...(more?.cases ?? []), ...later.cases], next: later.next });
    } catch (e) {
      setMoreProblem((e as Error).message);
    }
  };
  const exportCsv = async () => {
    setCsvProblem(null);
    try {
      await openDownload(await api.cohortCsv(token, panel.id, list));
    } catch (e) {
      setCsvProblem((e as Error).message);
    }
  };
  const sortBy = (column: Column) =>
    setSort((s) => ({
      column,
      direction: s.column === column && s.direction === "ascending" ? "descending" : "ascending",
    }));
  const label = list === "open" ? "Open cases" : "Closed cases";

  return (
    <section className={styles.section} aria-label={label}>
      <div className={styles.filters}>
        <Field label="Search by reference or name">
          <Input type="search" value={search} onChange={(_e, d) => setSearch(d.value)} />
        </Field>
        <ChoiceField
          label="Kind"
          value={kind}
          onChange={setKind}
          options={page?.kinds ?? []}
          empty="Any kind"
        />
        <ChoiceField
          label="Risk"
          value={risk}
          onChange={setRisk}
          options={(page?.riskLevels ?? []).map((l) => ({ value: l.id, label: l.label }))}
          empty="Any risk"
        />
        {list === "open" && (
          <Checkbox
            label="Has overdue actions"
            checked={overdueOnly}
            onChange={(_e, d) => setOverdueOnly(Boolean(d.checked))}
          />
        )}
        {panel.role !== "presenter" && (
          <Button onClick={() => void exportCsv()}>Export {label.toLowerCase()} as CSV</Button>
        )}
      </div>
      {csvProblem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{csvProblem}</MessageBarBody>
        </MessageBar>
      )}
      {page?.namesHidden && (
        <MessageBar intent="info">
          <MessageBarBody>
            The panel meets today: names are shown once you have signed in to the meeting.
          </MessageBarBody>
        </MessageBar>
      )}
      {first.loading && <Spinner label="Loading the cases…" />}
      {first.error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{first.error}</MessageBarBody>
        </MessageBar>
      )}
      {page && (
        <Caption1 role="status">
          {shown.length === loaded.length
            ? `${loaded.length} ${loaded.length === 1 ? "case" : "cases"}`
            : `${shown.length} of ${loaded.length} cases match`}
          {next ? ". Search and filters look at the cases shown so far: show more to include the rest." : "."}
        </Caption1>
      )}
      <ResponsiveTable sortable className={styles.table} aria-label={`${panel.name}: ${label.toLowerCase()}`}>
        <TableHeader>
          <TableRow>
            {COLUMNS[list].map((c) => (
              <TableHeaderCell
                key={c.id}
                sortDirection={sort.column === c.id ? sort.direction : undefined}
                onClick={() => sortBy(c.id)}
              >
                {c.title}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.map((c) => (
            <TableRow key={c.subjectId} data-case={c.reference}>
              <TableCell>
                <SubjectReference areaId={panel.area.id} subjectId={c.subjectId} reference={c.reference} />
              </TableCell>
              <TableCell>{c.name ?? "Shown after sign-in"}</TableCell>
              <TableCell>{c.kind}</TableCell>
              <TableCell>{c.risk ?? "Not recorded"}</TableCell>
              {list === "open" ? (
                <>
                  <TableCell>{c.nextMeetingDate ? dayShown(c.nextMeetingDate) : "None set"}</TableCell>
                  <TableCell className={styles.number}>{c.openActions}</TableCell>
                  <TableCell className={styles.number}>{c.overdueActions}</TableCell>
                </>
              ) : (
                <TableCell>{c.closedOn ? dayShown(c.closedOn) : "—"}</TableCell>
              )}
              <TableCell>
                {c.lastDecision
                  ? `${c.lastDecision.label ?? "Decision recorded"}, ${dayShown(c.lastDecision.on)}`
                  : "None yet"}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </ResponsiveTable>
      {page && shown.length === 0 && (
        <p>
          {next
            ? "No cases match so far: show more to look further."
            : loaded.length
              ? "No cases match."
              : list === "open"
                ? "No open cases."
                : "No closed cases."}
        </p>
      )}
      {next && (
        <Button appearance="secondary" onClick={() => void showMore(next)}>
          Show more cases
        </Button>
      )}
      {moreProblem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{moreProblem}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
