import {
  Badge,
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title2,
  makeStyles,
} from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { ResponsiveTable } from "./ResponsiveTable.js";
import { api, type ReferralSummary, type TokenSource } from "./api.js";
import { MyReferralView } from "./MyReferralView.js";
import { formatDate, KIND_LABELS, STATUS_COLOURS } from "./referralLabels.js";
import { headerStyles } from "./styles.js";
import { useApi } from "./useApi.js";
import { MoreReferrals, useMorePages } from "./MoreReferrals.js";

// The practitioner's own referrals, newest first, whichever panel each went to: where each one is,
// what was written with its outcome, and one opened to read or withdraw. Nothing that identifies a
// child goes into the address bar.

const openedOf = (r: ReferralSummary): Opened => ({ panelId: r.panel.id, referralId: r.id });

const useStyles = makeStyles({
  ...headerStyles,
  list: { marginTop: "16px" },
  table: { tableLayout: "auto" },
  noWrap: { whiteSpace: "nowrap" },
  note: { overflowWrap: "anywhere" },
});

/** A referral a card linked to: with its panel it opens at once, wherever it is in the list. */
export interface LinkedReferral {
  panelId?: string;
  referralId: string;
}

/** The referral open below the list. */
type Opened = { panelId: string; referralId: string };

export function MyReferralsPage({
  token,
  onBack,
  openReferral = null,
}: {
  token: TokenSource;
  onBack: () => void;
  /** A referral a card linked to. */
  openReferral?: LinkedReferral | null;
}) {
  const styles = useStyles();
  const list = useApi(() => api.myReferrals(token), [token]);
  const ready = list.error ? undefined : list.data?.referrals;
  const {
    next,
    loading: loadingMore,
    error: moreError,
    showMore,
  } = useMorePages(list, (after) => api.myReferrals(token, after));
  const [selected, setSelected] = useState<Opened | null>(() =>
    openReferral?.panelId ? { panelId: openReferral.panelId, referralId: openReferral.referralId } : null,
  );
  // A link without its panel: opened once the list has it.
  const linked = useRef(openReferral?.panelId ? null : (openReferral?.referralId ?? null));
  useEffect(() => {
    const found = ready?.find((r) => r.id === linked.current);
    if (!found) return;
    linked.current = null;
    setSelected(openedOf(found));
  }, [ready]);

  // A withdrawn referral keeps its place in the list, with its new status.
  const changed = (updated: ReferralSummary) =>
    list.setData(
      (loaded) =>
        loaded && { ...loaded, referrals: loaded.referrals.map((r) => (r.id === updated.id ? updated : r)) },
    );

  return (
    <>
      <header className={styles.header}>
        <div className={styles.titleBlock}>
          <Title2 as="h1">My referrals</Title2>
          <Body1 as="p" className={styles.muted}>
            The referrals you have made, the newest first.
          </Body1>
        </div>
        <Button onClick={onBack}>Back to your panels</Button>
      </header>

      <div className={styles.list}>
        {list.loading && <Spinner label="Loading your referrals…" />}
        {list.error && (
          <MessageBar intent="error">
            <MessageBarBody>{list.error}</MessageBarBody>
          </MessageBar>
        )}
        {ready && ready.length === 0 && (
          <MessageBar intent="info">
            <MessageBarBody>
              You have not made any referrals yet. Type refer to the MACE panels bot to make one.
            </MessageBarBody>
          </MessageBar>
        )}
        {ready && ready.length > 0 && (
          <ResponsiveTable className={styles.table} aria-label="My referrals">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Reference</TableHeaderCell>
                <TableHeaderCell>Subject</TableHeaderCell>
                <TableHeaderCell>Kind</TableHeaderCell>
                <TableHeaderCell>Panel</TableHeaderCell>
                <TableHeaderCell>Meeting</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
                <TableHeaderCell>Note</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {ready.map((r) => (
                <TableRow
                  key={r.id}
                  appearance={r.id === selected?.referralId ? "brand" : "none"}
                  data-referral-id={r.id}
                >
                  <TableCell>
                    <Button
                      appearance="subtle"
                      className={styles.noWrap}
                      aria-label={`Open ${r.reference}`}
                      aria-current={r.id === selected?.referralId ? "true" : undefined}
                      onClick={() => setSelected(openedOf(r))}
                    >
                      {r.reference}
                    </Button>
                  </TableCell>
                  <TableCell>{r.subject}</TableCell>
                  <TableCell>{KIND_LABELS[r.kind] ?? r.kind}</TableCell>
                  <TableCell>{r.panel.name}</TableCell>
                  <TableCell>
                    {r.meetingDate ? (
                      <time dateTime={r.meetingDate}>{formatDate(r.meetingDate)}</time>
                    ) : (
                      "Not yet set"
                    )}
                  </TableCell>
                  <TableCell>
                    <Badge appearance="tint" className={styles.noWrap} color={STATUS_COLOURS[r.status]}>
                      {r.statusLabel}
                    </Badge>
                  </TableCell>
                  <TableCell className={styles.note}>
                    {r.outcome ? `${r.outcome.label}: ${r.outcome.text}` : ""}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </ResponsiveTable>
        )}
        {ready && ready.length > 0 && (
          <MoreReferrals
            shown={ready.length}
            more={next !== null}
            loading={loadingMore}
            error={moreError}
            onMore={() => void showMore()}
          />
        )}
      </div>

      {selected && (
        <MyReferralView
          key={selected.referralId}
          token={token}
          panelId={selected.panelId}
          referralId={selected.referralId}
          onChanged={changed}
          onClose={() => setSelected(null)}
        />
      )}
    </>
  );
}
