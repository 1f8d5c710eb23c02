import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { call } from "../support/http.js";
import { recordingConnector, type RecordingConnector } from "../support/connector.js";
import { PEOPLE } from "../support/people.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";
import { personalChat, teamsChat, texts } from "../support/teams-chat.js";

// A person taken off a panel loses it at once, in the tab and in Teams: there is no session or
// cache to wait out. Lambeth's strategic MACE, which no other suite changes.

const PANEL = "lambeth-mace";

describe("Someone removed from a panel", function () {
  this.timeout(30_000);
  let service: TestService;
  let connector: RecordingConnector;
  before(async () => {
    connector = await recordingConnector();
    service = await startTestService();
  });
  after(async () => {
    await service.close();
    await connector.close();
  });

  it("is refused on their very next request, with a 403 in the tab and a plain answer from the bot", async () => {
    const admin = await signInAs(service, PEOPLE.lambethAdministrator.id);
    const ffion = { id: randomUUID(), name: "Ffion Invented" };
    const saved = await call(service, `/api/areas/lambeth/people/${ffion.id}`, {
      method: "PUT",
      token: admin,
      body: {
        displayName: ffion.name,
        email: "ffion.invented@lambeth.example",
        agencyId: "lam-csc",
        jobTitle: "Team manager",
      },
    });
    assert.equal(saved.status, 204);
    const added = await call(service, `/api/panels/${PANEL}/members/${ffion.id}`, {
      method: "PUT",
      token: admin,
      body: { role: "member" },
    });
    assert.equal(added.status, 204);

    const token = await signInAs(service, ffion.id);
    assert.equal((await call(service, `/api/panels/${PANEL}`, { token })).status, 200);
    const chat = teamsChat(
      () => service.url,
      () => connector.url,
      "19:lambeth@thread.tacv2",
    );
    const user = { id: `29:${ffion.id}`, aadObjectId: ffion.id, name: ffion.name };
    const inChat = chat.inPersonal(user);
    /** Everything the bot said in Ffion's chat after the `from`th message the connector took. */
    const saidSince = (from: number) =>
      connector.sent
        .slice(from)
        .filter((s) => s.conversationId === personalChat(user))
        .flatMap((s) => [String(s.activity["text"] ?? ""), ...texts(s.activity["attachments"])])
        .join("\n");
    await chat.say(inChat, "panels");
    assert.match(saidSince(0), /Lambeth/);

    const removed = await call(service, `/api/panels/${PANEL}/members/${ffion.id}`, {
      method: "DELETE",
      token: admin,
    });
    assert.equal(removed.status, 204);
    const refused = await call<{ error: { code: string; message: string } }>(
      service,
      `/api/panels/${PANEL}`,
      { token },
    );
    assert.equal(refused.status, 403);
    assert.equal(
      refused.body?.error.message,
      "You are not a member of this panel. Ask its coordinator to add you.",
    );

    const before = connector.sent.length;
    await chat.say(inChat, "panels");
    assert.match(saidSince(before), /You are not on any MACE panel yet/);
    assert.doesNotMatch(saidSince(before), /Lambeth MACE|Strategic/);
  });
});
