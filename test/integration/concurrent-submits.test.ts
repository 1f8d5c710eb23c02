import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { forgetMertonReferrals } from "../support/forget-referrals.js";
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
  const forms = Array.from({ length: 32 }, () => randomUUID());
  after(async () => {
    await service.close();
    await forgetMertonReferrals(forms);
  });

  it("all 32 are stored once, with unique references in an unbroken run", async () => {
    const token = await signInAs(service, PEOPLE.mertonSocialWorker.id);
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
  });
});
