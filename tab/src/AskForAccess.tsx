import {
  Body1,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  Textarea,
  makeStyles,
} from "@fluentui/react-components";
import { useState } from "react";
import { api, ApiError, type FieldProblem, type TokenSource } from "./api.js";
import { useApi } from "./useApi.js";

// For someone on no panel: that they are not, each panel's coordinators, and a form to ask.

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: "12px", maxWidth: "560px", marginTop: "16px" },
  panels: { margin: "4px 0 0", paddingLeft: "20px" },
});

export function AskForAccess({ token }: { token: TokenSource }) {
  const styles = useStyles();
  const loaded = useApi(() => api.whoToAsk(token), [token]);
  const [panelId, setPanelId] = useState("");
  const [agencyId, setAgencyId] = useState("");
  const [jobTitle, setJobTitle] = useState("");
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<{ message: string; fields: FieldProblem[] } | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const view = loaded.data;
  if (!view) return loaded.error ? <Body1>{loaded.error}</Body1> : <Spinner size="tiny" />;
  const several = view.areas.length > 1;
  const panel = view.areas.flatMap((a) => a.panels).find((p) => p.id === panelId);
  const areaOfPanel = view.areas.find((a) => a.panels.some((p) => p.id === panelId));

  const send = async () => {
    setProblem(null);
    try {
      const request = await api.askForAccess(token, { panelId, agencyId, reason, jobTitle });
      setSent(request.panelName);
    } catch (e) {
      const fields = e instanceof ApiError ? e.fields : [];
      setProblem({ message: (e as Error).message, fields });
    }
  };

  return (
    <section aria-label="Ask for access" data-link-target="ask-for-access">
      <MessageBar intent="info">
        <MessageBarBody>
          You are not on any MACE panel yet. A panel&apos;s coordinator adds the people who attend it.
        </MessageBarBody>
      </MessageBar>
      {view.areas.map((area) => (
        <div key={area.id}>
          <Subtitle2 as="h2">{area.name}</Subtitle2>
          <ul className={styles.panels}>
            {area.panels.map((p) => (
              <li key={p.id}>
                {p.name}: {p.coordinators.length ? p.coordinators.join(", ") : "no coordinator yet"}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {[...view.asked.map((a) => a.panelName), ...(sent ? [sent] : [])].map((name) => (
        <MessageBar key={name} intent="success">
          <MessageBarBody>You have asked to join {name}. Its coordinators have been told.</MessageBarBody>
        </MessageBar>
      ))}
      <form
        className={styles.form}
        aria-label="Ask for access"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <Subtitle2 as="h2">Ask for access</Subtitle2>
        {problem && (
          <MessageBar intent="error">
            <MessageBarBody>{problem.message}</MessageBarBody>
          </MessageBar>
        )}
        <Field
          label="Panel"
          required
          validationMessage={problem?.fields.find((x) => x.field === "panelId")?.message}
        >
          <Select value={panelId} onChange={(_e, d) => setPanelId(d.value)}>
            <option value="">Choose the panel</option>
            {view.areas.flatMap((a) =>
              a.panels.map((p) => (
                <option key={p.id} value={p.id}>
                  {several ? `${a.name}: ${p.name}` : p.name}
                </option>
              )),
            )}
          </Select>
        </Field>
        <Field
          label="Your agency"
          required
          validationMessage={problem?.fields.find((x) => x.field === "agencyId")?.message}
        >
          <Select value={agencyId} onChange={(_e, d) => setAgencyId(d.value)}>
            <option value="">Choose your agency</option>
            {(areaOfPanel ? [areaOfPanel] : view.areas).flatMap((a) =>
              a.agencies.map((g) => (
                <option key={g.id} value={g.id}>
                  {several && !areaOfPanel ? `${a.name}: ${g.name}` : g.name}
                </option>
              )),
            )}
          </Select>
        </Field>
        <Field
          label="Your job title"
          validationMessage={problem?.fields.find((x) => x.field === "jobTitle")?.message}
        >
          <Input value={jobTitle} maxLength={120} onChange={(_e, d) => setJobTitle(d.value)} />
        </Field>
        <Field
          label="Why you need to join it"
          required
          validationMessage={problem?.fields.find((x) => x.field === "reason")?.message}
        >
          <Textarea value={reason} maxLength={500} onChange={(_e, d) => setReason(d.value)} />
        </Field>
        <Button appearance="primary" type="submit" disabled={!!sent && sent === panel?.name}>
          Send request
        </Button>
      </form>
    </section>
  );
}
