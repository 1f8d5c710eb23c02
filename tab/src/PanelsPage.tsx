import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  CardFooter,
  CardHeader,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Title2,
  makeStyles,
} from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import { AccessRequests } from "./AccessRequests.js";
import type { ManagedArea, MeResponse, PanelSummary, TokenSource } from "./api.js";
import { AskForAccess } from "./AskForAccess.js";
import { downloadCalendar } from "./calendar.js";
import { reportKey, reportsOn, reportsOnArea, type ReportOf } from "./reportAccess.js";
import { headerStyles } from "./styles.js";
import { hostedInTeams } from "./teams.js";

// The first page after sign-in: the person's panels by area, and the people they manage.

const useStyles = makeStyles({
  ...headerStyles,
  area: { marginTop: "24px" },
  grid: {
    display: "grid",
    // One column on a phone: a card never grows wider than the page.
    gridTemplateColumns: "repeat(auto-fill, minmax(min(300px, 100%), 1fr))",
    gap: "16px",
    marginTop: "8px",
  },
  links: { display: "flex", gap: "8px", flexWrap: "wrap", marginTop: "8px" },
  areaHeading: { display: "flex", gap: "16px", alignItems: "center", flexWrap: "wrap" },
  // The card's buttons wrap onto as many lines as they need, so none is hidden under the next card.
  footer: { flexWrap: "wrap" },
  meetings: { margin: "0", paddingLeft: "20px", display: "flex", flexDirection: "column", gap: "4px" },
});

export type PanelView = "referrals" | "meetings" | "actions" | "cohort" | "register";

export function PanelsPage({
  token,
  me,
  panels,
  onSignOut,
  onOpen,
  onOpenPeople,
  onOpenReports,
  onOpenMyReferrals,
  onOpenReferralForm,
  returnFocusTo,
}: {
  token: TokenSource;
  me: MeResponse;
  panels: PanelSummary[];
  onSignOut: () => void;
  onOpen: (view: PanelView, panel: PanelSummary) => void;
  onOpenPeople: (area: ManagedArea) => void;
  onOpenReports: (area: ReportOf["area"], panelId: string | null) => void;
  onOpenMyReferrals: () => void;
  /** The referral form, as the bot's `refer` draws it. */
  onOpenReferralForm: () => void;
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
  const areaReport = (area: ReportOf["area"]) => (
    <Button
      key={`report:${area.id}`}
      aria-label={`Area report of ${area.name}`}
      ref={remember(reportKey({ area, panelId: null }))}
      onClick={() => onOpenReports(area, null)}
    >
      Area report
    </Button>
  );

  return (
    <>
      <header className={styles.header}>
        <div className={styles.titleBlock}>
          <Title2 as="h1" data-link-target="panels">
            Your panels
          </Title2>
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
      {me.refers && (
        <section className={styles.area} aria-labelledby="referrals-title">
          <Subtitle2 as="h2" id="referrals-title">
            Your referrals
          </Subtitle2>
          <div className={styles.links}>
            <Button ref={remember("my-referrals")} onClick={onOpenMyReferrals}>
              My referrals
            </Button>
            <Button ref={remember("refer")} onClick={onOpenReferralForm}>
              Make a referral
            </Button>
          </div>
        </section>
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
            {/* An administrator with no place on the area's panels reaches its report here. */}
            {me.manages
              .filter((a) => a.administrator && !panels.some((p) => p.area.id === a.id))
              .map(areaReport)}
          </div>
        </section>
      )}
      {panels.length === 0 && <AskForAccess token={token} />}
      {coordinatedAreas.map((areaId) => (
        <AccessRequests key={areaId} areaId={areaId} token={token} hideWhenEmpty />
      ))}
      {byArea.map(([area, list]) => (
        <section key={area} className={styles.area} aria-label={`${area} panels`}>
          <div className={styles.areaHeading}>
            <Subtitle2 as="h2">{area}</Subtitle2>
            {list[0] && reportsOnArea(list[0].area.id, panels, me.manages) && areaReport(list[0].area)}
          </div>
          <div className={styles.grid}>
            {list.map((p) => (
              <Card key={p.id} data-panel-id={p.id} data-link-target={`panel:${p.id}`}>
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
                    <li key={m.id}>
                      <time dateTime={m.start}>{m.description}</time>
                    </li>
                  ))}
                </ul>
                <CardFooter className={styles.footer}>
                  {/* An analyst sees the panel's reports only, never its cases or meetings. */}
                  {p.role !== "analyst" && (
                    <>
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
                      <Button
                        aria-label={`Cohort of ${p.name}`}
                        ref={remember(`cohort:${p.id}`)}
                        onClick={() => onOpen("cohort", p)}
                      >
                        Cohort
                      </Button>
                    </>
                  )}
                  {/* A strategic panel's register is for its members, not presenters nor analysts. */}
                  {p.tier === "strategic" && p.role !== "analyst" && p.role !== "presenter" && (
                    <Button
                      aria-label={`Register and forward plan of ${p.name}`}
                      ref={remember(`register:${p.id}`)}
                      onClick={() => onOpen("register", p)}
                    >
                      Register
                    </Button>
                  )}
                  {reportsOn(p) && (
                    <Button
                      aria-label={`Reports of ${p.name}`}
                      ref={remember(reportKey({ area: p.area, panelId: p.id }))}
                      onClick={() => onOpenReports(p.area, p.id)}
                    >
                      Reports
                    </Button>
                  )}
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
