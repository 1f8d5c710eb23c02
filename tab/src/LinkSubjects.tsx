import {
  Body1,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useId, useState } from "react";
import { ChoiceField } from "./ChoiceField.js";
import { useOpenSubject } from "./subjectLinks.js";
import { useApi } from "./useApi.js";
import {
  api,
  type LinkKind,
  type LinkKindChoice,
  type MapNode,
  type NewSubjectRequest,
  type SubjectSummary,
  type TokenSource,
} from "./api.js";

// A coordinator links a case to other subjects of the area: its links now, each of which can be
// ended with a reason; a search of the subjects already known; or a new person, place or group
// recorded from what the form named, and linked in the same step.

type SubjectKind = NewSubjectRequest["kind"];
export interface NamedSubject {
  kind: SubjectKind;
  label: string;
  dateOfBirth?: string;
}

const KIND_LABELS: Record<SubjectKind, string> = {
  individual: "child or young adult",
  "person-of-concern": "person of concern",
  "location-of-concern": "location of concern",
  group: "group",
};
const KIND_CHOICES: { value: SubjectKind; label: string }[] = [
  { value: "person-of-concern", label: "Person of concern" },
  { value: "location-of-concern", label: "Location of concern" },
  { value: "group", label: "Group" },
  { value: "individual", label: "Child or young adult" },
];

// The link a subject of each kind is most often given, tried in order until one fits both ends.
const SUGGESTED: Record<SubjectKind, LinkKind[]> = {
  individual: ["associates-with", "member-of-group", "frequents"],
  "person-of-concern": ["exploited-by", "associates-with", "frequents"],
  "location-of-concern": ["frequents", "lives-at"],
  group: ["member-of-group", "exploited-by", "frequents"],
};
const endOf = (kind: SubjectKind) =>
  kind === "location-of-concern" ? "location" : kind === "group" ? "group" : "person";
const fits = (c: LinkKindChoice, from: SubjectKind, to: SubjectKind) =>
  c.from.includes(endOf(from)) && c.to.includes(endOf(to));

/** The link's kind and which way it reads: the case first, unless the kind reads the other way. */
function linkBetween(
  choices: LinkKindChoice[],
  chosen: LinkKind | "",
  caseKind: SubjectKind,
  other: SubjectKind,
) {
  const candidates = chosen ? [chosen] : [...SUGGESTED[other], "other" as const];
  const either = (c: LinkKindChoice) => fits(c, caseKind, other) || fits(c, other, caseKind);
  const choice =
    candidates.map((k) => choices.find((c) => c.kind === k)).find((c) => c && either(c)) ??
    choices.find((c) => c.kind === candidates[0]);
  const reversed = !!choice && !fits(choice, caseKind, other) && fits(choice, other, caseKind);
  return { kind: choice?.kind ?? "other", reversed };
}

const useStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: "12px",
    padding: "12px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  row: { display: "flex", gap: "12px", flexWrap: "wrap", alignItems: "flex-end" },
  list: { margin: 0, paddingLeft: "20px", display: "flex", flexDirection: "column", gap: "6px" },
  entry: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "center" },
});

const described = (n: Pick<MapNode, "reference" | "label" | "kind">) =>
  `${n.reference}${n.label ? ` ${n.label}` : ""} (${KIND_LABELS[n.kind]})`;

export function LinkSubjects({
  token,
  areaId,
  panelId,
  subject,
  drawnAt,
  named,
  headingLevel,
}: {
  token: TokenSource;
  areaId: string;
  panelId: string;
  subject: { subjectId: string; reference: string };
  /** Where the links are drawn: at this meeting, or at this referral. */
  drawnAt: { meetingId: string } | { referralId: string };
  named: NamedSubject[];
  headingLevel: "h3" | "h4";
}) {
  const styles = useStyles();
  const headingId = useId();
  const openSubject = useOpenSubject();
  const around = useApi(
    () => api.subjectMap(token, areaId, subject.subjectId, { depth: 1 }),
    [token, areaId, subject.subjectId],
  );
  const [message, setMessage] = useState<{ intent: "success" | "error"; text: string } | null>(null);
  const [kind, setKind] = useState<LinkKind | "">("");
  const [note, setNote] = useState("");
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<SubjectSummary[] | null>(null);
  const [draft, setDraft] = useState<NamedSubject & { postcode: string }>({
    kind: "person-of-concern",
    label: "",
    postcode: "",
  });
  const [ending, setEnding] = useState<{ linkId: string; reason: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const map = around.data;
  const centre = map?.nodes.find((n) => n.id === subject.subjectId);
  const nodes = new Map((map?.nodes ?? []).map((n) => [n.id, n]));
  const current = (map?.edges ?? []).filter((e) => !e.endedAt);

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      setMessage({ intent: "success", text: await work() });
      await around.reload();
    } catch (e) {
      setMessage({ intent: "error", text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };
  const linkTo = async (other: { id: string; reference: string; kind: SubjectKind }) => {
    if (!map || !centre) throw new Error("The case's links are still loading. Try again in a moment.");
    const { kind: linkKind, reversed } = linkBetween(map.linkKinds, kind, centre.kind, other.kind);
    const { link } = await api.addLink(token, areaId, {
      kind: linkKind,
      from: reversed ? other.id : subject.subjectId,
      to: reversed ? subject.subjectId : other.id,
      note,
      panelId,
      meetingId: "meetingId" in drawnAt ? drawnAt.meetingId : null,
      referralId: "referralId" in drawnAt ? drawnAt.referralId : null,
    });
    setNote("");
    return `Linked: ${link.fromReference} ${link.label} ${link.toReference}.`;
  };
  const search = (text: string) =>
    act(async () => {
      const { subjects } = await api.findSubjects(token, areaId, text);
      const others = subjects.filter((s) => s.id !== subject.subjectId);
      setFound(others);
      return others.length
        ? `${others.length} found.`
        : "No subject of the area matches. Record a new one below.";
    });

  const Heading = headingLevel;
  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <Subtitle2 as={Heading} id={headingId}>
        Links of {centre?.reference ?? subject.reference}
      </Subtitle2>
      {(message ?? around.error) && (
        <MessageBar
          intent={message?.intent ?? "error"}
          role={(message?.intent ?? "error") === "error" ? "alert" : "status"}
        >
          <MessageBarBody>{message?.text ?? around.error}</MessageBarBody>
        </MessageBar>
      )}

      <ul className={styles.list} aria-label={`Links of ${subject.reference} now`}>
        {current.length === 0 && <li>No links yet.</li>}
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
                    void act(async () => {
                      await api.endLink(token, areaId, e.id, { reason: ending.reason });
                      setEnding(null);
                      return `The link to ${other?.reference ?? "the subject"} is ended. It stays in both histories.`;
                    });
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
      {openSubject && (
        <div>
          <Button
            onClick={() => openSubject({ areaId, subjectId: subject.subjectId, view: "map" })}
            aria-label={`Open the map of ${subject.reference}`}
          >
            Open the map
          </Button>
        </div>
      )}

      <div className={styles.row}>
        <ChoiceField
          label="Kind of link"
          value={kind}
          onChange={setKind}
          empty="As suits the subject"
          options={(map?.linkKinds ?? []).map((c) => ({ value: c.kind, label: c.label }))}
        />
        <Field label="Why (one line, optional)">
          <Input value={note} onChange={(_e, d) => setNote(d.value)} />
        </Field>
      </div>

      {named.length > 0 && (
        <div className={styles.entry} role="group" aria-label="Named on the form">
          <Body1>Named on the form:</Body1>
          {named.map((n) => (
            <Button
              key={`${n.kind}-${n.label}`}
              size="small"
              onClick={() => {
                setDraft({ ...n, postcode: "" });
                setQuery(n.label);
                void search(n.label);
              }}
            >
              {`Find or record ${n.label}`}
            </Button>
          ))}
        </div>
      )}

      <form
        className={styles.row}
        aria-label="Find a subject to link"
        onSubmit={(e) => {
          e.preventDefault();
          void search(query);
        }}
      >
        <Field label="Find a subject (reference, name or postcode)">
          <Input value={query} onChange={(_e, d) => setQuery(d.value)} />
        </Field>
        <Button type="submit" disabled={busy || query.trim().length < 2}>
          Search
        </Button>
      </form>
      {found && found.length > 0 && (
        <ul className={styles.list} aria-label="Subjects found">
          {found.map((s) => (
            <li key={s.id} className={styles.entry}>
              <Body1>{described(s)}</Body1>
              <Button
                size="small"
                disabled={busy}
                onClick={() => void act(() => linkTo(s))}
                aria-label={`Link ${subject.reference} to ${s.reference}`}
              >
                Link
              </Button>
            </li>
          ))}
        </ul>
      )}

      <form
        className={styles.row}
        aria-label="Record a new subject and link it"
        onSubmit={(e) => {
          e.preventDefault();
          void act(async () => {
            const { subject: made } = await api.recordSubject(token, areaId, {
              kind: draft.kind,
              label: draft.label,
              postcode: draft.postcode || null,
              dateOfBirth: draft.dateOfBirth || null,
            });
            setDraft({ kind: draft.kind, label: "", postcode: "" });
            setFound(null);
            return `${made.reference} is recorded. ${await linkTo(made)}`;
          });
        }}
      >
        <ChoiceField
          label="New subject"
          value={draft.kind}
          onChange={(k) => setDraft({ ...draft, kind: k })}
          options={KIND_CHOICES}
        />
        <Field
          label={
            draft.kind === "location-of-concern" ? "First line of the address, or the place's name" : "Name"
          }
          required
        >
          <Input value={draft.label} onChange={(_e, d) => setDraft({ ...draft, label: d.value })} />
        </Field>
        {draft.kind !== "group" && (
          <Field label="Postcode">
            <Input value={draft.postcode} onChange={(_e, d) => setDraft({ ...draft, postcode: d.value })} />
          </Field>
        )}
        {endOf(draft.kind) === "person" && (
          <Field label="Date of birth">
            <Input
              type="date"
              value={draft.dateOfBirth ?? ""}
              onChange={(_e, d) => setDraft({ ...draft, dateOfBirth: d.value })}
            />
          </Field>
        )}
        <Button type="submit" disabled={busy || draft.label.trim().length < 2}>
          Record and link
        </Button>
      </form>
    </section>
  );
}
