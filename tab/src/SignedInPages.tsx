import type { MeResponse, PanelSummary, TokenSource } from "./api.js";
import { lazyPage } from "./lazyPages.js";
import type { OpenPage } from "./openPage.js";
import { replacesBaseline, reportsOn } from "./reportAccess.js";
import type { ThemeName } from "./teams.js";

// The page a signed-in person has open. Each page comes in its own chunk when opened.
export const PanelsPage = lazyPage(() => import("./PanelsPage.js").then((m) => m.PanelsPage));
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
const InMeetingPage = lazyPage(() => import("./InMeeting.js").then((m) => m.InMeetingPage));

export function SignedInPages({
  session,
  page,
  inMeeting,
  theme,
  returnFocusTo,
  onOpen,
  onBack,
  onNotAMeeting,
  onSignOut,
}: {
  session: { tokens: TokenSource; me: MeResponse; panels: PanelSummary[] };
  page: OpenPage;
  /** Inside a panel's Teams meeting: that meeting's view takes the home page's place. */
  inMeeting: boolean;
  theme: ThemeName;
  /** The home page's button that opened the page just closed. */
  returnFocusTo: string | null;
  onOpen: (page: OpenPage) => void;
  onBack: () => void;
  onNotAMeeting: () => void;
  onSignOut: () => void;
}) {
  const { tokens: token, me, panels } = session;
  const opened = (() => {
    switch (page.to) {
      case "home":
        return null;
      case "panel": {
        const props = { token, meId: me.id, panel: page.panel, onBack };
        switch (page.view) {
          case "referrals":
            return <ReferralsPage {...props} openReferral={page.itemId ?? null} />;
          case "meetings":
            return <MeetingsPage {...props} openAgendaOf={page.meetingId ?? null} />;
          case "actions":
            return <ActionsPage {...props} />;
          case "cohort":
            return <CohortPage {...props} />;
          case "register":
            return <RegisterPage {...props} />;
        }
        return null;
      }
      case "people":
        return <PeoplePage token={token} area={page.area} meId={me.id} onBack={onBack} />;
      case "reports":
        return (
          <ReportsPage
            token={token}
            area={page.of.area}
            panels={panels.filter((p) => p.area.id === page.of.area.id && reportsOn(p))}
            panelId={page.of.panelId}
            mayReplaceBaseline={replacesBaseline(page.of.area.id, panels, me.manages)}
            theme={theme}
            onBack={onBack}
          />
        );
      case "my-referrals":
        return <MyReferralsPage token={token} onBack={onBack} openReferral={page.referral ?? null} />;
      case "approval":
        return (
          <ApprovalPage token={token} panelId={page.panelId} referralId={page.referralId} onBack={onBack} />
        );
      case "refer":
        return (
          <ReferralFormPage
            token={token}
            panelId={page.panelId ?? null}
            kind={page.kind ?? null}
            onBack={onBack}
          />
        );
    }
  })();
  return (
    <>
      {opened}
      {inMeeting && (
        <InMeetingPage token={token} meId={me.id} panels={panels} onNotAMeeting={onNotAMeeting} />
      )}
      {!inMeeting && page.to === "home" && (
        <PanelsPage
          token={token}
          me={me}
          panels={panels}
          onSignOut={onSignOut}
          onOpen={(view, panel) => onOpen({ to: "panel", view, panel })}
          onOpenPeople={(area) => onOpen({ to: "people", area })}
          onOpenReports={(area, panelId) => onOpen({ to: "reports", of: { area, panelId } })}
          onOpenMyReferrals={() => onOpen({ to: "my-referrals" })}
          onOpenReferralForm={() => onOpen({ to: "refer" })}
          returnFocusTo={returnFocusTo}
        />
      )}
    </>
  );
}
