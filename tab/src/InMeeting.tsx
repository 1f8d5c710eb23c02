import { MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { useEffect } from "react";
import type { PanelSummary, TokenSource } from "./api.js";
import { lazyPage } from "./lazyPages.js";
import { meetingApi } from "./meetingApi.js";
import { meetingContext } from "./teamsMeeting.js";
import { useApi } from "./useApi.js";

// The tab inside a panel's Teams meeting. Teams tells it the meeting's chat and where it is shown;
// the chat names the panel and the meeting it is holding. The side panel and the stage each have
// their own view; the tab in the meeting's chat opens the meeting's agenda page. Where Teams says the tab is in no meeting (a group chat), it is the normal tab.

const MeetingSidePanel = lazyPage(() => import("./MeetingSidePanel.js").then((m) => m.MeetingSidePanel));
const MeetingStage = lazyPage(() => import("./MeetingStage.js").then((m) => m.MeetingStage));
const MeetingsPage = lazyPage(() => import("./Meetings.js").then((m) => m.MeetingsPage));

function Notice({ children }: { children: string }) {
  return (
    <MessageBar intent="warning" role="alert">
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
}

export function InMeetingPage({
  token,
  meId,
  panels,
  onNotAMeeting,
}: {
  token: TokenSource;
  meId: string;
  panels: PanelSummary[];
  /** Teams says the tab is in no meeting: the normal tab is shown instead. */
  onNotAMeeting: () => void;
}) {
  const loaded = useApi(async () => {
    const context = await meetingContext();
    if (!context?.chatId) return { context, found: null };
    return { context, found: await meetingApi.ofChat(token, context.chatId) };
  }, [token]);
  const notAMeeting = loaded.data !== undefined && loaded.data.context === null;
  useEffect(() => {
    if (notAMeeting) onNotAMeeting();
  }, [notAMeeting, onNotAMeeting]);
  if (loaded.error) return <Notice>{loaded.error}</Notice>;
  if (!loaded.data || notAMeeting) return <Spinner label="Finding the panel's meeting…" />;
  const { context, found } = loaded.data;
  if (!found || !context)
    return (
      <Notice>
        This view belongs in a panel&apos;s Teams meeting. Open the meeting in Teams, then MACE panels from
        its side panel or its chat.
      </Notice>
    );
  const panel = panels.find((p) => p.id === found.panelId);
  if (!panel) return <Notice>You are not a member of this panel. Ask its coordinator to add you.</Notice>;
  const meeting = found.meeting;
  if (!meeting)
    return (
      <Notice>
        {`${panel.name} has no meeting in Teams calendars from today. Ask its coordinator to schedule the next meetings.`}
      </Notice>
    );
  if (context.frame === "stage") return <MeetingStage token={token} found={found} meetingId={meeting.id} />;
  if (context.frame === "side-panel")
    return (
      <MeetingSidePanel
        token={token}
        panel={panel}
        found={found}
        meetingId={meeting.id}
        description={meeting.description}
      />
    );
  return (
    <MeetingsPage
      token={token}
      meId={meId}
      panel={panel}
      openAgendaOf={meeting.id}
      onBack={() => window.location.assign(`${window.location.origin}/tab/`)}
    />
  );
}
