import { FluentProvider, Spinner, makeStyles } from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import {
  api,
  ApiError,
  type DemoPerson,
  type ManagedArea,
  type MeResponse,
  type PanelSummary,
  type TokenSource,
} from "./api.js";
import { useConsentPrompt } from "./Consent.js";
import { ErrorNotice } from "./ErrorNotice.js";
import { lazyPage, PageLoader } from "./lazyPages.js";
import { readLink, showLinked } from "./linkedPage.js";
import type { LinkedReferral } from "./MyReferrals.js";
import type { PanelView } from "./PanelsPage.js";
import { replacesBaseline, reportKey, reportsOn, type ReportOf } from "./reportAccess.js";
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

// Only signing in is in the tab's first download; each page comes in its own chunk when opened.
const ConsentPage = lazyPage(() => import("./ConsentPage.js").then((m) => m.ConsentPage));
const DemoSignIn = lazyPage(() => import("./DemoSignIn.js").then((m) => m.DemoSignIn));
const PanelsPage = lazyPage(() => import("./PanelsPage.js").then((m) => m.PanelsPage));
const ReferralsPage = lazyPage(() => import("./Referrals.js").then((m) => m.ReferralsPage));
const MyReferralsPage = lazyPage(() => import("./MyReferrals.js").then((m) => m.MyReferralsPage));
const ReferralFormPage = lazyPage(() => import("./ReferralForm.js").then((m) => m.ReferralFormPage));
const ApprovalPage = lazyPage(() => import("./ApprovalPage.js").then((m) => m.ApprovalPage));
const MeetingsPage = lazyPage(() => import("./Meetings.js").then((m) => m.MeetingsPage));
const ActionsPage = lazyPage(() => import("./Actions.js").then((m) => m.ActionsPage));
const CohortPage = lazyPage(() => import("./Cohort.js").then((m) => m.CohortPage));
const RegisterPage = lazyPage(() => import("./Register.js").then((m) => m.RegisterPage));
const ReportsPage = lazyPage(() => import("./Reports.js").then((m) => m.ReportsPage));
const PeoplePage = lazyPage(() => import("./People.js").then((m) => m.PeoplePage));
const ConfigureChannelTab = lazyPage(() => import("./ChannelTabSetup.js").then((m) => m.ConfigureChannelTab));
const PolicyPage = lazyPage(() => import("./PolicyPage.js").then((m) => m.PolicyPage));
const CaseHistory = lazyPage(() => import("./CaseHistory.js").then((m) => m.CaseHistory));
const SubjectMapPage = lazyPage(() => import("./SubjectMap.js").then((m) => m.SubjectMapPage));
const InMeetingPage = lazyPage(() => import("./InMeeting.js").then((m) => m.InMeetingPage));

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
  // The panel view that is open, and the button to return focus to when it closes.
  const [open, setOpen] = useState<{
    view: PanelView;
    panel: PanelSummary;
    meetingId?: string | null;
    /** The item a link named on that view, opened there. */
    itemId?: string;
  } | null>(null);
  const [peopleOf, setPeopleOf] = useState<ManagedArea | null>(null);
  const [myReferrals, setMyReferrals] = useState(false);
  // The referral a link named on My referrals, and the referral form with what a link chose.
  const [linkedReferral, setLinkedReferral] = useState<LinkedReferral | undefined>(undefined);
  const [referring, setReferring] = useState<{ panelId?: string; kind?: string } | null>(null);
  // A manager's approval of one referral, opened from the approval card's link.
  const [approving, setApproving] = useState<{ panelId: string; referralId: string } | null>(null);
  // The Reports page of one panel, or of the whole area (no panel).
  const [reportOf, setReportOf] = useState<ReportOf | null>(null);
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
    if (open) setCameBackFrom(`${open.view}:${open.panel.id}`);
    if (peopleOf) setCameBackFrom(`people:${peopleOf.id}`);
    if (reportOf) setCameBackFrom(reportKey(reportOf));
    if (myReferrals) setCameBackFrom("my-referrals");
    if (referring) setCameBackFrom("refer");
    setOpen(null);
    setPeopleOf(null);
    setReportOf(null);
    setMyReferrals(false);
    setLinkedReferral(undefined);
    setReferring(null);
    setApproving(null);
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
      setOpen({
        view: link.view,
        panel: linked,
        meetingId: link.meetingId ?? null,
        ...(link.itemId ? { itemId: link.itemId } : {}),
      });
    if (link.to === "my-referrals") {
      setMyReferrals(true);
      setLinkedReferral(link.referral);
    }
    if (link.to === "refer") setReferring({ panelId: link.panelId, kind: link.kind });
    if (link.to === "approval") setApproving({ panelId: link.panelId, referralId: link.referralId });
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
    setOpen(null);
    setPeopleOf(null);
    setReportOf(null);
    setMyReferrals(false);
    setLinkedReferral(undefined);
    setReferring(null);
    setApproving(null);
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
              {session?.state === "signed-in" && open?.view === "referrals" && (
                <ReferralsPage
                  token={session.tokens}
                  meId={session.me.id}
                  panel={open.panel}
                  onBack={close}
                  openReferral={open.itemId ?? null}
                />
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
              {session?.state === "signed-in" && open?.view === "cohort" && (
                <CohortPage token={session.tokens} meId={session.me.id} panel={open.panel} onBack={close} />
              )}
              {session?.state === "signed-in" && open?.view === "register" && (
                <RegisterPage token={session.tokens} meId={session.me.id} panel={open.panel} onBack={close} />
              )}
              {session?.state === "signed-in" && peopleOf && (
                <PeoplePage token={session.tokens} area={peopleOf} meId={session.me.id} onBack={close} />
              )}
              {session?.state === "signed-in" && reportOf && (
                <ReportsPage
                  token={session.tokens}
                  area={reportOf.area}
                  panels={session.panels.filter((p) => p.area.id === reportOf.area.id && reportsOn(p))}
                  panelId={reportOf.panelId}
                  mayReplaceBaseline={replacesBaseline(reportOf.area.id, session.panels, session.me.manages)}
                  theme={theme}
                  onBack={close}
                />
              )}
              {session?.state === "signed-in" && myReferrals && (
                <MyReferralsPage
                  token={session.tokens}
                  onBack={close}
                  openReferral={linkedReferral ?? null}
                />
              )}
              {session?.state === "signed-in" && inMeeting && (
                <InMeetingPage
                  token={session.tokens}
                  meId={session.me.id}
                  panels={session.panels}
                  onNotAMeeting={notInMeeting}
                />
              )}
              {session?.state === "signed-in" && approving && (
                <ApprovalPage
                  token={session.tokens}
                  panelId={approving.panelId}
                  referralId={approving.referralId}
                  onBack={close}
                />
              )}
              {session?.state === "signed-in" && referring && (
                <ReferralFormPage
                  token={session.tokens}
                  panelId={referring.panelId ?? null}
                  kind={referring.kind ?? null}
                  onBack={close}
                />
              )}
              {session?.state === "signed-in" &&
                !inMeeting &&
                !open &&
                !peopleOf &&
                !reportOf &&
                !myReferrals &&
                !referring &&
                !approving && (
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
                    onOpenReports={(area, panelId) => {
                      setCameBackFrom(null);
                      setReportOf({ area, panelId });
                    }}
                    onOpenMyReferrals={() => {
                      setCameBackFrom(null);
                      setMyReferrals(true);
                    }}
                    onOpenReferralForm={() => {
                      setCameBackFrom(null);
                      setReferring({});
                    }}
                    returnFocusTo={cameBackFrom}
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
