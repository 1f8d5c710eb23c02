import assert from "node:assert/strict";
import { repositories } from "../../bot/src/adapters/tables/repositories.js";
import { keyOf } from "../../bot/src/adapters/tables/entity-store.js";
import { tableFactory } from "../../bot/src/adapters/tables/storage.js";
import { azurite } from "../support/azurite.js";
import { recordingConnector, type RecordingConnector } from "../support/connector.js";
import { PEOPLE } from "../support/people.js";
import { startTestService, type TestService } from "../support/service.js";
import { teamsChat, teamsUser } from "../support/teams-chat.js";

// The bot keeps one conversation reference per chat, to send reminders and notices to later. A
// message only adds to it what is new: a chat that has not changed is not written again.

describe("The conversations the bot is in", () => {
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

  it("are stored at the first message and not rewritten by every later one", async () => {
    const chat = teamsChat(
      () => service.url,
      () => connector.url,
      "19:unused@thread.tacv2",
    );
    // Someone no other suite chats as, so the chat stored here surprises none of them.
    const rhodri = teamsUser(PEOPLE.lambethAdministrator);
    const repos = repositories(
      tableFactory({ kind: "connection-string", connectionString: (await azurite()).connectionString }),
    );
    await chat.say(chat.inPersonal(rhodri), "help");
    const first = await repos.conversations.get("personal", keyOf(rhodri.aadObjectId));
    assert.ok(first);
    await chat.say(chat.inPersonal(rhodri), "panels");
    await chat.say(chat.inPersonal(rhodri), "help");
    const later = await repos.conversations.get("personal", keyOf(rhodri.aadObjectId));
    assert.equal(later?.etag, first.etag);
    assert.equal(later?.value.reference["activityId"], undefined);
  });
});
