import {
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Textarea,
  Title2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { api, type ThresholdingCaseView, type ThresholdingResponse, type TokenSource } from "./api.js";
import { SubjectReference } from "./subjectLinks.js";
import { useApi } from "./useApi.js";

// Staffordshire's thresholding meeting (003): for each district panel meeting after it, the new
// referrals and returning cases awaiting a category, and the category and rationale recorded for
// each at the meeting, which is what places it on the district panel's agenda.

const CATEGORIES: { value: 1 | 2 | 3 | 4; label: string }[] = [
  { value: 1, label: "1. Discussed at MACE" },
  { value: 2, label: "2. Insufficient information shared: ask the referrer" },
  { value: 3, label: "3. Remains considered for MACE, not fully discussed" },
  { value: 4, label: "4. Removed from MACE" },
];

const useStyles = makeStyles({
  section: { marginTop: "24px", display: "flex", flexDirection: "column", gap: "12px" },
  district: { display: "flex", flexDirection: "column", gap: "8px" },
  list: { margin: 0, paddingLeft: "20px", display: "flex", flexDirection: "column", gap: "16px" },
  item: { display: "flex", flexDirection: "column", gap: "6px" },
  form: {
    display: "flex",
    flexWrap: "wrap",
    gap: "8px",
    alignItems: "flex-end",
    "@media print": { display: "none" },
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

const STAGES = { new: "new referral", return: "returning", review: "review" } as const;

export function ThresholdingOutcomes({
  token,
  areaId,
  panelId,
  meetingId,
  namesHidden,
}: {
  token: TokenSource;
  areaId: string;
  panelId: string;
  meetingId: string;
  /** Whether the agenda holds names back: a change (signing in) reads the list again. */
  namesHidden: boolean;
}) {
  const styles = useStyles();
  // Read again once the person signs in, as the agenda is (names wait for it), keeping the list
  // on screen meanwhile.
  const loaded = useApi(
    () => api.thresholding(token, panelId, meetingId),
    [token, panelId, meetingId, namesHidden],
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const list = loaded.data;

  const record = async (
    districtPanelId: string,
    c: ThresholdingCaseView,
    category: 1 | 2 | 3 | 4,
    rationale: string,
  ) => {
    setProblem(null);
    setSaved(null);
    try {
      loaded.setData(
        await api.threshold(
          token,
          panelId,
          meetingId,
          c.subjectId,
          { districtPanelId, category, rationale },
          c.version,
        ),
      );
      setSaved(`${c.reference}: category ${category} recorded.`);
    } catch (e) {
      setProblem(`${c.reference}: ${(e as Error).message}`);
    }
  };

  return (
    <section className={styles.section} aria-labelledby="thresholding-title">
      <Title2 as="h2" id="thresholding-title">
        Cases to threshold for the district panels
      </Title2>
      {(problem ?? loaded.error) && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem ?? loaded.error}</MessageBarBody>
        </MessageBar>
      )}
      {saved && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{saved}</MessageBarBody>
        </MessageBar>
      )}
      {list && !list.editable && (
        <Body1 as="p" className={styles.muted}>
          Categories are recorded at this meeting, on its day, by a coordinator signed in to it.
        </Body1>
      )}
      {list?.districts.length === 0 && <Body1 as="p">No district panel meets after this meeting.</Body1>}
      {list?.districts.map((d) => (
        <District key={d.panelId} district={d} areaId={areaId} editable={list.editable} onRecord={record} />
      ))}
    </section>
  );
}

function District({
  district,
  areaId,
  editable,
  onRecord,
}: {
  district: ThresholdingResponse["districts"][number];
  areaId: string;
  editable: boolean;
  onRecord: (
    districtPanelId: string,
    c: ThresholdingCaseView,
    category: 1 | 2 | 3 | 4,
    rationale: string,
  ) => Promise<void>;
}) {
  const styles = useStyles();
  const day = new Date(`${district.meetingId}T12:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
  });
  return (
    <div className={styles.district} data-district={district.panelId}>
      <Subtitle2 as="h3">
        {district.panelName}, {day}
      </Subtitle2>
      {district.cases.length === 0 ? (
        <Body1 as="p">No cases are due at this panel meeting.</Body1>
      ) : (
        <ul className={styles.list}>
          {district.cases.map((c) => (
            <CaseOutcome
              key={c.subjectId}
              c={c}
              areaId={areaId}
              editable={editable}
              onRecord={(category, rationale) => onRecord(district.panelId, c, category, rationale)}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

function CaseOutcome({
  c,
  areaId,
  editable,
  onRecord,
}: {
  c: ThresholdingCaseView;
  areaId: string;
  editable: boolean;
  onRecord: (category: 1 | 2 | 3 | 4, rationale: string) => Promise<void>;
}) {
  const styles = useStyles();
  const [category, setCategory] = useState<string>(c.outcome ? String(c.outcome.category) : "");
  const [rationale, setRationale] = useState(c.outcome?.rationale ?? "");
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    await onRecord(Number(category) as 1 | 2 | 3 | 4, rationale.trim());
    setBusy(false);
  };
  return (
    <li className={styles.item} data-case={c.reference}>
      <Body1>
        <b>
          <SubjectReference areaId={areaId} subjectId={c.subjectId} reference={c.reference} />
        </b>
        {c.label ? ` ${c.label}` : ""} ({STAGES[c.stage]})
      </Body1>
      <Caption1 className={styles.muted}>
        {c.outcome
          ? `${c.outcome.label}, recorded by ${c.outcome.recordedByName}.${c.outcome.rationale ? ` Rationale: ${c.outcome.rationale}` : ""}`
          : "Awaiting thresholding."}
      </Caption1>
      {c.question && (
        <Caption1>
          Asked of the referrer: {c.question.text}{" "}
          {c.question.answer === null ? "Not answered yet." : `Answer: ${c.question.answer}`}
        </Caption1>
      )}
      {editable && (
        <div className={styles.form}>
          <Field label="Category">
            <Select
              aria-label={`Category for ${c.reference}`}
              value={category}
              disabled={busy}
              onChange={(_e, d) => setCategory(d.value)}
            >
              <option value="">Choose a category</option>
              {CATEGORIES.filter(
                (k) => k.value === 1 || c.placement === "victim" || c.placement === "group",
              ).map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={category === "2" ? "Question for the referrer" : "Rationale"}>
            <Textarea
              aria-label={`Rationale for ${c.reference}`}
              value={rationale}
              maxLength={1000}
              disabled={busy}
              onChange={(_e, d) => setRationale(d.value)}
            />
          </Field>
          <Button appearance="primary" disabled={busy || !category} onClick={() => void save()}>
            Record category for {c.reference}
          </Button>
        </div>
      )}
    </li>
  );
}
