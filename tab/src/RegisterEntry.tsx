import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  CardHeader,
  Field,
  MessageBar,
  MessageBarBody,
  Textarea,
  makeStyles,
} from "@fluentui/react-components";
import { useState } from "react";
import { ChoiceField } from "./ChoiceField.js";
import { NO_NAMES_HINT } from "./RaiseRegisterItem.js";
import { RegisterActions, type NewRegisterAction } from "./RegisterActions.js";
import type { FieldProblem, RegisterItemView, RegisterResponse } from "./api.js";
import { ApiError } from "./api.js";

// One entry of a strategic panel's register: what it is, who owns it, where it came from and each
// meeting's review of it; for its leads and owner, recording this meeting's review and closing it
// with its outcome; for its leads, passing it to another owner. Each acts on the version shown.

const useStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: "8px" },
  row: { display: "flex", gap: "12px", flexWrap: "wrap", alignItems: "flex-end" },
  reviews: { margin: 0, paddingLeft: "20px" },
});

const day = (iso: string) =>
  new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });

export interface EntryChanges {
  review: (item: RegisterItemView, meetingId: string, note: string) => Promise<void>;
  close: (item: RegisterItemView, outcome: string) => Promise<void>;
  changeOwner: (item: RegisterItemView, ownerId: string) => Promise<void>;
  recordAction: (item: RegisterItemView, action: NewRegisterAction) => Promise<void>;
}

export function RegisterEntry({
  item,
  page,
  meId,
  changes,
}: {
  item: RegisterItemView;
  page: RegisterResponse;
  meId: string;
  changes: EntryChanges;
}) {
  const styles = useStyles();
  // Reviewed at the meetings held since it was raised (UK days, as the service counts them).
  const raisedOn = new Date(item.raised.at).toLocaleDateString("en-CA", { timeZone: "Europe/London" });
  const meetings = page.reviewMeetings.filter((m) => m.id >= raisedOn);
  const [meetingId, setMeetingId] = useState(meetings[0]?.id ?? "");
  const [note, setNote] = useState("");
  const [outcome, setOutcome] = useState("");
  const [ownerId, setOwnerId] = useState(item.ownerId);
  const [problem, setProblem] = useState<{ message: string; fields: FieldProblem[] } | null>(null);
  /** The service's words about one of the entry's fields, shown beside it. */
  const fieldProblem = (...fields: string[]) =>
    problem?.fields.find((f) => fields.some((name) => name === f.field))?.message;
  const mayReview = item.status === "open" && (page.leads || item.ownerId === meId);
  /** Makes the change; its refusal is shown under the entry, and the answer says whether it was made. */
  const run = (change: () => Promise<void>) => async (): Promise<boolean> => {
    setProblem(null);
    try {
      await change();
      return true;
    } catch (e) {
      setProblem({ message: (e as Error).message, fields: e instanceof ApiError ? e.fields : [] });
      return false;
    }
  };

  return (
    <Card
      className={styles.card}
      data-register-item={item.reference}
      aria-label={`${item.reference} ${item.title}`}
    >
      <CardHeader
        header={
          <Body1 as="h3">
            <b>
              {item.reference}: {item.title}
            </b>{" "}
            <Badge appearance="tint">{item.kindLabel}</Badge>
          </Body1>
        }
        description={
          <Caption1>
            Owner {item.ownerName}. {item.raisedFromText}.
          </Caption1>
        }
      />
      <Body1>{item.description}</Body1>
      {item.reviews.length > 0 && (
        <ul className={styles.reviews} aria-label={`Reviews of ${item.reference}`}>
          {item.reviews.map((r) => (
            <li key={r.meetingId}>
              Meeting of {day(r.meetingId)}: {r.note} ({r.byName})
            </li>
          ))}
        </ul>
      )}
      {item.outcome && (
        <Body1>
          Closed on {day(item.outcome.at)} by {item.outcome.byName}: {item.outcome.text}
        </Body1>
      )}
      <RegisterActions
        item={item}
        meetings={meetings}
        owners={page.owners}
        recording={page.role === "coordinator"}
        onRecord={(action) => run(() => changes.recordAction(item, action))()}
      />
      {mayReview && meetings.length > 0 && (
        <form
          aria-label={`Review of ${item.reference}`}
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              await changes.review(item, meetingId, note);
              setNote("");
            })();
          }}
        >
          <div className={styles.row}>
            <ChoiceField
              label="Reviewed at"
              required
              value={meetingId}
              onChange={setMeetingId}
              options={meetings.map((m) => ({ value: m.id, label: m.description }))}
            />
            <Field
              label="What the meeting found"
              required
              hint={NO_NAMES_HINT}
              validationMessage={fieldProblem("note")}
            >
              <Textarea value={note} maxLength={2000} onChange={(_e, d) => setNote(d.value)} />
            </Field>
            <Button type="submit">Record the review</Button>
          </div>
        </form>
      )}
      {mayReview && (
        <form
          aria-label={`Close ${item.reference}`}
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => changes.close(item, outcome))();
          }}
        >
          <div className={styles.row}>
            <Field
              label="Outcome"
              hint="What was done, and what came of it."
              validationMessage={fieldProblem("outcome", "outcome.text")}
            >
              <Textarea value={outcome} maxLength={2000} onChange={(_e, d) => setOutcome(d.value)} />
            </Field>
            <Button type="submit">Close with this outcome</Button>
          </div>
        </form>
      )}
      {page.leads && item.status === "open" && (
        <div className={styles.row}>
          <ChoiceField
            label={`Owner of ${item.reference}`}
            value={ownerId}
            onChange={setOwnerId}
            options={page.owners.map((o) => ({ value: o.id, label: o.name }))}
          />
          <Button
            disabled={ownerId === item.ownerId}
            onClick={() => void run(() => changes.changeOwner(item, ownerId))()}
          >
            Pass to this owner
          </Button>
        </div>
      )}
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem.message}</MessageBarBody>
        </MessageBar>
      )}
    </Card>
  );
}
