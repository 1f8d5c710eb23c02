import { Body1, Button, Field, Input, makeStyles } from "@fluentui/react-components";
import { useState } from "react";
import type { SubjectMapResponse } from "./api.js";
import { described } from "./linkChoices.js";

// A case's links in force now, as they read from the case, each with a way to end it: the
// coordinator says why, and the link stays in both subjects' histories.

const useStyles = makeStyles({
  row: { display: "flex", gap: "12px", flexWrap: "wrap", alignItems: "flex-end" },
  list: { margin: 0, paddingLeft: "20px", display: "flex", flexDirection: "column", gap: "6px" },
  entry: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "center" },
});

export function CurrentLinks({
  map,
  subject,
  busy,
  onEnd,
}: {
  map: SubjectMapResponse | undefined;
  subject: { subjectId: string; reference: string };
  busy: boolean;
  /** Ends the link; whether it was ended. */
  onEnd: (linkId: string, reason: string, otherReference: string) => Promise<boolean>;
}) {
  const styles = useStyles();
  const [ending, setEnding] = useState<{ linkId: string; reason: string } | null>(null);
  const nodes = new Map((map?.nodes ?? []).map((n) => [n.id, n]));
  const current = (map?.edges ?? []).filter((e) => !e.endedAt);
  return (
    <ul className={styles.list} aria-label={`Links of ${subject.reference} now`}>
      {map && current.length === 0 && <li>No links yet.</li>}
      {current.map((e) => {
        const otherId = e.from === subject.subjectId ? e.to : e.from;
        const other = nodes.get(otherId);
        const wording = `${e.from === subject.subjectId ? e.label : e.inverse} ${other ? described(other) : otherId}`;
        return (
          <li key={e.id}>
            <div className={styles.entry}>
              <Body1>{wording}</Body1>
              {ending?.linkId !== e.id && (
                <Button
                  size="small"
                  onClick={() => setEnding({ linkId: e.id, reason: "" })}
                  aria-label={`End link: ${wording}`}
                >
                  End link
                </Button>
              )}
            </div>
            {ending?.linkId === e.id && (
              <form
                className={styles.row}
                aria-label={`End link: ${wording}`}
                onSubmit={(ev) => {
                  ev.preventDefault();
                  void onEnd(e.id, ending.reason, other?.reference ?? otherId).then(
                    (ended) => ended && setEnding(null),
                  );
                }}
              >
                <Field label="Why the link is ended" required>
                  <Input
                    value={ending.reason}
                    onChange={(_e, d) => setEnding({ ...ending, reason: d.value })}
                  />
                </Field>
                <Button type="submit" appearance="primary" disabled={busy}>
                  End the link
                </Button>
                <Button onClick={() => setEnding(null)}>Keep it</Button>
              </form>
            )}
          </li>
        );
      })}
    </ul>
  );
}
