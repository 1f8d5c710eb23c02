import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Textarea,
  makeStyles,
} from "@fluentui/react-components";
import { useId, useRef, useState } from "react";
import type { DocumentSummary } from "./documentsApi.js";

// The two forms beside a case's or a referral's documents: attaching a file, with what kind of
// document it is, and a chair's review of a risk assessment.

const KINDS = [
  { value: "risk-assessment", label: "Risk assessment" },
  { value: "safety-plan", label: "Safety plan" },
  { value: "risk-factor-matrix", label: "Risk Factor Matrix" },
  { value: "peer-map", label: "Peer map" },
  { value: "other", label: "Other document" },
];
// The service judges each file by its contents; these only spare a wasted upload.
const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = ".pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg";

const useStyles = makeStyles({
  form: { display: "flex", flexWrap: "wrap", gap: "12px", alignItems: "flex-end" },
  actions: { display: "flex", flexWrap: "wrap", gap: "8px" },
  file: { display: "flex", flexDirection: "column", gap: "4px" },
  review: { display: "flex", flexDirection: "column", gap: "8px", maxWidth: "40rem" },
});

export function ReviewForm({
  document: d,
  onReview,
  onCancel,
}: {
  document: DocumentSummary | undefined;
  onReview: (d: DocumentSummary, note: string) => Promise<void>;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!d) return null;
  const send = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await onReview(d, note);
    } catch (e) {
      setProblem((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={styles.review} role="group" aria-label={`Review of ${d.name}`}>
      <Field label={`Review note for ${d.name}`} hint="What the chairs concluded from the assessment.">
        <Textarea value={note} maxLength={2000} onChange={(_e, v) => setNote(v.value)} resize="vertical" />
      </Field>
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={() => void send()}>
          Confirm review
        </Button>
        <Button disabled={busy} onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}

export function AttachForm({
  panels,
  needsPanel,
  onAttach,
}: {
  panels: { id: string; name: string; reference: string }[];
  needsPanel: boolean;
  onAttach: (file: File, kind: string, panelId: string | undefined) => Promise<void>;
}) {
  const styles = useStyles();
  const fileId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState("risk-assessment");
  const [panelId, setPanelId] = useState(panels[0]?.id ?? "");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (needsPanel && !panels.length) return null;

  const attach = async () => {
    setProblem(null);
    const file = input.current?.files?.[0];
    if (!file) return setProblem("Choose a file to attach.");
    if (file.size > MAX_BYTES)
      return setProblem(`${file.name} is larger than 10 MB. Attach a smaller copy, or split it into parts.`);
    setBusy(true);
    try {
      await onAttach(file, kind, needsPanel ? panelId : undefined);
      if (input.current) input.current.value = "";
    } catch (e) {
      setProblem((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.form} role="group" aria-label="Attach a document">
      <Field label="Kind of document">
        <Select value={kind} onChange={(_e, d) => setKind(d.value)}>
          {KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </Select>
      </Field>
      {needsPanel && panels.length > 1 && (
        <Field label="Case">
          <Select value={panelId} onChange={(_e, d) => setPanelId(d.value)}>
            {panels.map((p) => (
              <option key={p.id} value={p.id}>
                {p.reference} · {p.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div className={styles.file}>
        <label htmlFor={fileId}>File (PDF, Word, Excel, PNG or JPEG; at most 10 MB)</label>
        <input id={fileId} ref={input} type="file" accept={ACCEPT} />
      </div>
      <Button appearance="primary" disabled={busy} onClick={() => void attach()}>
        Attach
      </Button>
      {busy && <Spinner size="tiny" label="Attaching…" />}
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
