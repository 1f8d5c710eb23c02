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
} from "@fluentui/react-components";
import { ResponsiveTable } from "./ResponsiveTable.js";
import { useId, useState } from "react";
import { openDownload } from "./openDownload.js";
import type { TokenSource } from "./api.js";
import { documentsApi, type DocumentSummary, type DocumentsPlace } from "./documentsApi.js";
import { useApi } from "./useApi.js";
import { AttachForm, ReviewForm } from "./DocumentForms.js";

// The documents attached to a case (with those that came with its referrals) or to a referral:
// what each is, who attached it and when, its malware scan and, for a risk assessment, whether a
// chair has reviewed it. A download asks the service for a link that opens once, within a minute.

const SCAN_WORDS: Record<DocumentSummary["scan"], string> = {
  "awaiting-scan": "Awaiting malware scan",
  clean: "Scanned: no threats found",
  malicious: "Malware found: cannot be downloaded",
  "scan-failed": "The malware scan could not check this file: attach it again",
};

function attachedMessage(document: DocumentSummary): { intent: "success" | "warning"; text: string } {
  if (document.scan === "clean") return { intent: "success", text: `${document.name} is attached.` };
  if (document.scan === "scan-failed")
    return {
      intent: "warning",
      text: `The malware scan could not check ${document.name}, so it cannot be downloaded. Attach the file again.`,
    };
  return {
    intent: "success",
    text: `${document.name} is attached, and waits for its malware scan before it can be downloaded.`,
  };
}

const useStyles = makeStyles({
  section: { marginTop: "24px", display: "flex", flexDirection: "column", gap: "12px" },
  table: { tableLayout: "auto" },
  actions: { display: "flex", flexWrap: "wrap", gap: "8px" },
  muted: { color: tokens.colorNeutralForeground3, margin: "0" },
  problem: { color: tokens.colorPaletteRedForeground1, margin: "0", maxWidth: "24rem" },
});

const when = (iso: string): string =>
  new Date(iso).toLocaleString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/London",
  });
const sizeInWords = (bytes: number): string =>
  bytes < 1000
    ? `${bytes} bytes`
    : bytes < 1_000_000
      ? `${Math.round(bytes / 1000)} KB`
      : `${(bytes / 1_000_000).toFixed(1)} MB`;

export function Documents({
  token,
  place,
  headingLevel = "h2",
}: {
  token: TokenSource;
  place: DocumentsPlace;
  headingLevel?: "h2" | "h3";
}) {
  const styles = useStyles();
  const headingId = useId();
  const key =
    place.kind === "case" ? `${place.areaId}/${place.subjectId}` : `${place.panelId}/${place.referralId}`;
  const listed = useApi(() => documentsApi.list(token, place), [token, key]);
  const [message, setMessage] = useState<{ intent: "success" | "warning" | "error"; text: string } | null>(
    null,
  );
  const [reviewing, setReviewing] = useState<string | null>(null);
  const [downloadProblem, setDownloadProblem] = useState<{ id: string; text: string } | null>(null);
  const Heading = headingLevel;

  // The link opens once, for this person, in Teams' browser or the system's; a refusal to make it
  // is told beside the document's Download button.
  const download = async (d: DocumentSummary) => {
    setMessage(null);
    setDownloadProblem(null);
    try {
      const link = await documentsApi.link(token, place, d.id, d.referralId);
      await openDownload(link);
    } catch (e) {
      setDownloadProblem({ id: d.id, text: (e as Error).message });
    }
  };

  const documents = listed.data?.documents ?? [];
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle2 as={Heading} id={headingId}>
        Documents
      </Subtitle2>
      <Body1 as="p" className={styles.muted}>
        Risk assessments, safety plans, Risk Factor Matrices and peer maps. They are never posted in channels;
        each download is recorded.
      </Body1>
      {listed.loading && <Spinner size="small" label="Loading the documents…" />}
      {listed.error && (
        <MessageBar intent="error">
          <MessageBarBody>{listed.error}</MessageBarBody>
        </MessageBar>
      )}
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {listed.data && !documents.length && (
        <Body1 as="p" className={styles.muted}>
          No documents are attached yet.
        </Body1>
      )}
      {documents.length > 0 && (
        <ResponsiveTable className={styles.table} aria-labelledby={headingId}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Document</TableHeaderCell>
              <TableHeaderCell>Kind</TableHeaderCell>
              <TableHeaderCell>Attached to</TableHeaderCell>
              <TableHeaderCell>Added</TableHeaderCell>
              <TableHeaderCell>Scan</TableHeaderCell>
              <TableHeaderCell>Review</TableHeaderCell>
              <TableHeaderCell>Actions</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {documents.map((d) => (
              <TableRow key={d.id} data-document={d.name}>
                <TableCell>
                  {d.name} ({sizeInWords(d.size)})
                </TableCell>
                <TableCell>{d.kindLabel}</TableCell>
                <TableCell>
                  {d.attachedTo.kind === "referral" ? "Referral" : "Case"} {d.attachedTo.reference} ·{" "}
                  {d.attachedTo.panelName}
                </TableCell>
                <TableCell>
                  {d.uploadedBy}, <time dateTime={d.uploadedAt}>{when(d.uploadedAt)}</time>
                </TableCell>
                <TableCell>{SCAN_WORDS[d.scan]}</TableCell>
                <TableCell>
                  {d.review
                    ? `Reviewed by ${d.review.by.name} on ${when(d.review.at)}${d.review.note ? `: ${d.review.note}` : ""}`
                    : d.kind === "risk-assessment"
                      ? "Not yet reviewed"
                      : "Not reviewed (only risk assessments are)"}
                </TableCell>
                <TableCell>
                  <div className={styles.actions}>
                    <Button
                      disabled={d.scan !== "clean"}
                      aria-label={`Download ${d.name}`}
                      onClick={() => void download(d)}
                    >
                      Download
                    </Button>
                    {downloadProblem?.id === d.id && (
                      <Body1 as="p" role="alert" className={styles.problem}>
                        {downloadProblem.text}
                      </Body1>
                    )}
                    {d.mayReview && place.kind === "case" && (
                      <Button aria-label={`Mark ${d.name} reviewed`} onClick={() => setReviewing(d.id)}>
                        Mark reviewed
                      </Button>
                    )}
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </ResponsiveTable>
      )}
      {reviewing && place.kind === "case" && (
        <ReviewForm
          document={documents.find((d) => d.id === reviewing)}
          onCancel={() => setReviewing(null)}
          onReview={async (d, note) => {
            const { document } = await documentsApi.review(token, place, d.id, {
              note,
              version: d.version,
              referralId: d.referralId,
            });
            setReviewing(null);
            await listed.reload();
            setMessage({ intent: "success", text: `${document.name} is marked reviewed.` });
          }}
        />
      )}
      {listed.data && (
        <AttachForm
          panels={listed.data.panels}
          needsPanel={place.kind === "case"}
          onAttach={async (file, kind, panelId) => {
            const { document } = await documentsApi.attach(token, place, file, kind, panelId);
            await listed.reload();
            setMessage(attachedMessage(document));
          }}
        />
      )}
    </section>
  );
}
