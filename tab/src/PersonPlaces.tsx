import { Body1, Button, MessageBar, MessageBarBody, Subtitle2, makeStyles } from "@fluentui/react-components";
import { useState } from "react";
import { api, type AreaPeopleResponse, type PanelSummary, type PersonRow, type TokenSource } from "./api.js";
import { ChoiceField } from "./ChoiceField.js";

// A person's places: their role on each of the area's panels, and for administrators whether
// they administer the area and whether they are suspended.

type PanelRole = PanelSummary["role"];

const ROLES: { value: PanelRole; label: string }[] = [
  { value: "coordinator", label: "Coordinator" },
  { value: "chair", label: "Chair" },
  { value: "member", label: "Member (agency representative)" },
  { value: "deputy", label: "Deputy for a member" },
  { value: "presenter", label: "Presenter" },
  { value: "analyst", label: "Analyst (the panel's reports only)" },
];

const useStyles = makeStyles({
  panel: { display: "flex", gap: "8px", alignItems: "flex-end", flexWrap: "wrap", marginBottom: "12px" },
  row: { display: "flex", gap: "8px", alignItems: "center", flexWrap: "wrap" },
});

type Outcome = { intent: "success" | "error"; text: string } | null;

function Said({ outcome }: { outcome: Outcome }) {
  if (!outcome) return null;
  return (
    <MessageBar intent={outcome.intent} role={outcome.intent === "error" ? "alert" : "status"}>
      <MessageBarBody>{outcome.text}</MessageBarBody>
    </MessageBar>
  );
}

/** Runs a change, then says what happened beside it, in the service's words when it was refused. */
function useChange(onChanged: () => Promise<void>) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const change = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setOutcome(null);
    try {
      await work();
      await onChanged();
      setOutcome({ intent: "success", text: done });
    } catch (e) {
      setOutcome({ intent: "error", text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return { outcome, busy, change };
}

function PanelPlace({
  token,
  view,
  person,
  panel,
  onChanged,
}: {
  token: TokenSource;
  view: AreaPeopleResponse;
  person: PersonRow;
  panel: { id: string; name: string };
  onChanged: () => Promise<void>;
}) {
  const styles = useStyles();
  const current = person.roles.find((r) => r.panelId === panel.id);
  const [role, setRole] = useState<PanelRole | "">(current?.role ?? "");
  const [deputyFor, setDeputyFor] = useState(current?.deputyFor ?? "");
  const { outcome, busy, change } = useChange(onChanged);
  const mayChange = view.administrator || view.coordinatorOf.includes(panel.id);
  // A deputy stands in for a member of the panel from their own agency.
  const members = view.people.filter(
    (p) =>
      p.id !== person.id &&
      p.agencyId === person.agencyId &&
      p.roles.some((r) => r.panelId === panel.id && r.role === "member"),
  );
  const label = ROLES.find((r) => r.value === current?.role)?.label ?? "No role";
  if (!mayChange)
    return (
      <Body1 as="p">
        {panel.name}: {label}
      </Body1>
    );
  return (
    <div>
      <div className={styles.panel}>
        <ChoiceField
          label={`Role on ${panel.name}`}
          value={role}
          onChange={setRole}
          empty="No role"
          options={ROLES}
        />
        {role === "deputy" && (
          <ChoiceField
            label="Stands in for"
            value={deputyFor}
            onChange={setDeputyFor}
            empty="Choose the member"
            options={members.map((m) => ({ value: m.id, label: m.displayName }))}
          />
        )}
        <Button
          appearance="primary"
          aria-label={`Save role on ${panel.name}`}
          disabled={busy || !role || (role === current?.role && deputyFor === (current?.deputyFor ?? ""))}
          onClick={() =>
            void change(
              () =>
                api.setRole(token, panel.id, person.id, {
                  role,
                  ...(role === "deputy" ? { deputyFor } : {}),
                }),
              `${person.displayName} is now ${role} on ${panel.name}.`,
            )
          }
        >
          Save role
        </Button>
        {current && (
          <Button
            aria-label={`Remove ${person.displayName} from ${panel.name}`}
            disabled={busy}
            onClick={() =>
              void change(async () => {
                await api.removeRole(token, panel.id, person.id);
                setRole("");
              }, `${person.displayName} is no longer on ${panel.name}.`)
            }
          >
            Remove
          </Button>
        )}
      </div>
      <Said outcome={outcome} />
    </div>
  );
}

export function PersonPlaces({
  token,
  view,
  person,
  meId,
  onChanged,
}: {
  token: TokenSource;
  view: AreaPeopleResponse;
  person: PersonRow;
  meId: string;
  onChanged: () => Promise<void>;
}) {
  const styles = useStyles();
  const administration = useChange(onChanged);
  const { displayName, administrator, suspended } = person;
  return (
    <>
      <Subtitle2 as="h3">Panels</Subtitle2>
      {view.panels.map((p) => (
        <PanelPlace key={p.id} token={token} view={view} person={person} panel={p} onChanged={onChanged} />
      ))}
      {view.administrator && (
        <>
          <Subtitle2 as="h3">Administration</Subtitle2>
          <div className={styles.row}>
            {administrator === "configuration" ? (
              <Body1>Named as an administrator in the service&apos;s configuration.</Body1>
            ) : (
              <Button
                disabled={administration.busy}
                onClick={() =>
                  void administration.change(
                    () => api.setAdministrator(token, view.area.id, person.id, !administrator),
                    administrator
                      ? `${displayName} is no longer an administrator of ${view.area.name}.`
                      : `${displayName} is now an administrator of ${view.area.name}.`,
                  )
                }
              >
                {administrator ? "Stop being administrator" : `Make administrator of ${view.area.name}`}
              </Button>
            )}
            {person.id !== meId && (
              <Button
                disabled={administration.busy}
                onClick={() =>
                  void administration.change(
                    () =>
                      api.savePerson(token, view.area.id, person.id, {
                        displayName,
                        email: person.email,
                        agencyId: person.agencyId,
                        jobTitle: person.jobTitle,
                        approvesReferrals: person.approvesReferrals,
                        guest: person.guest,
                        suspended: !suspended,
                        ...(person.userPrincipalName ? { userPrincipalName: person.userPrincipalName } : {}),
                      }),
                    suspended
                      ? `${displayName} can use MACE panels again.`
                      : `${displayName} is suspended: they cannot use MACE panels until restored.`,
                  )
                }
              >
                {suspended ? "Restore access" : "Suspend"}
              </Button>
            )}
          </div>
          <Said outcome={administration.outcome} />
        </>
      )}
    </>
  );
}
