import assert from "node:assert/strict";
import { call } from "../support/http.js";
import { PEOPLE } from "../support/people.js";
import { startTestService, type TestService } from "../support/service.js";

// When Teams' connector cannot be reached, the bot cannot answer in the chat, nor apologise
// there: the request is still answered, and the failure is in the log, once, in JSON.

describe("The bot when Teams cannot be reached", function () {
  this.timeout(90_000);
  let service: TestService;
  before(async () => {
    service = await startTestService();
  });
  after(() => service.close());

  it("answers each message and card press without a fault, and logs that the chat could not be told", async () => {
    const nowhere = "http://127.0.0.1:9/";
    const base = {
      channelId: "msteams",
      serviceUrl: nowhere,
      from: { id: "29:owen", aadObjectId: PEOPLE.mertonEducationLead.id, name: "Owen Brathwaite" },
      recipient: { id: "28:bot" },
      conversation: { id: "a:unreachable-owen", conversationType: "personal" },
    };
    const statuses: number[] = [];
    for (let i = 0; i < 2; i++) {
      statuses.push(
        (
          await call(service, "/api/messages", {
            body: { ...base, id: `m${i}`, type: "message", text: "help" },
          })
        ).status,
      );
    }
    assert.deepEqual(statuses, [200, 200]);
    const told = service.logLines.filter((l) => l.includes("the chat could not be told"));
    assert.equal(told.length, 2);
    assert.ok(told.every((l) => JSON.parse(l).level === 40));
  });
});
