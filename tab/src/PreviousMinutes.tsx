import { Body1, Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { minutesApi } from "./minutesApi.js";
import { useApi } from "./useApi.js";
import { ApiError, type TokenSource } from "./api.js";

// The agenda's "minutes and outstanding actions" item: where the previous meeting's minutes stand,
// and, at this meeting, the coordinator signed in to it records them as agreed, with any correction.

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: "6px", marginTop: "6px" },
  row: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "flex-end" },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

export function PreviousMinutes({
  token,
  panelId,
  meetingId,
}: {
  token: TokenSource;
  panelId: string;
  meetingId: string;
}) {
  const styles = useStyles();
  const loaded = useApi(
    () => minutesApi.previousMinutes(token, panelId, meetingId),
    [token, panelId, meetingId],
  );
  const [correction, setCorrection] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  // The service's words about the correction itself, shown under its box.
  const [correctionProblem, setCorrectionProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const view = loaded.data;
  if (!view?.meetingId || !view.status) return null;

  const agree = async () => {
    setBusy(true);
    setProblem(null);
    setCorrectionProblem(null);
    try {
      await minutesApi.agreePreviousMinutes(token, panelId, meetingId, correction);
      await loaded.reload();
    } catch (e) {
      const beside = e instanceof ApiError ? e.fields.find((f) => f.field === "correction") : undefined;
      if (beside) setCorrectionProblem(beside.message);
      else setProblem((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.box} role="group" aria-label="Previous minutes">
      <Body1>
        Minutes of {view.meetingDescription ?? view.meetingId}: {view.status.words}
      </Body1>
      {view.canAgree && (
        <div className={styles.row}>
          <Field
            label="Correction the panel asked for (if any)"
            hint="By case reference only: the minutes go to every agency."
            validationMessage={correctionProblem ?? undefined}
          >
            <Input value={correction} maxLength={1000} onChange={(_e, d) => setCorrection(d.value)} />
          </Field>
          <Button appearance="primary" disabled={busy} onClick={() => void agree()}>
            Record the minutes as agreed
          </Button>
        </div>
      )}
      {problem && (
        <Body1 role="alert" className={styles.problem}>
          {problem}
        </Body1>
      )}
    </div>
  );
}
