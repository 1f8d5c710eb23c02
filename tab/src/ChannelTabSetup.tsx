import { Body1, MessageBar, MessageBarBody, Title2 } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { configureChannelTab, hostedInTeams } from "./teams.js";

/** Shown when a channel tab is added: saving points the tab at the panels page. */
export function ConfigureChannelTab() {
  const [state, setState] = useState<"waiting" | "ready" | "outside-teams">("waiting");
  useEffect(() => {
    if (!hostedInTeams()) {
      setState("outside-teams");
      return;
    }
    void configureChannelTab(`${window.location.origin}/tab/`).then(() => setState("ready"));
  }, []);
  return (
    <>
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
    </>
  );
}
