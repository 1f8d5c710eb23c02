import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { call } from "../support/http.js";
import { PEOPLE } from "../support/people.js";
import { mertonChild } from "../support/referral-forms.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";

// Many practitioners in one area submitting at the same moment share the year's reference
// counter. Every referral is stored, each with its own reference, and the numbers run on
// without gaps that anyone would take for a lost referral.

describe("Referrals submitted at the same moment in one area", function () {
  this.timeout(60_000);
  let service: TestService;
  before(async () => {
    service = await startTestService({}, { now: () => new Date("2026-11-24T12:00:00Z") });
  });
  after(() => service.close());

  it("all 32 are stored once, with unique references in an unbroken run", async () => {
    const token = await signInAs(service, PEOPLE.mertonSocialWorker.id);
    const forms = Array.from({ length: 32 }, () => randomUUID());
    const answers = await Promise.all(
      forms.map((formId, i) =>
        call<{ id: string; reference: string }>(service, "/api/panels/merton-pre-mace/referrals", {
          token,
          body: {
            kind: "individual",
            formId,
            values: mertonChild(`Crowd Testcase${String.fromCharCode(65 + i)}`),
          },
        }),
      ),
    );
    assert.deepEqual(
      answers.map((a) => a.status),
      forms.map(() => 201),
    );
    assert.deepEqual(
      answers.map((a) => a.body?.id),
      forms,
    );
    const numbers = answers
      .map((a) => Number(/^MER-2026-(\d{4})$/.exec(a.body?.reference ?? "")?.[1]))
      .sort((a, b) => a - b);
    assert.equal(new Set(numbers).size, 32);
    assert.equal((numbers.at(-1) ?? 0) - (numbers[0] ?? 0), 31);

    // Declined again, so the crowd does not stand in other suites' queue of new referrals.
    const priya = { id: PEOPLE.mertonCoordinator.id, name: PEOPLE.mertonCoordinator.displayName };
    for (const formId of forms) {
      const read = await service.desk.view(priya, "merton-pre-mace", formId, "test");
      await service.desk.triage(
        priya,
        "merton-pre-mace",
        formId,
        { decision: "decline", reason: "Test crowd." },
        read.etag,
        "test",
      );
    }
  });
});
