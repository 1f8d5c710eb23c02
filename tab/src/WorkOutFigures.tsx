import { Button, MessageBar, MessageBarBody, Spinner, makeStyles } from "@fluentui/react-components";
import { useState } from "react";
import { api, type TokenSource } from "./api.js";
import { monthLabel } from "./ReportPeriod.js";

// "Work the figures out again": each month of the period, one after another, for every panel of
// the area, with the month under way and how many are left, so a long period shows it is moving
// and a failure says which month to try again from.

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: "8px", maxWidth: "480px" },
});

type Progress =
  | { state: "working"; month: string; done: number; of: number }
  | { state: "done"; months: number }
  | { state: "failed"; month: string; done: number; message: string };

export function WorkOutFigures({
  token,
  areaId,
  months,
  onWorkedOut,
}: {
  token: TokenSource;
  areaId: string;
  /** The period's months, oldest first. */
  months: string[];
  /** Shows the figures again once every month has been worked out. */
  onWorkedOut: () => Promise<void>;
}) {
  const styles = useStyles();
  const [progress, setProgress] = useState<Progress | null>(null);
  const working = progress?.state === "working";

  const workOut = async () => {
    for (const [i, month] of months.entries()) {
      setProgress({ state: "working", month, done: i, of: months.length });
      try {
        await api.workOutMonth(token, areaId, month);
      } catch (e) {
        setProgress({ state: "failed", month, done: i, message: (e as Error).message });
        return;
      }
    }
    await onWorkedOut();
    setProgress({ state: "done", months: months.length });
  };

  return (
    <div className={styles.box}>
      <div>
        <Button disabled={working} onClick={() => void workOut()}>
          Work the figures out again
        </Button>
      </div>
      <div role="status">
        {progress?.state === "working" && (
          <Spinner
            size="tiny"
            labelPosition="after"
            label={`Working out ${monthLabel(progress.month)}: ${progress.done + 1} of ${progress.of}`}
          />
        )}
        {progress?.state === "done" &&
          `The figures were worked out again for ${progress.months === 1 ? "the month" : `all ${progress.months} months`}.`}
      </div>
      {progress?.state === "failed" && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            The figures for {monthLabel(progress.month)} could not be worked out: {progress.message}{" "}
            {progress.done > 0
              ? `The ${progress.done === 1 ? "month" : `${progress.done} months`} before it ${progress.done === 1 ? "was" : "were"} worked out. `
              : ""}
            Try again in a few minutes; if it keeps failing, tell your administrator.
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
