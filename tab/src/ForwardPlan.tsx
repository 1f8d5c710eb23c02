import {
  Body1,
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { FieldProblem, RegisterResponse } from "./api.js";
import { ApiError } from "./api.js";

// The forward plan (001's strategic agenda, item 8): the topics and reports planned for each
// coming strategic meeting. Members see it; the coordinator adds and removes topics, meeting by
// meeting, each saved on the version shown.

const useStyles = makeStyles({
  meeting: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    padding: "12px 0",
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  row: { display: "flex", gap: "12px", flexWrap: "wrap", alignItems: "flex-end" },
});

type Plan = RegisterResponse["forwardPlan"][number];
type Topic = Plan["topics"][number];

export function ForwardPlan({
  page,
  onSave,
}: {
  page: RegisterResponse;
  onSave: (plan: Plan, topics: Topic[]) => Promise<void>;
}) {
  return (
    <>
      {page.forwardPlan.map((plan) => (
        <MeetingPlan key={plan.meetingId} plan={plan} editable={page.plans} onSave={onSave} />
      ))}
    </>
  );
}

function MeetingPlan({
  plan,
  editable,
  onSave,
}: {
  plan: Plan;
  editable: boolean;
  onSave: (plan: Plan, topics: Topic[]) => Promise<void>;
}) {
  const styles = useStyles();
  const [title, setTitle] = useState("");
  const [lead, setLead] = useState("");
  const [report, setReport] = useState(false);
  const [problem, setProblem] = useState<{ message: string; fields: FieldProblem[] } | null>(null);
  // The topic being added is the last of those sent: the service names its fields by that place.
  const fieldProblem = (field: "title" | "lead") =>
    problem?.fields.find((f) => f.field === `topics.${plan.topics.length}.${field}`)?.message;
  const save = async (topics: Topic[]) => {
    setProblem(null);
    try {
      await onSave(plan, topics);
      setTitle("");
      setLead("");
      setReport(false);
    } catch (e) {
      setProblem({ message: (e as Error).message, fields: e instanceof ApiError ? e.fields : [] });
    }
  };

  return (
    <section
      className={styles.meeting}
      aria-label={`Plan for ${plan.description}`}
      data-plan={plan.meetingId}
    >
      <Body1 as="h3">
        <b>{plan.description}</b>
      </Body1>
      {plan.topics.length ? (
        <ul>
          {plan.topics.map((t) => (
            <li key={t.id}>
              {t.title}
              {t.lead ? `, led by ${t.lead}` : ""}
              {t.reportRequested ? " (report requested)" : ""}{" "}
              {editable && (
                <Button
                  size="small"
                  aria-label={`Remove ${t.title}`}
                  onClick={() => void save(plan.topics.filter((x) => x.id !== t.id))}
                >
                  Remove
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <Body1>Nothing planned yet.</Body1>
      )}
      {editable && (
        <form
          aria-label={`Add a topic to ${plan.description}`}
          onSubmit={(e) => {
            e.preventDefault();
            void save([...plan.topics, { id: crypto.randomUUID(), title, lead, reportRequested: report }]);
          }}
        >
          <div className={styles.row}>
            <Field label="Topic" required validationMessage={fieldProblem("title")}>
              <Input value={title} maxLength={200} onChange={(_e, d) => setTitle(d.value)} />
            </Field>
            <Field label="Lead" validationMessage={fieldProblem("lead")}>
              <Input value={lead} maxLength={120} onChange={(_e, d) => setLead(d.value)} />
            </Field>
            <Checkbox
              label="Report requested"
              checked={report}
              onChange={(_e, d) => setReport(Boolean(d.checked))}
            />
            <Button type="submit">Add the topic</Button>
          </div>
        </form>
      )}
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem.message}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
