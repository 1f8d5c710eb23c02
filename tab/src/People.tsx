import {
  Badge,
  Body1,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ResponsiveTable } from "./ResponsiveTable.js";
import { useEffect, useMemo, useRef, useState } from "react";
import { api, type AreaPeopleResponse, type ManagedArea, type PersonRow, type TokenSource } from "./api.js";
import { FindPerson, type Found } from "./FindPerson.js";
import { PeopleImport } from "./PeopleImport.js";
import { SubjectAccessRequest } from "./SubjectAccessRequest.js";
import { PersonDetailsForm } from "./PersonDetailsForm.js";
import { PersonPlaces } from "./PersonPlaces.js";
import { headerStyles } from "./styles.js";
import { useApi } from "./useApi.js";

// An area's People page, for its administrators and its panels' coordinators: everyone added to
// the area, their roles on its panels, adding someone from the directory, and importing a file.

const useStyles = makeStyles({
  ...headerStyles,
  tools: { display: "flex", gap: "12px", alignItems: "flex-end", flexWrap: "wrap", margin: "16px 0" },
  table: { marginTop: "8px" },
  roles: { margin: 0, paddingLeft: "16px" },
  heading: { margin: 0 },
  name: { overflowWrap: "anywhere" },
  editor: {
    marginTop: "24px",
    padding: "16px",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    display: "flex",
    flexDirection: "column",
    gap: "12px",
  },
});

type Editing = { personId: string; found?: Found } | null;

export function PeoplePage({
  token,
  area,
  meId,
  onBack,
}: {
  token: TokenSource;
  area: ManagedArea;
  meId: string;
  onBack: () => void;
}) {
  const styles = useStyles();
  const view = useApi(() => api.areaPeople(token, area.id), [token, area.id]);
  const [filter, setFilter] = useState("");
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const editorHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => editorHeading.current?.focus(), [editing?.personId]);

  const data = view.data;
  const shown = useMemo(
    () =>
      (data?.people ?? []).filter((p) => p.displayName.toLowerCase().includes(filter.trim().toLowerCase())),
    [data, filter],
  );
  const open = (personId: string, found?: Found) => {
    setSaved(null);
    setEditing(found ? { personId, found } : { personId });
  };
  const person = data?.people.find((p) => p.id === editing?.personId);

  return (
    <>
      <header className={styles.header}>
        <div className={styles.titleBlock}>
          <Title2 as="h1">{area.name}: people</Title2>
          <Body1 as="p" className={styles.muted}>
            Who is on {area.name}&apos;s panels, with which role. Changes take effect on the person&apos;s
            next request, and each is recorded in the audit log.
          </Body1>
        </div>
        <Button onClick={onBack}>Back to your panels</Button>
      </header>
      {view.loading && <Spinner label="Loading people…" />}
      {view.error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{view.error}</MessageBarBody>
        </MessageBar>
      )}
      {data && (
        <>
          <div className={styles.tools}>
            <Field label="Filter by name">
              <Input value={filter} onChange={(_e, d) => setFilter(d.value)} />
            </Field>
            <Button appearance="primary" aria-expanded={adding} onClick={() => setAdding(!adding)}>
              Add someone
            </Button>
          </div>
          {adding && (
            <FindPerson
              token={token}
              areaId={area.id}
              known={new Set(data.people.map((p) => p.id))}
              onChosen={(found) => {
                setAdding(false);
                open(found.id, found);
              }}
            />
          )}
          <PeopleTable view={data} people={shown} onChange={(p) => open(p.id)} />
          {editing && (
            <section className={styles.editor} aria-labelledby="editing-title">
              <h2 id="editing-title" ref={editorHeading} tabIndex={-1} className={styles.heading}>
                <Subtitle2>
                  {person?.displayName ?? editing.found?.displayName}
                  {(person?.guest ?? editing.found?.guest) && " (guest from a partner agency)"}
                </Subtitle2>
              </h2>
              {saved && (
                <MessageBar intent="success" role="status">
                  <MessageBarBody>{saved}</MessageBarBody>
                </MessageBar>
              )}
              <PersonDetailsForm
                key={person ? `${person.id}:saved` : editing.personId}
                token={token}
                view={data}
                person={person}
                found={editing.found}
                onSaved={async (message) => {
                  await view.reload();
                  setSaved(message);
                }}
              />
              {person && (
                <PersonPlaces
                  key={person.id}
                  token={token}
                  view={data}
                  person={person}
                  meId={meId}
                  onChanged={view.reload}
                />
              )}
              <Button onClick={() => setEditing(null)}>Close</Button>
            </section>
          )}
          <PeopleImport token={token} area={area} onImported={view.reload} />
          {area.administrator && <SubjectAccessRequest token={token} areaId={area.id} areaName={area.name} />}
        </>
      )}
    </>
  );
}

function PeopleTable({
  view,
  people,
  onChange,
}: {
  view: AreaPeopleResponse;
  people: PersonRow[];
  onChange: (person: PersonRow) => void;
}) {
  const styles = useStyles();
  const panelName = (id: string) => view.panels.find((p) => p.id === id)?.name ?? id;
  const nameOf = (id: string | null) => view.people.find((p) => p.id === id)?.displayName ?? "a member";
  return (
    <ResponsiveTable className={styles.table} aria-label={`${view.area.name} people`}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Name</TableHeaderCell>
          <TableHeaderCell>Agency</TableHeaderCell>
          <TableHeaderCell>Job title</TableHeaderCell>
          <TableHeaderCell>Panel roles</TableHeaderCell>
          <TableHeaderCell>Administrator</TableHeaderCell>
          <TableHeaderCell>Approves referrals</TableHeaderCell>
          <TableHeaderCell>Access</TableHeaderCell>
          <TableHeaderCell>Change</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {people.map((p) => (
          <TableRow key={p.id} data-person-id={p.id}>
            <TableCell className={styles.name}>
              <b>{p.displayName}</b> {p.guest && <Badge appearance="outline">Guest</Badge>}
              <br />
              {p.email}
            </TableCell>
            <TableCell>{p.agency}</TableCell>
            <TableCell>{p.jobTitle}</TableCell>
            <TableCell>
              {p.roles.length ? (
                <ul className={styles.roles}>
                  {p.roles.map((r) => (
                    <li key={r.panelId}>
                      {panelName(r.panelId)}: {r.role}
                      {r.role === "deputy" ? ` for ${nameOf(r.deputyFor)}` : ""}
                    </li>
                  ))}
                </ul>
              ) : (
                "None"
              )}
            </TableCell>
            <TableCell>
              {p.administrator === "configuration" ? "Yes (configuration)" : p.administrator ? "Yes" : "No"}
            </TableCell>
            <TableCell>{p.approvesReferrals ? "Yes" : "No"}</TableCell>
            <TableCell>{p.suspended ? <Badge color="danger">Suspended</Badge> : "Active"}</TableCell>
            <TableCell>
              <Button aria-label={`Change ${p.displayName}`} onClick={() => onChange(p)}>
                Change
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </ResponsiveTable>
  );
}
