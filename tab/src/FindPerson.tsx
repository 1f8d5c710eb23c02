import {
  Badge,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
} from "@fluentui/react-components";
import { people } from "@microsoft/teams-js";
import { useState, type FormEvent } from "react";
import { api, type DirectoryResponse, type TokenSource } from "./api.js";
import { hostedInTeams } from "./teams.js";

// Finding someone to add: Teams' own people picker where the host has one, otherwise a search of
// the organisation's directory through the service, partner agencies' guests marked as such.

export type Found = DirectoryResponse["people"][number];

const useStyles = makeStyles({
  search: { display: "flex", gap: "8px", alignItems: "flex-end", flexWrap: "wrap" },
  results: { listStyle: "none", padding: 0, display: "flex", flexDirection: "column", gap: "6px" },
  result: { display: "flex", gap: "8px", alignItems: "center", flexWrap: "wrap" },
});

/** Whether Teams can show its people picker here (it needs the SDK started, as it is in Teams). */
function teamsPicker(): boolean {
  try {
    return hostedInTeams() && people.isSupported();
  } catch {
    return false;
  }
}

export function FindPerson({
  token,
  areaId,
  known,
  onChosen,
}: {
  token: TokenSource;
  areaId: string;
  /** Ids of people already in the area: chosen again, they open for changing. */
  known: Set<string>;
  onChosen: (person: Found) => void;
}) {
  const styles = useStyles();
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<Found[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const search = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      setFound((await api.searchDirectory(token, areaId, query)).people);
    } catch (err) {
      setProblem((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const pick = async () => {
    setProblem(null);
    try {
      const [chosen] = await people.selectPeople({
        singleSelect: true,
        openOrgWideSearchInChatOrChannel: true,
      });
      if (chosen)
        onChosen({
          id: chosen.objectId,
          displayName: chosen.displayName ?? "",
          email: chosen.email ?? "",
          userPrincipalName: chosen.email ?? "",
          jobTitle: null,
          guest: false,
        });
    } catch (err) {
      setProblem(`Teams could not open its people picker (${(err as Error).message}).`);
    }
  };

  return (
    <section aria-label="Find someone to add">
      {teamsPicker() ? (
        <Button appearance="primary" onClick={() => void pick()}>
          Choose from your organisation
        </Button>
      ) : (
        <form className={styles.search} onSubmit={(e) => void search(e)} role="search">
          <Field label="Name or email address" hint="Partner agencies' staff appear as guests.">
            <Input value={query} onChange={(_e, d) => setQuery(d.value)} />
          </Field>
          <Button type="submit" appearance="primary" disabled={busy || query.trim().length < 2}>
            Search the directory
          </Button>
        </form>
      )}
      {busy && <Spinner size="tiny" label="Searching…" />}
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {found && (
        <ul className={styles.results} aria-label="People found">
          {found.length === 0 && <li>Nobody in the directory matches. Check the spelling.</li>}
          {found.map((p) => (
            <li key={p.id} className={styles.result}>
              <Button
                onClick={() => onChosen(p)}
                aria-label={`${known.has(p.id) ? "Open" : "Choose"} ${p.displayName}`}
              >
                {known.has(p.id) ? "Open" : "Choose"}
              </Button>
              <span>
                <b>{p.displayName}</b> {p.email}
                {p.jobTitle ? `, ${p.jobTitle}` : ""}
              </span>
              {p.guest && <Badge appearance="outline">Guest from a partner agency</Badge>}
              {known.has(p.id) && <Badge appearance="tint">Already added</Badge>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
