import { FluentProvider, Spinner, makeStyles } from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import {
  api,
  ApiError,
  type DemoPerson,
  type MeResponse,
  type PanelSummary,
  type TokenSource,
} from "./api.js";
import { useConsentPrompt } from "./Consent.js";
import { ErrorNotice } from "./ErrorNotice.js";
import { lazyPage, PageLoader } from "./lazyPages.js";
import { readLink, showLinked } from "./linkedPage.js";
import { pageStyles } from "./styles.js";
import { SubjectLinksProvider, type OpenedSubject } from "./subjectLinks.js";
import {
  browserTheme,
  followBrowserTheme,
  followTeamsTheme,
  hostedInTeams,
  initialiseTeams,
  teamsTokens,
  type ThemeName,
} from "./teams.js";
import { THEMES } from "./themes.js";
import { demoTokens } from "./tokens.js";
import { useApi } from "./useApi.js";
import { returnKey, type OpenPage } from "./openPage.js";
import { PanelsPage, SignedInPages } from "./SignedInPages.js";

// Only signing in is in the tab's first download; each page comes in its own chunk when opened.
// The pages a signed-in person opens are in SignedInPages.tsx.
const ConsentPage = lazyPage(() => import("./ConsentPage.js").then((m) => m.ConsentPage));
const DemoSignIn = lazyPage(() => import("./DemoSignIn.js").then((m) => m.DemoSignIn));
const ConfigureChannelTab = lazyPage(() => import("./ChannelTabSetup.js").then((m) => m.ConfigureChannelTab));
const PolicyPage = lazyPage(() => import("./PolicyPage.js").then((m) => m.PolicyPage));
const CaseHistory = lazyPage(() => import("./CaseHistory.js").then((m) => m.CaseHistory));
const SubjectMapPage = lazyPage(() => import("./SubjectMap.js").then((m) => m.SubjectMapPage));

// The demo person chosen in development sign-in, kept for the browser tab's life.
const PERSON_KEY = "mace-dev-person";

const useStyles = makeStyles(pageStyles);

type Session =
  | { state: "choose-demo-person"; people: DemoPerson[] }
  | { state: "signed-in"; tokens: TokenSource; me: MeResponse; panels: PanelSummary[] };

export function App() {
  const page = window.location.pathname.replace(/\/+$/, "").split("/").pop();
  if (page === "consent" || page === "consent-done")
    return (
      <PageLoader>
        <ConsentPage step={page} />
      </PageLoader>
    );
  if (page === "configure")
    return (
      <StandalonePage>
        <ConfigureChannelTab />
      </StandalonePage>
    );
  if (page === "privacy" || page === "terms")
    return (
      <StandalonePage>
        <PolicyPage kind={page} />
      </StandalonePage>
    );
  return <PanelsApp />;
}

/**
 * A page Teams opens on its own, outside the panels view (adding a tab, the policies): in Teams'
 * theme, or the browser's when opened directly, as the panels view is.
 */
function StandalonePage({ children }: { children: ReactNode }) {
  const styles = useStyles();
  const [theme, setTheme] = useState<ThemeName>(() => (hostedInTeams() ? "default" : browserTheme()));
  useEffect(() => (hostedInTeams() ? followTeamsTheme(setTheme) : followBrowserTheme(setTheme)), []);
  return (
    <FluentProvider theme={THEMES[theme]} data-theme={theme}>
      <main className={styles.page}>
        <PageLoader>{children}</PageLoader>
      </main>
    </FluentProvider>
  );
}

function PanelsApp() {
  const styles = useStyles();
  // Inside a panel's Teams meeting (side panel, stage or the meeting chat's tab): that meeting's
  // view, until Teams says the tab is in no meeting (a group chat), when it is the normal tab.
  const [inMeeting, setInMeeting] = useState(() => /\/tab\/meeting\/?$/.test(window.location.pathname));
  const notInMeeting = useCallback(() => setInMeeting(false), []);
  const [theme, setTheme] = useState<ThemeName>(() => (hostedInTeams() ? "default" : browserTheme()));
  useEffect(() => (hostedInTeams() ? undefined : followBrowserTheme(setTheme)), []);
  // The page that is open, and the button to return focus to when it closes.
  const [page, setPage] = useState<OpenPage>({ to: "home" });
  // A subject's history or map opens over the page its reference was on, and closes back to it.
  const [subject, setSubject] = useState<OpenedSubject | null>(null);
  // The reference a subject page was opened from takes the focus back when it closes.
  const openedFrom = useRef<HTMLElement | null>(null);
  const openSubject = (s: OpenedSubject) => {
    // Opened from a page, not from another subject's history: that reference gets the focus back.
    if (!subject && document.activeElement instanceof HTMLElement)
      openedFrom.current = document.activeElement;
    setSubject(s);
  };
  const closeSubject = () => {
    setSubject(null);
    // Once the page it was on is shown again.
    requestAnimationFrame(() => openedFrom.current?.focus());
  };
  const [cameBackFrom, setCameBackFrom] = useState<string | null>(null);
  const close = () => {
    const key = returnKey(page);
    if (key) setCameBackFrom(key);
    setPage({ to: "home" });
  };
  const openPage = (next: OpenPage) => {
    setCameBackFrom(null);
    setPage(next);
  };

  // A Teams deep link's sub-page, read once when Teams starts the tab.
  const linkedPage = useRef<string | undefined>(undefined);
  const consent = useConsentPrompt();
  const signedInWith = useCallback(async (tokens: TokenSource): Promise<Session> => {
    PanelsPage.preload();
    const [me, { panels }] = await Promise.all([api.me(tokens), api.panels(tokens)]);
    // A link from a card opens its task once: the page, and the item on it brought into view.
    const link = readLink(linkedPage.current ?? window.location.search);
    linkedPage.current = undefined;
    const linked = link.to === "panel" ? panels.find((p) => p.id === link.panelId) : undefined;
    if (link.to === "panel" && linked)
      setPage({
        to: "panel",
        view: link.view,
        panel: linked,
        meetingId: link.meetingId ?? null,
        ...(link.itemId ? { itemId: link.itemId } : {}),
      });
    if (link.to === "my-referrals") setPage({ to: "my-referrals", referral: link.referral });
    if (link.to === "refer") setPage({ to: "refer", panelId: link.panelId, kind: link.kind });
    if (link.to === "approval")
      setPage({ to: "approval", panelId: link.panelId, referralId: link.referralId });
    const focus = "focus" in link && (link.to !== "panel" || linked) ? link.focus : undefined;
    if (focus) showLinked(focus);
    if (link.to !== "none") window.history.replaceState(null, "", window.location.pathname);
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
    DemoSignIn.preload();
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
    setPage({ to: "home" });
    setSubject(null);
    setCameBackFrom(null);
    signing.setData(undefined);
    void signing.reload();
  };

  return (
    <FluentProvider theme={THEMES[theme]} data-theme={theme}>
      <main className={styles.page}>
        {consent.prompt}
        {signing.loading && <Spinner label="Signing you in…" />}
        {signing.error && <ErrorNotice>{signing.error}</ErrorNotice>}
        <PageLoader>
          <SubjectLinksProvider open={openSubject}>
            {session?.state === "signed-in" && subject?.view === "history" && (
              <CaseHistory
                key={subject.subjectId}
                token={session.tokens}
                areaId={subject.areaId}
                subjectId={subject.subjectId}
                mayExport={session.me.manages.some((a) => a.id === subject.areaId && a.administrator)}
                onBack={closeSubject}
                onOpenMap={() => setSubject({ ...subject, view: "map", fromHistory: true })}
              />
            )}
            <div hidden={!!subject}>
              {session?.state === "choose-demo-person" && (
                <DemoSignIn people={session.people} onSignIn={signInAs} />
              )}
              {session?.state === "signed-in" && (
                <SignedInPages
                  session={session}
                  page={page}
                  inMeeting={inMeeting}
                  theme={theme}
                  returnFocusTo={cameBackFrom}
                  onOpen={openPage}
                  onBack={close}
                  onNotAMeeting={notInMeeting}
                  onSignOut={signOut}
                />
              )}
            </div>
            {session?.state === "signed-in" && subject?.view === "map" && (
              <SubjectMapPage
                key={subject.subjectId}
                token={session.tokens}
                areaId={subject.areaId}
                subjectId={subject.subjectId}
                onBack={() =>
                  subject.fromHistory
                    ? setSubject({ ...subject, view: "history", fromHistory: false })
                    : closeSubject()
                }
              />
            )}
          </SubjectLinksProvider>
        </PageLoader>
      </main>
    </FluentProvider>
  );
}
