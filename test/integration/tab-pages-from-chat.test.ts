import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { recordingConnector, type RecordingConnector } from "../support/connector.js";
import { PEOPLE } from "../support/people.js";
import { startTestService, type TestService } from "../support/service.js";
import {
  forgetPersonalChats,
  personalChat,
  teamsChat,
  teamsUser,
  texts,
  type Card,
} from "../support/teams-chat.js";

// The help, panels and channel welcome cards open the tab at the page each is about: the help at
// the tab's home, each panel of `panels` at that panel, the welcome's Make a referral at the form.

/** Every link of a card, by its title. */
function linksOf(card: unknown): Map<string, URL> {
  const found = new Map<string, URL>();
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    const n = node as Card;
    if (n["type"] === "Action.OpenUrl") found.set(String(n["title"]), new URL(String(n["url"])));
    Object.values(n).forEach(walk);
  };
  walk(card);
  return found;
}

const pageOf = (url: URL | undefined) => Object.fromEntries(url?.searchParams ?? []);

describe("The help, panels and welcome cards open the matching page of the tab", function () {
  this.timeout(60_000);
  let service: TestService;
  let connector: RecordingConnector;
  const chat = teamsChat(
    () => service.url,
    () => connector.url,
    `19:${randomUUID()}@thread.tacv2`,
  );
  const priya = teamsUser(PEOPLE.mertonCoordinator);
  // A new chat first has the notices that waited for it: the card is found by its heading.
  const cardAfter = (conversationId: string, from: number, heading: string) =>
    connector.sent
      .slice(from)
      .filter((s) => s.conversationId === conversationId)
      .flatMap((s) => (s.activity["attachments"] as { content: Card }[] | undefined) ?? [])
      .map((a) => a.content)
      .find((c) => texts(c)[0] === heading);

  before(async () => {
    connector = await recordingConnector();
    service = await startTestService();
  });
  after(async () => {
    await service?.close();
    await connector?.close();
    await forgetPersonalChats([priya]);
  });

  it("`help` opens the tab's home, the person's panels", async () => {
    const from = connector.sent.length;
    await chat.say(chat.inPersonal(priya), "help");
    const help = cardAfter(personalChat(priya), from, "MACE panels: what I can do");
    assert.ok(help);
    const tab = linksOf(help).get("Open the MACE panels tab");
    assert.equal(tab?.origin + (tab?.pathname ?? ""), `${service.url}/tab/`);
    assert.deepEqual(pageOf(tab), { page: "panels" });
  });

  it("`panels` opens each panel at its own place in the tab", async () => {
    const from = connector.sent.length;
    await chat.say(chat.inPersonal(priya), "panels");
    const panels = cardAfter(personalChat(priya), from, "Your panels");
    assert.ok(panels);
    const links = linksOf(panels);
    assert.deepEqual(pageOf(links.get("Open your panels in the tab")), { page: "panels" });
    assert.deepEqual(pageOf(links.get("Pre-MACE operational panel in the tab")), {
      page: "panels",
      panel: "merton-pre-mace",
    });
    assert.deepEqual(pageOf(links.get("Strategic MACE in the tab")), {
      page: "panels",
      panel: "merton-strategic-mace",
    });
  });

  it("the channel's welcome opens the referral form in the tab, beside its Make a referral button", async () => {
    const from = connector.sent.length;
    await chat.post({ ...chat.inChannel(priya), type: "installationUpdate", action: "add" });
    const welcome = connector.sent
      .slice(from)
      .flatMap((s) => (s.activity["attachments"] as { content: Card }[] | undefined) ?? [])
      .map((a) => a.content)
      .find((c) => texts(c)[0] === "MACE panels is ready in MACE panels");
    assert.ok(welcome);
    const links = linksOf(welcome);
    assert.deepEqual(pageOf(links.get("Make a referral in the tab")), { page: "refer" });
    assert.deepEqual(pageOf(links.get("Open the MACE panels tab")), { page: "panels" });
  });
});
