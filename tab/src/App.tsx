import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  CardFooter,
  CardHeader,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Title2,
  makeStyles,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
} from "@fluentui/react-components";
import { headerStyles } from "./styles.js";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  api,
  ApiError,
  type DemoPerson,
  type ManagedArea,
  type MeResponse,
  type PanelSummary,
  type TokenSource,
} from "./api.js";
import { ReferralsPage } from "./Referrals.js";
import { downloadCalendar, MeetingsPage } from "./Meetings.js";
import { ActionsPage } from "./Actions.js";
import { PeoplePage } from "./People.js";
import { configureChannelTab, hostedInTeams, initialiseTeams, teamsTokens, type ThemeName } from "./teams.js";
import { DemoSignIn, demoTokens } from "./DemoSignIn.js";
import { ConsentPage, useConsentPrompt } from "./Consent.js";
import { useApi } from "./useApi.js";
import { AccessRequests } from "./AccessRequests.js";
import { AskForAccess } from "./AskForAccess.js";

const THEMES = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme };
// The demo person chosen in development sign-in, kept for the browser tab's life.
const PERSON_KEY = "mace-dev-person";

const useStyles = makeStyles({
  page: {
    padding: "24px",
    maxWidth: "1100px",
    margin: "0 auto",
    minHeight: "100vh",
    boxSizing: "border-box",
  },
  ...headerStyles,
  area: { marginTop: "24px" },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(300px, 1fr))",
    gap: "16px",
    marginTop: "8px",
  },
  links: { display: "flex", gap: "8px", flexWrap: "wrap", marginTop: "8px" },
  meetings: { margin: "0", paddingLeft: "20px", display: "flex", flexDirection: "column", gap: "4px" },
});

type Session =
  | { state: "choose-demo-person"; people: DemoPerson[] }
  | { state: "signed-in"; tokens: TokenSource; me: MeResponse; panels: PanelSummary[] };

export function App() {
  const page = window.location.pathname.replace(/\/+$/, "").split("/").pop();
  if (page === "configure") return <ConfigureChannelTab />;
  if (page === "privacy" || page === "terms") return <PolicyPage kind={page} />;
  if (page === "consent" || page === "consent-done") return <ConsentPage step={page} />;
  return <PanelsApp />;
}

function PanelsApp() {
  const styles = useStyles();
  const [theme, setTheme] = useState<ThemeName>("default");
  // The panel view that is open, and the button to return focus to when it closes.
  const [open, setOpen] = useState<{
    view: "referrals" | "meetings" | "actions";
    panel: PanelSummary;
    meetingId?: string | null;
  } | null>(null);
  const [peopleOf, setPeopleOf] = useState<ManagedArea | null>(null);
  const [cameBackFrom, setCameBackFrom] = useState<string | null>(null);
  const close = () => {
    if (open) setCameBackFrom(`${open.view}:${open.panel.id}`);
    if (peopleOf) setCameBackFrom(`people:${peopleOf.id}`);
    setOpen(null);
    setPeopleOf(null);
  };

  // A Teams deep link's sub-page, read once when Teams starts the tab.
  const linkedPage = useRef<string | undefined>(undefined);
  const consent = useConsentPrompt();
  const signedInWith = useCallback(async (tokens: TokenSource): Promise<Session> => {
    const [me, { panels }] = await Promise.all([api.me(tokens), api.panels(tokens)]);
    // A link from a card opens that meeting's agenda (?panel=…&meeting=…) or the panel's action
    // log (?panel=…&page=actions), once.
    const link = new URLSearchParams(linkedPage.current ?? window.location.search);
    linkedPage.current = undefined;
    const linked = panels.find((p) => p.id === link.get("panel"));
    if (linked) {
      setOpen(
        link.get("page") === "actions"
          ? { view: "actions", panel: linked }
          : { view: "meetings", panel: linked, meetingId: link.get("meeting") },
      );
      window.history.replaceState(null, "", window.location.pathname);
    }
    return { state: "signed-in", tokens, me, panels };
  }, []);

  const start = useCallback(async (): Promise<Session> => {
    if (hostedInTeams()) {
      linkedPage.current = await initialiseTeams(setTheme);
      return signedInWith(teamsTokens(consent.ask));
    }
    const config = await api.authConfig();
    if (config.mode !== "development") throw new Error("Open MACE panels from Microsoft Teams to sign in.");
    const saved = sessionStorage.getItem(PERSON_KEY);
    if (saved) {
      try {
        return await signedInWith(await demoTokens(saved));
      } catch (e) {
        // The demo people are seeded afresh at each start: this one may be gone.
        if (!(e instanceof ApiError && e.status === 404)) throw e;
        sessionStorage.removeItem(PERSON_KEY);
      }
    }
    return { state: "choose-demo-person", people: (await api.demoPeople()).people };
  }, [signedInWith, consent.ask]);

  const signing = useApi(start, [start]);
  // A failure takes the place of whatever was shown.
  const session = signing.error ? undefined : signing.data;

  const signInAs = (personId: string) =>
    signing.run(async () => {
      const tokens = await demoTokens(personId);
      sessionStorage.setItem(PERSON_KEY, personId);
      return signedInWith(tokens);
    });

  const signOut = () => {
    sessionStorage.removeItem(PERSON_KEY);
    setOpen(null);
    setPeopleOf(null);
    setCameBackFrom(null);
    signing.setData(undefined);
    void signing.reload();
  };

  return (
    <FluentProvider theme={THEMES[theme]}>
      <main className={styles.page}>
        {consent.prompt}
        {signing.loading && <Spinner label="Signing you in…" />}
        {signing.error && (
          <MessageBar intent="error">
            <MessageBarBody>{signing.error}</MessageBarBody>
          </MessageBar>
        )}
        {session?.state === "choose-demo-person" && (
          <DemoSignIn people={session.people} onSignIn={signInAs} />
        )}
        {session?.state === "signed-in" && open?.view === "referrals" && (
          <ReferralsPage token={session.tokens} meId={session.me.id} panel={open.panel} onBack={close} />
        )}
        {session?.state === "signed-in" && open?.view === "meetings" && (
          <MeetingsPage
            token={session.tokens}
            meId={session.me.id}
            panel={open.panel}
            onBack={close}
            openAgendaOf={open.meetingId ?? null}
          />
        )}
        {session?.state === "signed-in" && open?.view === "actions" && (
          <ActionsPage token={session.tokens} meId={session.me.id} panel={open.panel} onBack={close} />
        )}
        {session?.state === "signed-in" && peopleOf && (
          <PeoplePage token={session.tokens} area={peopleOf} meId={session.me.id} onBack={close} />
        )}
        {session?.state === "signed-in" && !open && !peopleOf && (
          <PanelsPage
            token={session.tokens}
            me={session.me}
            panels={session.panels}
            onSignOut={signOut}
            onOpen={(view, panel) => {
              setCameBackFrom(null);
              setOpen({ view, panel });
            }}
            onOpenPeople={(area) => {
              setCameBackFrom(null);
              setPeopleOf(area);
            }}
            returnFocusTo={cameBackFrom}
          />
        )}
      </main>
    </FluentProvider>
  );
}

function PanelsPage({
  token,
  me,
  panels,
  onSignOut,
  onOpen,
  onOpenPeople,
  returnFocusTo,
}: {
  token: TokenSource;
  me: MeResponse;
  panels: PanelSummary[];
  onSignOut: () => void;
  onOpen: (view: "referrals" | "meetings" | "actions", panel: PanelSummary) => void;
  onOpenPeople: (area: ManagedArea) => void;
  returnFocusTo: string | null;
}) {
  const styles = useStyles();
  const viewButtons = useRef(new Map<string, HTMLElement>());
  const [calendarProblem, setCalendarProblem] = useState<string | null>(null);
  useEffect(() => {
    if (returnFocusTo) viewButtons.current.get(returnFocusTo)?.focus();
  }, [returnFocusTo]);
  const remember = (key: string) => (el: HTMLElement | null) => {
    if (el) viewButtons.current.set(key, el);
    else viewButtons.current.delete(key);
  };
  const coordinatedAreas = useMemo(
    () => [...new Set(panels.filter((p) => p.role === "coordinator").map((p) => p.area.id))],
    [panels],
  );
  const byArea = useMemo(() => {
    const groups = new Map<string, PanelSummary[]>();
    for (const p of panels) groups.set(p.area.name, [...(groups.get(p.area.name) ?? []), p]);
    return [...groups.entries()];
  }, [panels]);

  return (
    <>
      <header className={styles.header}>
        <div className={styles.titleBlock}>
          <Title2 as="h1">Your panels</Title2>
          <Body1 as="p" className={styles.muted}>
            Signed in as {me.displayName}
            {me.jobTitle ? `, ${me.jobTitle}` : ""}
            {me.agency ? ` (${me.agency})` : ""}
          </Body1>
        </div>
        {!hostedInTeams() && <Button onClick={onSignOut}>Sign out</Button>}
      </header>
      {calendarProblem && (
        <MessageBar intent="error">
          <MessageBarBody>{calendarProblem}</MessageBarBody>
        </MessageBar>
      )}
      {me.manages.length > 0 && (
        <section className={styles.area} aria-labelledby="manages-title">
          <Subtitle2 as="h2" id="manages-title">
            People you manage
          </Subtitle2>
          <div className={styles.links}>
            {me.manages.map((a) => (
              <Button key={a.id} ref={remember(`people:${a.id}`)} onClick={() => onOpenPeople(a)}>
                People of {a.name}
              </Button>
            ))}
          </div>
        </section>
      )}
      {panels.length === 0 && <AskForAccess token={token} />}
      {coordinatedAreas.map((areaId) => (
        <AccessRequests key={areaId} areaId={areaId} token={token} hideWhenEmpty />
      ))}
      {byArea.map(([area, list]) => (
        <section key={area} className={styles.area} aria-label={`${area} panels`}>
          <Subtitle2 as="h2">{area}</Subtitle2>
          <div className={styles.grid}>
            {list.map((p) => (
              <Card key={p.id} data-panel-id={p.id}>
                <CardHeader
                  header={
                    <Body1 as="h3">
                      <b>{p.name}</b>
                    </Body1>
                  }
                  description={
                    <Caption1>
                      {p.tier} panel · <Badge appearance="tint">{p.role}</Badge>
                    </Caption1>
                  }
                />
                <Caption1 as="h4">Next meetings</Caption1>
                <ul className={styles.meetings}>
                  {p.nextMeetings.map((m) => (
                    <li key={m.date}>
                      <time dateTime={m.start}>{m.description}</time>
                    </li>
                  ))}
                </ul>
                <CardFooter>
                  <Button
                    aria-label={`Meetings of ${p.name}`}
                    ref={remember(`meetings:${p.id}`)}
                    onClick={() => onOpen("meetings", p)}
                  >
                    Meetings
                  </Button>
                  <Button
                    aria-label={`Action log of ${p.name}`}
                    ref={remember(`actions:${p.id}`)}
                    onClick={() => onOpen("actions", p)}
                  >
                    Action log
                  </Button>
                  {p.role === "coordinator" && (
                    <>
                      <Button
                        aria-label={`Referrals for ${p.name}`}
                        ref={remember(`referrals:${p.id}`)}
                        onClick={() => onOpen("referrals", p)}
                      >
                        Referrals
                      </Button>
                      <Button
                        aria-label={`Calendar file (.ics) of the next twelve months of ${p.name} meetings`}
                        onClick={() => {
                          setCalendarProblem(null);
                          downloadCalendar(token, p).catch((e: unknown) =>
                            setCalendarProblem((e as Error).message),
                          );
                        }}
                      >
                        Calendar file (.ics)
                      </Button>
                    </>
                  )}
                </CardFooter>
              </Card>
            ))}
          </div>
        </section>
      ))}
    </>
  );
}

/** Shown when a channel tab is added: saving points the tab at the panels page. */
function ConfigureChannelTab() {
  const styles = useStyles();
  const [state, setState] = useState<"waiting" | "ready" | "outside-teams">("waiting");
  useEffect(() => {
    if (!hostedInTeams()) {
      setState("outside-teams");
      return;
    }
    void configureChannelTab(`${window.location.origin}/tab/`).then(() => setState("ready"));
  }, []);
  return (
    <FluentProvider theme={teamsLightTheme}>
      <main className={styles.page}>
        <Title2 as="h1">Add MACE panels to this channel</Title2>
        <Body1 as="p">
          The tab shows this team&apos;s panels, meetings, agendas and action log to members who are signed in
          and belong to a panel. Select Save to add it.
        </Body1>
        {state === "outside-teams" && (
          <MessageBar intent="info">
            <MessageBarBody>Open this page from Microsoft Teams to add the tab to a channel.</MessageBarBody>
          </MessageBar>
        )}
      </main>
    </FluentProvider>
  );
}

function PolicyPage({ kind }: { kind: "privacy" | "terms" }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={teamsLightTheme}>
      <main className={styles.page}>
        {kind === "privacy" ? (
          <>
            <Title2 as="h1">Privacy</Title2>
            <Body1 as="p">
              MACE panels holds child-protection information for the partnership that runs it, in that
              partnership&apos;s own Azure storage. Identifying details are shown only in private chats,
              dialogs and this tab, to signed-in panel members whose role allows it. Channel posts carry
              reference numbers only. Every read or change of a subject&apos;s record is written to an audit
              log. Records are kept and deleted according to the partnership&apos;s retention settings.
            </Body1>
          </>
        ) : (
          <>
            <Title2 as="h1">Terms of use</Title2>
            <Body1 as="p">
              Use MACE panels only for the work of your Multi-Agency Child Exploitation panel and under your
              partnership&apos;s information sharing agreement. Do not copy information out of it except to
              your own agency&apos;s secure case records.
            </Body1>
          </>
        )}
      </main>
    </FluentProvider>
  );
}
