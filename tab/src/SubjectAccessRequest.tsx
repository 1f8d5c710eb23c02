import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import { api, type TokenSource } from "./api.js";
import { openDownload } from "./openDownload.js";

// For an area's administrators answering a subject access request under UK GDPR: everything the
// area holds about the subject a request's reference names, as a Word document marked
// OFFICIAL-SENSITIVE. The service refuses anyone else and audits each export.

const useStyles = makeStyles({
  box: {
    marginTop: "24px",
    padding: "16px",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    display: "flex",
    flexDirection: "column",
    gap: "12px",
    maxWidth: "640px",
  },
  row: { display: "flex", gap: "12px", alignItems: "flex-end", flexWrap: "wrap" },
});

export function SubjectAccessRequest({
  token,
  areaId,
  areaName,
}: {
  token: TokenSource;
  areaId: string;
  areaName: string;
}) {
  const styles = useStyles();
  const [reference, setReference] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setDone(null);
    setBusy(true);
    try {
      const wanted = reference.trim().toUpperCase();
      await openDownload(await api.subjectAccessByReference(token, areaId, wanted));
      setDone(
        `The export for ${wanted} is downloaded. Review it for information about others before it is disclosed.`,
      );
    } catch (err) {
      setProblem((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className={styles.box} aria-label="Subject access request" onSubmit={(e) => void submit(e)}>
      <Subtitle1 as="h2">Subject access request</Subtitle1>
      <p>
        Everything {areaName} holds about one subject (its referrals, cases, decisions, actions, links, and
        who read or changed them), as a Word document. The export is recorded in the audit log.
      </p>
      <div className={styles.row}>
        <Field
          label="The subject's reference"
          hint="For example MER-2026-0001"
          validationMessage={problem ?? undefined}
        >
          <Input value={reference} onChange={(_e, d) => setReference(d.value)} required />
        </Field>
        <Button type="submit" appearance="primary" disabled={busy || !reference.trim()}>
          {busy ? "Making the export…" : "Download the export (Word)"}
        </Button>
      </div>
      {done && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
    </form>
  );
}
