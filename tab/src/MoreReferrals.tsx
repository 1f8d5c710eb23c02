import { Body1, Button, makeStyles, MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { useState } from "react";
import type { Loaded } from "./useApi.js";

// Below a list of referrals read a page at a time: how many are shown, "Show more" while more
// follow, and what went wrong loading them, in words.

const useStyles = makeStyles({
  more: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: "12px", marginTop: "12px" },
  para: { margin: "0" },
});

export function MoreReferrals(props: {
  shown: number;
  more: boolean;
  loading: boolean;
  error: string | null;
  onMore: () => void;
}) {
  const styles = useStyles();
  return (
    <>
      <div className={styles.more}>
        <Body1 as="p" role="status" className={styles.para}>
          {props.shown === 1 ? "1 referral shown" : `${props.shown} referrals shown`}
          {props.more ? "; there are more." : "."}
        </Body1>
        {props.more && (
          <Button disabledFocusable={props.loading} onClick={props.onMore}>
            Show more
          </Button>
        )}
        {props.loading && <Spinner size="tiny" label="Loading more referrals…" />}
      </div>
      {props.error && (
        <MessageBar intent="error">
          <MessageBarBody>{props.error}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

/** A list of referrals read a page at a time: loading the next page onto the pages shown. */
export function useMorePages<R>(
  list: Loaded<{ referrals: R[]; next: string | null }>,
  nextPage: (after: string) => Promise<{ referrals: R[]; next: string | null }>,
) {
  const next = list.error ? null : (list.data?.next ?? null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const showMore = async () => {
    if (!next || loading) return;
    setLoading(true);
    setError(null);
    try {
      const page = await nextPage(next);
      // Onto the pages it followed only: a list loaded again since keeps its own.
      list.setData((loaded) =>
        loaded && loaded.next === next
          ? { referrals: [...loaded.referrals, ...page.referrals], next: page.next }
          : loaded,
      );
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoading(false);
    }
  };
  return { next, loading, error, showMore };
}
