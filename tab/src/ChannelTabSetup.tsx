import { Body1, MessageBar, MessageBarBody, Spinner, Title2 } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { meetingApi } from "./meetingApi.js";
import { askForConsent, configureTab, hostedInTeams, teamsTokens } from "./teams.js";
import { configuringIn } from "./teamsMeeting.js";

// Shown when the tab is added: to a channel or a group chat (no meeting), it shows the panels
// page; to a panel's Teams meeting, the meeting's own view (its agenda, sign-in and quorum), once
// the meeting is recognised as one the product scheduled.

type Setup =
  | { state: "waiting" | "outside-teams" | "channel" | "chat" }
  | { state: "meeting"; panelName: string; meeting: string | null }
  | { state: "not-a-panel-meeting"; why: string };

async function setUp(): Promise<Setup> {
  const addedTo = await configuringIn();
  if (addedTo.kind !== "meeting") {
    await configureTab({ contentUrl: `${window.location.origin}/tab/`, meeting: false, valid: true });
    return { state: addedTo.kind };
  }
  const meetingView = { contentUrl: `${window.location.origin}/tab/meeting`, meeting: true };
  try {
    const found = await meetingApi.ofChat(teamsTokens(askForConsent), addedTo.chatId);
    await configureTab({ ...meetingView, valid: true });
    return { state: "meeting", panelName: found.panelName, meeting: found.meeting?.description ?? null };
  } catch (e) {
    await configureTab({ ...meetingView, valid: false });
    return { state: "not-a-panel-meeting", why: (e as Error).message };
  }
}

export function ConfigureChannelTab() {
  const [setup, setSetup] = useState<Setup>({ state: "waiting" });
  useEffect(() => {
    if (!hostedInTeams()) {
      setSetup({ state: "outside-teams" });
      return;
    }
    void setUp().then(setSetup);
  }, []);
  if (setup.state === "meeting" || setup.state === "not-a-panel-meeting")
    return (
      <>
        <Title2 as="h1">Add MACE panels to this meeting</Title2>
        {setup.state === "meeting" ? (
          <Body1 as="p">
            This is the {setup.panelName}&apos;s Teams meeting
            {setup.meeting ? `, next held ${setup.meeting}` : ""}. The tab and the meeting&apos;s side panel
            show its agenda, sign-in and quorum to the panel&apos;s members. Select Save to add it.
          </Body1>
        ) : (
          <MessageBar intent="warning">
            <MessageBarBody>{setup.why}</MessageBarBody>
          </MessageBar>
        )}
      </>
    );
  return (
    <>
      <Title2 as="h1">Add MACE panels to this {setup.state === "chat" ? "chat" : "channel"}</Title2>
      <Body1 as="p">
        {setup.state === "chat"
          ? "The tab shows each person their own panels, meetings, agendas and action log, once they are signed in. This chat is not a Teams meeting, so it shows no meeting's agenda. Select Save to add it."
          : "The tab shows this team's panels, meetings, agendas and action log to members who are signed in and belong to a panel. Select Save to add it."}
      </Body1>
      {setup.state === "waiting" && hostedInTeams() && <Spinner size="tiny" label="Getting ready…" />}
      {setup.state === "outside-teams" && (
        <MessageBar intent="info">
          <MessageBarBody>Open this page from Microsoft Teams to add the tab to a channel.</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
