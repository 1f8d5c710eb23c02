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
import { DateField } from "./DateField.js";
import { useId, useState } from "react";
import { ChoiceField } from "./ChoiceField.js";
import { CurrentLinks } from "./CurrentLinks.js";
import {
  described,
  endOf,
  KIND_CHOICES,
  linkBetween,
  type NamedSubject,
  type SubjectKind,
} from "./linkChoices.js";
import { useOpenSubject } from "./subjectLinks.js";
import { useApi } from "./useApi.js";
import { api, type LinkKind, type SubjectSummary, type TokenSource } from "./api.js";

// A coordinator links a case to other subjects of the area: its links now, each of which can be
// ended with a reason; a search of the subjects already known; or a new person, place or group
// recorded from what the form named, and linked in the same step.

export type { NamedSubject } from "./linkChoices.js";

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
  const [busy, setBusy] = useState(false);

  const map = around.data;
  const centre = map?.nodes.find((n) => n.id === subject.subjectId);

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      setMessage({ intent: "success", text: await work() });
      await around.reload();
      return true;
    } catch (e) {
      setMessage({ intent: "error", text: (e as Error).message });
      return false;
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

      <CurrentLinks
        map={map}
        subject={subject}
        busy={busy}
        onEnd={(linkId, reason, otherReference) =>
          act(async () => {
            await api.endLink(token, areaId, linkId, { reason });
            return `The link to ${otherReference} is ended. It stays in both histories.`;
          })
        }
      />
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
          <DateField
            label="Date of birth"
            value={draft.dateOfBirth ?? ""}
            onChange={(day) => setDraft({ ...draft, dateOfBirth: day })}
          />
        )}
        <Button type="submit" disabled={busy || draft.label.trim().length < 2}>
          Record and link
        </Button>
      </form>
    </section>
  );
}
