import assert from "node:assert/strict";
import { agendaLink, agendaPublishedCard } from "../../bot/src/adapters/teams/channel-poster.js";

describe("The card a channel gets when an agenda is published", () => {
  const meeting = { panelId: "merton-pre-mace", meetingId: "2026-12-03" };

  it("links into the tab inside Teams when the app's id is known, at that meeting", () => {
    const link = new URL(agendaLink(meeting, "https://mace.example", "11111111-2222-4333-8444-555555555555"));
    assert.equal(
      link.origin + link.pathname,
      "https://teams.microsoft.com/l/entity/11111111-2222-4333-8444-555555555555/mace-panels",
    );
    assert.deepEqual(JSON.parse(link.searchParams.get("context") ?? "{}"), {
      subEntityId: "panel=merton-pre-mace&meeting=2026-12-03",
    });
  });

  it("links to the tab's web address otherwise", () => {
    assert.equal(
      agendaLink(meeting, "https://mace.example"),
      "https://mace.example/tab/?panel=merton-pre-mace&meeting=2026-12-03",
    );
  });

  it("names the panel, the meeting, the version and the number of slots, and nothing about a child", () => {
    const card = agendaPublishedCard(
      {
        ...meeting,
        panelName: "Pre-MACE operational panel",
        meetingDescription: "Thursday 3 December 2026, 09:30 to 13:30",
        version: 2,
        slots: 4,
      },
      "https://mace.example/tab/",
    );
    const facts = (card["body"] as { type: string; facts?: { title: string; value: string }[] }[]).find(
      (b) => b.type === "FactSet",
    )?.facts;
    assert.deepEqual(facts, [
      { title: "Panel", value: "Pre-MACE operational panel" },
      { title: "Meeting", value: "Thursday 3 December 2026, 09:30 to 13:30" },
      { title: "Version", value: "2" },
      { title: "Presenter slots", value: "4" },
    ]);
  });
});
