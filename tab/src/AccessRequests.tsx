import {
  Body1,
  Button,
  Caption1,
  Card,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  makeStyles,
} from "@fluentui/react-components";
import { useState } from "react";
import { api, type AccessRequestView, type TokenSource } from "./api.js";
import { useApi } from "./useApi.js";

// Requests to join an area's panels that the signed-in person may decide: approve with a role,
// or decline with a reason. The service says who may see and decide them.

const ROLES = ["member", "presenter", "chair", "coordinator"] as const;

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: "12px", marginTop: "8px" },
  row: { display: "flex", gap: "8px", alignItems: "flex-end", flexWrap: "wrap" },
});

export function AccessRequests({
  areaId,
  token,
  hideWhenEmpty = false,
}: {
  areaId: string;
  token: TokenSource;
  /** On the home page: shown only when there is something to decide. */
  hideWhenEmpty?: boolean;
}) {
  const styles = useStyles();
  const loaded = useApi(() => api.accessRequests(token, areaId), [token, areaId]);
  const requests = loaded.data?.requests ?? [];
  if (hideWhenEmpty && !requests.length) return null;
  return (
    <section aria-label="Requests to join a panel" data-link-target="access-requests">
      <Subtitle2 as="h2">Requests to join a panel</Subtitle2>
      {loaded.loading && <Spinner size="tiny" label="Loading requests…" />}
      {loaded.error && (
        <MessageBar intent="error">
          <MessageBarBody>{loaded.error}</MessageBarBody>
        </MessageBar>
      )}
      {loaded.data && !requests.length && <Body1 as="p">No one is waiting for an answer.</Body1>}
      <div className={styles.list}>
        {requests.map((r) => (
          <RequestRow key={r.id} request={r} token={token} onDecided={() => void loaded.reload()} />
        ))}
      </div>
    </section>
  );
}

function RequestRow({
  request: r,
  token,
  onDecided,
}: {
  request: AccessRequestView;
  token: TokenSource;
  onDecided: () => void;
}) {
  const styles = useStyles();
  const [role, setRole] = useState<string>("member");
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const decide = async (body: { approve: string } | { decline: string }) => {
    setBusy(true);
    setProblem(null);
    try {
      await api.decideAccess(token, r.id, body);
      onDecided();
    } catch (e) {
      setProblem((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card aria-label={`Request from ${r.displayName}`} data-link-target={`access-request:${r.id}`}>
      <Body1>
        <b>{r.displayName}</b> asks to join <b>{r.panelName}</b>
      </Body1>
      <Caption1>
        {r.agency}
        {r.jobTitle ? `, ${r.jobTitle}` : ""} · {r.email} · asked {new Date(r.at).toLocaleDateString("en-GB")}
      </Caption1>
      <Body1 as="p">{r.reason}</Body1>
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Field label="Role">
          <Select value={role} onChange={(_e, d) => setRole(d.value)}>
            {ROLES.map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </Select>
        </Field>
        <Button appearance="primary" disabled={busy} onClick={() => void decide({ approve: role })}>
          Approve {r.displayName}
        </Button>
        <Field label="Reason to decline">
          <Input value={reason} maxLength={500} onChange={(_e, d) => setReason(d.value)} />
        </Field>
        <Button disabled={busy || !reason.trim()} onClick={() => void decide({ decline: reason })}>
          Decline
        </Button>
      </div>
    </Card>
  );
}
