import {
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title2,
  makeStyles,
} from "@fluentui/react-components";
import { ResponsiveTable } from "./ResponsiveTable.js";
import { headerStyles } from "./styles.js";
import { useMemo, useState } from "react";
import { useApi } from "./useApi.js";
import { formatDate, KIND_LABELS, referrerText, STATUS_COLOURS, AWAITING_TRIAGE } from "./referralLabels.js";
import { api, type PanelViewProps, type ReferralSummary } from "./api.js";
import { MoreReferrals, useMorePages } from "./MoreReferrals.js";
import { ReferralDetailView } from "./ReferralDetailView.js";

// The coordinator's referrals view for one panel: the list, one referral's answers, and triage.
// Everything stays in page state: nothing that identifies a child goes into the address bar.

type Filter = "waiting" | "all";

const useStyles = makeStyles({
  ...headerStyles,
  filter: { marginTop: "16px", maxWidth: "280px" },
  list: { marginTop: "16px" },
  table: { tableLayout: "auto" },
  referrer: { display: "flex", flexDirection: "column" },
  noWrap: { whiteSpace: "nowrap" },
});

export function ReferralsPage({
  token,
  panel,
  onBack,
  openReferral = null,
}: PanelViewProps & { openReferral?: string | null }) {
  const styles = useStyles();
  const [filter, setFilter] = useState<Filter>("waiting");
  // The pages loaded so far, as one list; `next` says whether there are more to show.
  const list = useApi(() => api.referrals(token, panel.id, filter), [token, panel.id, filter]);
  // A failed reload hides the list it would have replaced.
  const ready = list.error ? undefined : list.data?.referrals;
  const {
    next,
    loading: loadingMore,
    error: moreError,
    showMore,
  } = useMorePages(list, (after) => api.referrals(token, panel.id, filter, after));
  // A link from the coordinator's card opens that referral, to triage it here.
  const [selectedId, setSelectedId] = useState<string | null>(openReferral);

  const shown = useMemo(
    () => (ready ?? []).filter((r) => filter === "all" || AWAITING_TRIAGE.includes(r.status)),
    [ready, filter],
  );

  // A triaged referral changes where it is, so the pages already shown stay as they are.
  const triaged = (updated: ReferralSummary) =>
    list.setData(
      (loaded) =>
        loaded && {
          ...loaded,
          referrals: loaded.referrals.map((r) => (r.id === updated.id ? updated : r)),
        },
    );

  return (
    <>
      <header className={styles.header}>
        <div className={styles.titleBlock}>
          <Title2 as="h1">Referrals: {panel.name}</Title2>
          <Body1 as="p" className={styles.muted}>
            {panel.area.name} · {panel.tier} panel
          </Body1>
        </div>
        <Button onClick={onBack}>Back to your panels</Button>
      </header>

      <Field label="Show" className={styles.filter}>
        <Select value={filter} onChange={(_e, d) => setFilter(d.value === "all" ? "all" : "waiting")}>
          <option value="waiting">Waiting for triage</option>
          <option value="all">All</option>
        </Select>
      </Field>

      <div className={styles.list}>
        {list.loading && <Spinner label="Loading referrals…" />}
        {list.error && (
          <MessageBar intent="error">
            <MessageBarBody>{list.error}</MessageBarBody>
          </MessageBar>
        )}
        {ready && shown.length === 0 && (
          <MessageBar intent="info">
            <MessageBarBody>
              {next
                ? "None of the referrals shown so far are waiting for triage."
                : filter === "waiting"
                  ? "No referrals are waiting for triage."
                  : "This panel has no referrals yet."}
            </MessageBarBody>
          </MessageBar>
        )}
        {ready && shown.length > 0 && (
          <ResponsiveTable
            className={styles.table}
            aria-label={filter === "waiting" ? "Referrals waiting for triage" : "All referrals"}
          >
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Reference</TableHeaderCell>
                <TableHeaderCell>Subject</TableHeaderCell>
                <TableHeaderCell>Kind</TableHeaderCell>
                <TableHeaderCell>Referrer</TableHeaderCell>
                <TableHeaderCell>Meeting</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {shown.map((r) => (
                <TableRow
                  key={r.id}
                  appearance={r.id === selectedId ? "brand" : "none"}
                  data-referral-id={r.id}
                >
                  <TableCell>
                    <Button
                      appearance="subtle"
                      className={styles.noWrap}
                      aria-label={`Open ${r.reference}`}
                      aria-current={r.id === selectedId ? "true" : undefined}
                      onClick={() => setSelectedId(r.id)}
                    >
                      {r.reference}
                    </Button>
                  </TableCell>
                  <TableCell>{r.subject}</TableCell>
                  <TableCell>{KIND_LABELS[r.kind] ?? r.kind}</TableCell>
                  <TableCell>
                    <span className={styles.referrer}>
                      <span>{r.referrer.name}</span>
                      {referrerText(r) && <Caption1 className={styles.muted}>{referrerText(r)}</Caption1>}
                    </span>
                  </TableCell>
                  <TableCell>
                    {r.meetingDate ? (
                      <time dateTime={r.meetingDate}>{formatDate(r.meetingDate)}</time>
                    ) : (
                      "Not yet set"
                    )}
                  </TableCell>
                  <TableCell>
                    <Badge
                      appearance="tint"
                      className={styles.noWrap}
                      color={STATUS_COLOURS[r.status] ?? "informative"}
                    >
                      {r.statusLabel}
                    </Badge>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </ResponsiveTable>
        )}
        {ready && (
          <MoreReferrals
            shown={shown.length}
            more={next !== null}
            loading={loadingMore}
            error={moreError}
            onMore={() => void showMore()}
          />
        )}
      </div>

      {selectedId && (
        <ReferralDetailView
          key={selectedId}
          token={token}
          panelId={panel.id}
          areaId={panel.area.id}
          referralId={selectedId}
          onTriaged={triaged}
          onClose={() => setSelectedId(null)}
        />
      )}
    </>
  );
}
