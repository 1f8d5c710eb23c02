import {
  Body1,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { minutesApi } from "./minutesApi.js";
import { useApi } from "./useApi.js";
import {
  ApiError,
  type AgendaResponse,
  type ItemNoteView,
  type PanelSummary,
  type TokenSource,
} from "./api.js";

// The coordinator's short note of each agenda item's discussion, in agenda order: the fixed items
// (agency updates, themes, any other business) and each case. Taken on the meeting's day, signed
// in to it; corrected after it until the minutes are agreed. Members read them once signed in.

const useStyles = makeStyles({
  item: {
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    padding: "8px 0",
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  text: { whiteSpace: "pre-wrap", margin: 0 },
  by: { color: tokens.colorNeutralForeground3 },
});

interface AgendaItem {
  key: string;
  title: string;
}

/** The items a note can be kept against, in agenda order. */
function itemsOf(agenda: AgendaResponse): AgendaItem[] {
  return agenda.entries.flatMap((e) => [
    ...(e.kind === "item" && e.id ? [{ key: `item:${e.id}`, title: e.title }] : []),
    ...[...e.slots.flatMap((s) => s.subjects), ...e.listed].map((x) => ({
      key: `case:${x.subjectId}`,
      title: `${x.reference}${x.label ? ` ${x.label}` : ""}`,
    })),
  ]);
}

export function DiscussionNotes({
  token,
  panel,
  meetingId,
  agenda,
}: {
  token: TokenSource;
  panel: PanelSummary;
  meetingId: string;
  agenda: AgendaResponse;
}) {
  const loaded = useApi(
    () => minutesApi.notes(token, panel.id, meetingId),
    // Signing in shows the names, and the notes with them.
    [token, panel.id, meetingId, agenda.namesHidden],
  );
  const [message, setMessage] = useState<{ intent: "success" | "error"; text: string } | null>(null);
  // What the coordinator wrote when a colleague's correction came first, by item: shown beside it.
  const [unsaved, setUnsaved] = useState<Record<string, string>>({});
  // The service's words about a note's own text, by item: shown under its box.
  const [problems, setProblems] = useState<Record<string, string>>({});
  const view = loaded.data;
  if (!view) return loaded.error ? <Body1 role="alert">{loaded.error}</Body1> : null;
  const items = itemsOf(agenda);
  const noteOf = (key: string) => view.notes.find((n) => n.itemKey === key);
  const writable = (key: string) =>
    view.canWrite && (view.window.open === "record" || (view.window.open === "correct" && !!noteOf(key)));
  const shown = items.filter((i) => writable(i.key) || noteOf(i.key));

  return (
    <section aria-labelledby="discussion-notes-title">
      <Subtitle2 as="h3" id="discussion-notes-title">
        Notes of the discussion
      </Subtitle2>
      {view.canWrite && view.window.why && <Body1 as="p">{view.window.why}</Body1>}
      {message && (
        <MessageBar intent={message.intent} role={message.intent === "error" ? "alert" : "status"}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {shown.length === 0 && <Body1 as="p">No notes have been taken.</Body1>}
      {shown.map((item) => (
        <NoteItem
          // A new version of the note starts the box afresh from it: a colleague's correction is
          // never saved over with the text read before it.
          key={`${item.key}|${noteOf(item.key)?.version ?? "none"}`}
          item={item}
          note={noteOf(item.key)}
          unsaved={unsaved[item.key]}
          problem={problems[item.key]}
          editable={writable(item.key)}
          correcting={view.window.open === "correct"}
          onSave={async (text) => {
            try {
              await minutesApi.saveNote(
                token,
                panel.id,
                meetingId,
                item.key,
                text,
                noteOf(item.key)?.version ?? "none",
              );
              setMessage({ intent: "success", text: `The note on ${item.title} is saved.` });
              setUnsaved(({ [item.key]: _saved, ...rest }) => rest);
              setProblems(({ [item.key]: _solved, ...rest }) => rest);
            } catch (e) {
              const beside = e instanceof ApiError ? e.fields.find((f) => f.field === "text") : undefined;
              if (beside) {
                setProblems((p) => ({ ...p, [item.key]: beside.message }));
                setMessage(null);
                return;
              }
              const changed = e instanceof ApiError && e.code === "changed-by-someone-else";
              setMessage({
                intent: "error",
                text: changed
                  ? `${(e as Error).message.replace(/ Reload to see it before saving\.$/, "")} The box now shows their note; yours was not saved and is shown under it to copy from.`
                  : (e as Error).message,
              });
              if (changed) setUnsaved((u) => ({ ...u, [item.key]: text }));
            }
            await loaded.reload();
          }}
        />
      ))}
    </section>
  );
}

function NoteItem({
  item,
  note,
  unsaved,
  problem,
  editable,
  correcting,
  onSave,
}: {
  item: AgendaItem;
  note: ItemNoteView | undefined;
  unsaved: string | undefined;
  problem: string | undefined;
  editable: boolean;
  correcting: boolean;
  onSave: (text: string) => Promise<void>;
}) {
  const styles = useStyles();
  const [text, setText] = useState(note?.text ?? "");
  const [busy, setBusy] = useState(false);
  // An item without a note keeps the list short until the coordinator takes one.
  const [open, setOpen] = useState(false);
  return (
    <div className={styles.item} role="group" aria-label={`Note on ${item.title}`}>
      <Body1 as="h4">{item.title}</Body1>
      {editable && !note && !open ? (
        <div>
          <Button size="small" onClick={() => setOpen(true)}>
            Take a note
          </Button>
        </div>
      ) : editable ? (
        <>
          <Field
            label="Note of the discussion"
            hint={
              item.key.startsWith("case:")
                ? "A few sentences for the minutes."
                : "A few sentences for the minutes, which go to every agency: cases by reference only."
            }
            validationMessage={problem}
          >
            <Textarea value={text} maxLength={2000} onChange={(_e, d) => setText(d.value)} />
          </Field>
          {unsaved !== undefined && unsaved !== note?.text && (
            <Field label="Your text, not saved">
              <p className={styles.text}>{unsaved}</p>
            </Field>
          )}
          <div>
            <Button
              disabled={busy || !text.trim() || text === note?.text}
              onClick={() => {
                setBusy(true);
                void onSave(text).finally(() => setBusy(false));
              }}
            >
              {correcting ? "Save the correction" : "Save the note"}
            </Button>
          </div>
        </>
      ) : (
        note && <p className={styles.text}>{note.text}</p>
      )}
      {note && (
        <small className={styles.by}>
          Noted by {note.recordedByName}
          {note.corrections > 0
            ? `, corrected ${note.corrections === 1 ? "once" : `${note.corrections} times`}`
            : ""}
        </small>
      )}
    </div>
  );
}
