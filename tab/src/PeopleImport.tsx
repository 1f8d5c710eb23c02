import {
  Badge,
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
} from "@fluentui/react-components";
import { ResponsiveTable } from "./ResponsiveTable.js";
import { useState } from "react";
import { api, type ImportResponse, type TokenSource } from "./api.js";
import { openDownload } from "./openDownload.js";

// Importing people from a CSV file: the template to start from, a preview of every row (what it
// changes, or its problems), and nothing written until the administrator says "Import".

const OUTCOME: Record<ImportResponse["rows"][number]["outcome"], string> = {
  add: "To add",
  change: "To change",
  unchanged: "No change",
  problem: "Problem",
};

const useStyles = makeStyles({
  section: { marginTop: "32px", display: "flex", flexDirection: "column", gap: "12px" },
  row: { display: "flex", gap: "12px", alignItems: "center", flexWrap: "wrap" },
  list: { margin: 0, paddingLeft: "18px" },
});

const counted = ({ counts }: ImportResponse) =>
  `${counts.add} to add, ${counts.change} to change, ${counts.unchanged} with no change, ${counts.problem} with problems.`;

export function PeopleImport({
  token,
  area,
  onImported,
}: {
  token: TokenSource;
  area: { id: string; name: string };
  onImported: () => Promise<void>;
}) {
  const styles = useStyles();
  const [csv, setCsv] = useState<{ name: string; text: string } | null>(null);
  const [preview, setPreview] = useState<ImportResponse | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const attempt = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (e) {
      setProblem((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const downloadTemplate = () =>
    attempt(async () => {
      await openDownload(await api.peopleTemplate(token, area.id));
    });

  const choose = (file: File | undefined) =>
    attempt(async () => {
      setPreview(null);
      setDone(null);
      if (!file) return;
      const text = await file.text();
      setCsv({ name: file.name, text });
      setPreview(await api.importPeople(token, area.id, "preview", text));
    });

  const apply = () =>
    attempt(async () => {
      if (!csv) return;
      const result = await api.importPeople(token, area.id, "apply", csv.text);
      setPreview(result);
      setDone(
        `Imported ${csv.name}: ${result.counts.add} added, ${result.counts.change} changed. ${
          result.counts.problem ? `${result.counts.problem} rows with problems were left out.` : ""
        }`,
      );
      await onImported();
    });

  const toWrite = preview ? preview.counts.add + preview.counts.change : 0;
  return (
    <section className={styles.section} aria-labelledby="import-title">
      <Subtitle2 as="h2" id="import-title">
        Import people from a CSV file
      </Subtitle2>
      <Body1 as="p">
        One row per person and panel role. Nothing changes until you have seen the preview and chosen to
        import. Importing the same file again changes nothing.
      </Body1>
      <div className={styles.row}>
        <Button onClick={() => void downloadTemplate()}>Download the template</Button>
        <label htmlFor="people-file">CSV file to import</label>
        <input
          id="people-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => void choose(e.target.files?.[0])}
        />
      </div>
      {busy && <Spinner size="tiny" label="Reading the file…" />}
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {done && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      {preview && (
        <>
          <Body1 as="p" aria-live="polite">
            {done ? "What the import did: " : "What importing would do: "}
            {counted(preview)}
          </Body1>
          {!done && (
            <div className={styles.row}>
              <Button appearance="primary" disabled={busy || toWrite === 0} onClick={() => void apply()}>
                {toWrite === 0 ? "Nothing to import" : `Import ${toWrite} ${toWrite === 1 ? "row" : "rows"}`}
              </Button>
            </div>
          )}
          <ResponsiveTable aria-label="Import preview">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Line</TableHeaderCell>
                <TableHeaderCell>Person</TableHeaderCell>
                <TableHeaderCell>Outcome</TableHeaderCell>
                <TableHeaderCell>Changes or problems</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {preview.rows.map((r) => (
                <TableRow key={r.line} data-line={r.line}>
                  <TableCell>{r.line}</TableCell>
                  <TableCell>
                    {r.displayName} {r.email}
                  </TableCell>
                  <TableCell>
                    <Badge appearance="tint" color={r.outcome === "problem" ? "danger" : "informative"}>
                      {OUTCOME[r.outcome]}
                    </Badge>
                  </TableCell>
                  <TableCell>
                    <ul className={styles.list}>
                      {(r.problems.length ? r.problems : r.changes).map((text) => (
                        <li key={text}>{text}</li>
                      ))}
                    </ul>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </ResponsiveTable>
        </>
      )}
    </section>
  );
}
