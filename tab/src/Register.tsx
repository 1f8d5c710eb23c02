import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Title2,
  Title3,
  makeStyles,
} from "@fluentui/react-components";
import { useState } from "react";
import { ForwardPlan } from "./ForwardPlan.js";
import { RaiseRegisterItem } from "./RaiseRegisterItem.js";
import { RegisterEntry, type EntryChanges } from "./RegisterEntry.js";
import type { PanelViewProps, RegisterItemView, RegisterResponse } from "./api.js";
import { api } from "./api.js";
import { registerApi } from "./registerApi.js";
import { headerStyles } from "./styles.js";
import { useApi } from "./useApi.js";

// A strategic panel's register of themes, trends and blockages (000 §6; 001; 004) and its forward
// plan: the open entries with their reviews, raising a new one, the closed ones with their
// outcomes, and the topics planned for each coming meeting.

const useStyles = makeStyles({
  ...headerStyles,
  section: { marginTop: "16px", display: "flex", flexDirection: "column", gap: "12px" },
});

type View = "open" | "closed" | "plan";

export function RegisterPage({ token, meId, panel, onBack }: PanelViewProps) {
  const styles = useStyles();
  const [view, setView] = useState<View>("open");
  const loaded = useApi(() => registerApi.register(token, panel.id), [token, panel.id]);
  const [told, setTold] = useState<string | null>(null);
  const [more, setMore] = useState<{ items: RegisterItemView[]; next: string | null } | null>(null);
  const [moreProblem, setMoreProblem] = useState<string | null>(null);
  const page: RegisterResponse | undefined = loaded.data;

  const changed = async (text: string) => {
    setTold(text);
    setMore(null);
    await loaded.reload();
  };
  const changes: EntryChanges = {
    review: async (item, meetingId, note) => {
      await registerApi.reviewRegisterItem(token, panel.id, item.id, { meetingId, note }, item.version);
      await changed(`The review of ${item.reference} is recorded.`);
    },
    close: async (item, outcome) => {
      await registerApi.closeRegisterItem(token, panel.id, item.id, outcome, item.version);
      await changed(`${item.reference} is closed with its outcome.`);
    },
    changeOwner: async (item, ownerId) => {
      const { item: saved } = await registerApi.changeRegisterOwner(
        token,
        panel.id,
        item.id,
        ownerId,
        item.version,
      );
      await changed(`${item.reference} is now owned by ${saved.ownerName}.`);
    },
    recordAction: async (item, { meetingId, ...action }) => {
      const { action: saved } = await api.recordAction(token, panel.id, meetingId, {
        ...action,
        subjectId: null,
        registerItemId: item.id,
      });
      await changed(
        `Action ${saved.reference} on ${item.reference} is recorded, owned by ${saved.ownerName}.`,
      );
    },
  };
  const showMore = async (after: string) => {
    setMoreProblem(null);
    try {
      const later = await registerApi.register(token, panel.id, after);
      setMore({ items: [...(more?.items ?? []), ...later.closed], next: later.closedNext });
    } catch (e) {
      setMoreProblem((e as Error).message);
    }
  };
  const closed = [...(page?.closed ?? []), ...(more?.items ?? [])];
  const closedNext = more ? more.next : (page?.closedNext ?? null);

  return (
    <>
      <header className={styles.header}>
        <div className={styles.titleBlock}>
          <Title2 as="h1">{panel.name}: register and forward plan</Title2>
          <Body1 as="p" className={styles.muted}>
            The themes, trends and blockages the panel holds, each owned and reviewed at every meeting until
            it closes with its outcome; and the topics planned for the coming meetings.
          </Body1>
        </div>
        <Button onClick={onBack}>Back to your panels</Button>
      </header>
      <TabList selectedValue={view} onTabSelect={(_e, d) => setView(d.value as View)} aria-label="Register">
        <Tab value="open">Open entries</Tab>
        <Tab value="closed">Closed entries</Tab>
        <Tab value="plan">Forward plan</Tab>
      </TabList>
      {told && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{told}</MessageBarBody>
        </MessageBar>
      )}
      {loaded.loading && <Spinner label="Loading the register…" />}
      {loaded.error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{loaded.error}</MessageBarBody>
        </MessageBar>
      )}
      {page && view === "open" && (
        <section className={styles.section} aria-label="Open entries">
          {page.open.length === 0 && <Body1>No open entries.</Body1>}
          {page.open.map((item) => (
            <RegisterEntry key={item.id} item={item} page={page} meId={meId} changes={changes} />
          ))}
          <Title3 as="h2">Raise an entry</Title3>
          <RaiseRegisterItem
            label="Raise an entry"
            owners={page.owners}
            onRaise={async (form) => (await registerApi.raiseRegisterItem(token, panel.id, form)).item}
            onRaised={(item) =>
              void changed(`${item.reference} is raised on the register, owned by ${item.ownerName}.`)
            }
          />
        </section>
      )}
      {page && view === "closed" && (
        <section className={styles.section} aria-label="Closed entries">
          {closed.length === 0 && <Body1>No closed entries.</Body1>}
          {closed.map((item) => (
            <RegisterEntry key={item.id} item={item} page={page} meId={meId} changes={changes} />
          ))}
          {closedNext && (
            <Button appearance="secondary" onClick={() => void showMore(closedNext)}>
              Show more closed entries
            </Button>
          )}
          {moreProblem && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{moreProblem}</MessageBarBody>
            </MessageBar>
          )}
        </section>
      )}
      {page && view === "plan" && (
        <section className={styles.section} aria-label="Forward plan">
          <ForwardPlan
            page={page}
            onSave={async (plan, topics) => {
              await registerApi.planMeeting(token, panel.id, plan.meetingId, { topics }, plan.version);
              await changed(`The plan for ${plan.description} is saved.`);
            }}
          />
        </section>
      )}
    </>
  );
}
