import {
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  Label,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useId, useState } from "react";
import { api, ApiError, type BaselineSource, type FieldProblem, type TokenSource } from "./api.js";
import { openDownload } from "./openDownload.js";

// The area's child population that the disproportionality view compares referrals with: where
// the figures come from, whether they are invented for the demonstration, and for analysts and
// coordinators a way to replace them with a CSV of children by ethnic group.

const useStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    gap: "12px",
    padding: "16px",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  heading: { margin: 0 },
  form: { display: "flex", flexWrap: "wrap", gap: "12px", alignItems: "flex-start" },
  fields: { display: "flex", flexDirection: "column", gap: "12px", flex: "1 1 280px" },
  problems: { flex: "1 1 280px", margin: 0 },
  list: { margin: "4px 0 0", paddingLeft: "18px" },
  row: { display: "flex", gap: "8px", flexWrap: "wrap" },
  file: { display: "flex", flexDirection: "column", gap: "4px" },
});

interface Refused {
  message: string;
  fields: FieldProblem[];
}

export function PopulationBaseline({
  token,
  areaId,
  areaName,
  baseline,
  mayReplace,
  onReplaced,
}: {
  token: TokenSource;
  areaId: string;
  areaName: string;
  baseline: BaselineSource | null;
  mayReplace: boolean;
  onReplaced: () => Promise<void>;
}) {
  const styles = useStyles();
  const fileId = useId();
  const [source, setSource] = useState("");
  const [year, setYear] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<Refused | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const fieldProblem = (name: string) => refused?.fields.find((f) => f.field === name)?.message;
  // Row problems and the file's own are listed beside the form; the source and year go by their fields.
  const listed = refused?.fields.filter((f) => f.field !== "source" && f.field !== "year") ?? [];

  const attempt = async (work: () => Promise<void>) => {
    setBusy(true);
    setRefused(null);
    setDone(null);
    try {
      await work();
    } catch (e) {
      setRefused({ message: (e as Error).message, fields: e instanceof ApiError ? e.fields : [] });
    } finally {
      setBusy(false);
    }
  };

  const download = () => attempt(async () => openDownload(await api.baselineCsv(token, areaId)));

  const replace = () =>
    attempt(async () => {
      if (!file) throw new Error("Choose the CSV file of children by ethnic group.");
      const replaced = await api.replaceBaseline(token, areaId, {
        source,
        year: Number(year),
        csv: await file.text(),
      });
      await onReplaced();
      setDone(`The population figures are now ${replaced.source}, ${replaced.year}.`);
    });

  return (
    <section className={styles.box} aria-labelledby="baseline-title">
      <Subtitle2 as="h3" id="baseline-title" className={styles.heading}>
        {areaName}&apos;s child population
      </Subtitle2>
      {baseline ? (
        <Body1 as="p">
          The comparison uses {baseline.source}, {baseline.year}.{" "}
          {baseline.invented && (
            <Badge appearance="tint" color="warning">
              Invented figures for the demonstration
            </Badge>
          )}
        </Body1>
      ) : (
        <Body1 as="p">
          No population figures have been loaded for {areaName}, so referrals cannot be compared with its
          children yet.
        </Body1>
      )}
      {mayReplace && (
        <>
          <div className={styles.row}>
            {baseline && (
              <Button disabled={busy} onClick={() => void download()}>
                Download the population figures (CSV)
              </Button>
            )}
          </div>
          <div className={styles.form}>
            <div className={styles.fields}>
              <Field
                label="Where the figures come from"
                hint="For example: ONS Census 2021, children aged 0 to 17"
                validationMessage={fieldProblem("source")}
              >
                <Input value={source} onChange={(_e, d) => setSource(d.value)} />
              </Field>
              <Field label="Year the figures are for" validationMessage={fieldProblem("year")}>
                <Input type="number" value={year} onChange={(_e, d) => setYear(d.value)} />
              </Field>
              <div className={styles.file}>
                <Label htmlFor={fileId}>CSV of children by ethnic group</Label>
                <input
                  id={fileId}
                  type="file"
                  accept=".csv,text/csv"
                  aria-describedby={`${fileId}-hint`}
                  onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                />
                <Caption1 id={`${fileId}-hint`}>Two columns: ethnicity, children</Caption1>
              </div>
              <div>
                <Button appearance="primary" disabled={busy} onClick={() => void replace()}>
                  Replace the population figures
                </Button>
              </div>
            </div>
            {refused && (
              <MessageBar intent="error" role="alert" className={styles.problems}>
                <MessageBarBody>
                  {refused.message}
                  {listed.length > 0 && (
                    <ul className={styles.list}>
                      {listed.map((f) => (
                        <li key={`${f.field ?? ""}:${f.message}`}>{f.message}</li>
                      ))}
                    </ul>
                  )}
                </MessageBarBody>
              </MessageBar>
            )}
          </div>
          {done && (
            <MessageBar intent="success" role="status">
              <MessageBarBody>{done}</MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
    </section>
  );
}
