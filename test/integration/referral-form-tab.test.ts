import assert from "node:assert/strict";
import type { ReferralFormResponse, ReferralsResponse } from "../../bot/src/adapters/http/contract/index.js";
import { viaOfReferral } from "../support/audit.js";
import { forgetPerson } from "../support/forget-person.js";
import { forgetMertonReferrals } from "../support/forget-referrals.js";
import { call } from "../support/http.js";
import { newMertonPractitioner } from "../support/new-practitioner.js";
import { PEOPLE } from "../support/people.js";
import { mertonChild } from "../support/referral-forms.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";
import { actionData, inputs, texts, type Card } from "../support/teams-chat.js";

// The referral form in the tab, for Teams on a phone: the bot's own cards, each press sent to the
// tab's API as the bot would receive it, until the referral reaches the coordinator's list.

const PANEL = "merton-pre-mace";

describe("A referral sent through the tab's referral form (Azurite)", function () {
  this.timeout(30_000);
  let service: TestService;
  let tokens: Record<"rowan" | "priya" | "nadia", string>;
  let rowanId = "";
  const made: string[] = [];

  before(async () => {
    service = await startTestService({}, { now: () => new Date("2026-11-24T12:00:00Z") });
    const rowan = await newMertonPractitioner("Rowan Tabform");
    rowanId = rowan.id;
    tokens = {
      rowan: await signInAs(service, rowan.id),
      priya: await signInAs(service, PEOPLE.mertonCoordinator.id),
      nadia: await signInAs(service, PEOPLE.lambethPractitioner.id),
    };
  });
  after(async () => {
    await service.close();
    await forgetMertonReferrals(made);
    await forgetPerson(rowanId, "merton", PANEL);
  });

  const press = (who: keyof typeof tokens, verb: string, data: Record<string, unknown>) =>
    call<ReferralFormResponse & { error?: { message: string } }>(service, "/api/referral-form", {
      token: tokens[who],
      body: { verb, data },
    });
  const cardOf = (reply: { status: number; body: ReferralFormResponse }): Card => {
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    assert.ok("card" in reply.body, JSON.stringify(reply.body));
    return reply.body.card;
  };
  const answers = Object.fromEntries(
    Object.entries({ ...mertonChild("Juniper Tabwell"), "screening.criminal-exploitation": 12 }).map(
      ([k, v]) => [k, String(v)],
    ),
  );

  it("opens with the same first card as `refer`: the panels she may refer to, and no link back to the tab", async () => {
    const first = await call<ReferralFormResponse>(service, "/api/referral-form", { token: tokens.rowan });
    const card = cardOf(first);
    assert.ok(texts(card).includes("Make a referral"));
    const panels = (inputs(card)["panelId"]?.["choices"] as { value: string }[]).map((c) => c.value);
    assert.deepEqual(panels, [PANEL]);
    assert.ok(!JSON.stringify(card).includes("Action.OpenUrl"), "the card is already in the tab");
  });

  it("a step with a required answer missing comes back with the problem beside it, nothing sent", async () => {
    const form = cardOf(await press("rowan", "referral.open", { panelId: PANEL, kind: "individual" }));
    const next = actionData(form, "referral.step", "next");
    const without: Record<string, unknown> = { ...next, ...answers };
    delete without["subjectName"];
    const again = cardOf(await press("rowan", "referral.step", without));
    assert.match(texts(again)[1] ?? "", /step 1 of 4/);
    assert.ok(texts(again).some((t) => /put right before the referral can be sent/.test(t)));
    assert.ok(texts(again).includes("Nothing has been saved yet."));
  });

  it("each step's Next draws the next, and Send referral reaches the coordinator's list", async () => {
    let card = cardOf(await press("rowan", "referral.open", { panelId: PANEL, kind: "individual" }));
    const steps = [texts(card)[1]];
    while (!actionData(card, "referral.submit")["formId"]) {
      card = cardOf(
        await press("rowan", "referral.step", { ...actionData(card, "referral.step", "next"), ...answers }),
      );
      steps.push(texts(card)[1]);
      assert.ok(steps.length < 8, texts(card).join(" | "));
    }
    assert.deepEqual(steps, [
      "Individual child or young adult: step 1 of 4, Who it is about",
      "Individual child or young adult: step 2 of 4, Safeguarding and consent",
      "Individual child or young adult: step 3 of 4, The panel's checklist and scores",
      "Individual child or young adult: step 4 of 4, Your request of the panel",
    ]);
    const receipt = cardOf(
      await press("rowan", "referral.submit", { ...actionData(card, "referral.submit"), ...answers }),
    );
    const heading = texts(receipt)[0] ?? "";
    const reference = /^Referral (MER-\d{4}-\d{4,}) sent$/.exec(heading)?.[1];
    assert.ok(reference, heading);

    const list = await call<ReferralsResponse>(
      service,
      `/api/panels/${PANEL}/referrals?show=waiting&pageSize=200`,
      {
        token: tokens.priya,
      },
    );
    const arrived = list.body.referrals.find((r) => r.reference === reference);
    assert.ok(arrived, "the coordinator sees it waiting for triage");
    made.push(arrived.id);
    assert.equal(arrived.subject, "Juniper Tabwell");
    assert.equal(arrived.referrer.name, "Rowan Tabform");
    assert.equal(arrived.status, "new");
    // The audit log says it was sent from the tab, not the bot's card.
    assert.deepEqual(await viaOfReferral("merton", arrived.id, "referral.created"), ["tab: referral form"]);
  });

  it("someone who may not refer to the panel is told so, and nothing is opened", async () => {
    const refused = await press("nadia", "referral.open", { panelId: PANEL, kind: "individual" });
    assert.equal(refused.status, 403, JSON.stringify(refused.body));
    assert.match(refused.body.error?.message ?? "", /\w/);
  });

  it("a press it does not know, or one without a sign-in, is refused", async () => {
    const unknown = await press("rowan", "referral.accept", { panelId: PANEL });
    assert.equal(unknown.status, 400);
    const anonymous = await call(service, "/api/referral-form", {
      body: { verb: "referral.open", data: { panelId: PANEL, kind: "individual" } },
    });
    assert.equal(anonymous.status, 401);
  });
});
