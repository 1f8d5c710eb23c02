import { Body1, Button, makeStyles, MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";

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
