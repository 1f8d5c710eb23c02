import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
} from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import { api, ApiError, type AreaPeopleResponse, type PersonRow, type TokenSource } from "./api.js";
import { ChoiceField } from "./ChoiceField.js";
import type { Found } from "./FindPerson.js";

// A person's details in the area: name and address as people know them, agency, job title, and
// for administrators whether they approve the area's referrals.

const useStyles = makeStyles({
  form: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(240px, 1fr))", gap: "12px" },
  actions: { gridColumn: "1 / -1", display: "flex", gap: "8px", alignItems: "center" },
});

export function PersonDetailsForm({
  token,
  view,
  person,
  found,
  onSaved,
}: {
  token: TokenSource;
  view: AreaPeopleResponse;
  /** Already in the area; otherwise `found` in the directory. */
  person: PersonRow | undefined;
  found: Found | undefined;
  onSaved: (message: string) => Promise<void>;
}) {
  const styles = useStyles();
  const id = person?.id ?? found?.id ?? "";
  const [displayName, setDisplayName] = useState(person?.displayName ?? found?.displayName ?? "");
  const [email, setEmail] = useState(person?.email ?? found?.email ?? "");
  const [agencyId, setAgencyId] = useState(person?.agencyId ?? "");
  const [jobTitle, setJobTitle] = useState(person?.jobTitle ?? found?.jobTitle ?? "");
  const [approves, setApproves] = useState(person?.approvesReferrals ?? false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const beside = (field: string) => problem?.fields.find((f) => f.field === field)?.message;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const upn = person?.userPrincipalName ?? found?.userPrincipalName;
      await api.savePerson(token, view.area.id, id, {
        displayName,
        email,
        agencyId,
        jobTitle,
        approvesReferrals: approves,
        suspended: person?.suspended ?? false,
        guest: person?.guest ?? found?.guest ?? false,
        ...(upn ? { userPrincipalName: upn } : {}),
      });
      await onSaved(
        person
          ? `${displayName}'s details are saved.`
          : `${displayName} is added to ${view.area.name}'s people.`,
      );
    } catch (err) {
      setProblem(err instanceof ApiError ? err : new ApiError(0, (err as Error).message));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className={styles.form}
      onSubmit={(e) => void save(e)}
      aria-label={`Details of ${displayName || "the person"}`}
    >
      <Field label="Name" required validationMessage={beside("displayName")}>
        <Input value={displayName} onChange={(_e, d) => setDisplayName(d.value)} />
      </Field>
      <Field label="Email address" required validationMessage={beside("email")}>
        <Input type="email" value={email} onChange={(_e, d) => setEmail(d.value)} />
      </Field>
      <ChoiceField
        label="Agency"
        required
        value={agencyId}
        onChange={setAgencyId}
        empty="Choose their agency"
        options={view.agencies.map((a) => ({ value: a.id, label: a.name }))}
      />
      <Field label="Job title" validationMessage={beside("jobTitle")}>
        <Input value={jobTitle} onChange={(_e, d) => setJobTitle(d.value)} />
      </Field>
      {view.administrator && (
        <Checkbox
          label={`Approves referrals in ${view.area.name}`}
          checked={approves}
          onChange={(_e, d) => setApproves(d.checked === true)}
        />
      )}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={busy || !agencyId}>
          {person ? "Save details" : `Add to ${view.area.name}'s people`}
        </Button>
      </div>
      {problem && (
        <MessageBar intent="error" role="alert" className={styles.actions}>
          <MessageBarBody>{problem.message}</MessageBarBody>
        </MessageBar>
      )}
    </form>
  );
}
