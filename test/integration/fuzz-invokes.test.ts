import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { VERBS } from "../../bot/src/adapters/teams/verbs.js";
import { recordingConnector, type RecordingConnector } from "../support/connector.js";
import { changedRows, hostileValue, inPool, mutate, random, snapshotTables } from "../support/fuzz.js";
import { call } from "../support/http.js";
import { PEOPLE } from "../support/people.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";
import { teamsChat, teamsUser, type TeamsUser } from "../support/teams-chat.js";

// Card presses (adaptiveCard/action invokes) that no card sends, as an attacker or a broken client
// would post them: every one is answered in words, none is a fault, and none changes anything.

const CASES = 360;
const OTHER_CASES = 120;
const CHANNEL = "19:merton-mace@thread.tacv2";
const APOLOGY = /something went wrong/i;
const PANEL = "merton-pre-mace";
const STALE = `W/"datetime'2026-01-01T00%3A00%3A00.0000000Z'"`;

const PRESSERS: TeamsUser[] = [
  teamsUser(PEOPLE.mertonCoordinator),
  teamsUser(PEOPLE.mertonSocialWorker),
  teamsUser(PEOPLE.mertonPoliceOfficer),
  teamsUser(PEOPLE.lambethCoordinator),
  { id: "29:stranger", name: "Not Known", aadObjectId: randomUUID() },
];

interface Known {
  referralId: string;
  version: string;
  /** An action already done: no change to it can succeed, however the press is made. */
  doneActionId: string;
}

/** What a card with this verb might send, made wrong so that no press of it can succeed. */
function baseData(verb: string, known: Known): Record<string, unknown> {
  const referral = { panelId: PANEL, referralId: known.referralId };
  // A version the referral had once, or never: a replayed card.
  const version = known.version.replace(/\d(?=\D*$)/, (d) => String((Number(d) + 1) % 10));
  switch (verb) {
    case VERBS.referral.open:
      return { panelId: PANEL, kind: "individual" };
    case VERBS.referral.submit:
      return { panelId: PANEL, kind: "individual", formId: randomUUID() };
    case VERBS.referral.link:
      return { ...referral, subjectId: randomUUID() };
    case VERBS.referral.approve:
    case VERBS.referral.declineApproval:
      return { ...referral, version: STALE, comment: "ok" };
    case VERBS.referral.accept:
    case VERBS.referral.ask:
    case VERBS.referral.decline:
      return { ...referral, version, note: "fuzz" };
    case VERBS.referral.answer:
      return { ...referral, version, answer: "fuzz" };
    case VERBS.referral.withdraw:
      return { ...referral, version, [`withdrawReason-${known.referralId}`]: "fuzz" };
    case VERBS.action.done:
    case VERBS.action.update:
      return { panelId: PANEL, actionId: randomUUID(), update: "fuzz" };
    case VERBS.action.extend:
    case VERBS.action.reassign:
    case VERBS.action.notPossible:
      return {
        panelId: PANEL,
        actionId: known.doneActionId,
        version: STALE,
        extendDueDate: "2027-01-07",
        extendReason: "The school closed for half term.",
        reassignOwnerId: PEOPLE.mertonNurse.id,
        reassignReason: "Health hold the records now.",
        notPossibleReason: "The family moved out of the area.",
      };
    case VERBS.action.form:
      return { panelId: PANEL, meetingId: "2026-12-03" };
    case VERBS.action.record:
      // No title or text: a record press that cannot be saved, however its other fields are broken.
      return {
        formId: randomUUID(),
        panelId: PANEL,
        meetingId: "2026-12-03",
        ownerId: PEOPLE.mertonNurse.id,
      };
    case VERBS.meeting.signIn:
      // Never `agreed`, so never signed in.
      return { panelId: PANEL, meetingId: "2026-11-24", agencyId: "mer-police", capacity: "member" };
    case VERBS.access.ask:
      return { panelId: "no-such-panel", agencyId: "mer-csc", reason: "fuzz", jobTitle: "fuzz" };
    case VERBS.access.approve:
    case VERBS.access.decline:
      return { requestId: randomUUID(), role: "member", reason: "fuzz" };
    default:
      return {};
  }
}

describe("Card presses fuzzed", function () {
  this.timeout(60_000);
  let service: TestService;
  let connector: RecordingConnector;
  const r = random();
  const chat = teamsChat(
    () => service.url,
    () => connector.url,
    CHANNEL,
  );

  before(async () => {
    connector = await recordingConnector();
    service = await startTestService({}, { now: () => new Date("2026-11-24T12:00:00Z") });
    await service.noticesDelivered();
  });
  after(async () => {
    await service.close();
    await connector.close();
  });

  it("answers an empty, action-less or text value in words, and refuses a press from no one", async () => {
    const where = chat.inPersonal(PRESSERS[0] as TeamsUser);
    const sentBefore = connector.sent.length;
    for (const value of [{}, { action: null }, "a string"]) {
      const res = await chat.post({ ...where, type: "invoke", name: "adaptiveCard/action", value });
      assert.equal(res.status, 200);
      assert.match(String(res.body?.value), /^That button did not send what I expected/);
    }
    const anonymous = await chat.post({ ...where, from: null, type: "invoke", name: "adaptiveCard/action" });
    assert.equal(anonymous.status, 400);
    assert.match(JSON.stringify(anonymous.body), /not a Bot Framework activity: from/);
    assert.equal((await chat.post([])).status, 400);
    assert.equal(connector.sent.length, sentBefore);
  });

  it(`answers ${OTHER_CASES} other malformed activities without a fault or an apology`, async () => {
    const types = [
      "message",
      "conversationUpdate",
      "installationUpdate",
      "messageReaction",
      "event",
      "invoke",
    ];
    const names = [undefined, "task/fetch", "signin/verifyState", "fileConsent/invoke", "healthCheck", "x"];
    const fields = [
      "value",
      "text",
      "membersAdded",
      "membersRemoved",
      "reactionsAdded",
      "action",
      "channelData",
    ];
    const sentBefore = connector.sent.length;
    const loggedBefore = service.logLines.length;
    const failures: string[] = [];
    const cases = Array.from({ length: OTHER_CASES }, (_, n) => {
      const from = r.pick(PRESSERS);
      const activity: Record<string, unknown> = {
        ...(r.next() < 0.5 ? chat.inPersonal(from) : chat.inChannel(from)),
        type: r.pick(types),
        name: r.pick(names),
      };
      for (const field of fields) if (r.next() < 0.4) activity[field] = hostileValue(r);
      return { n, activity };
    });
    await inPool(cases, 4, async ({ n, activity }) => {
      const res = await chat.post(activity);
      if (res.status >= 500)
        failures.push(`case ${n}: ${res.status} ${JSON.stringify(activity).slice(0, 300)}`);
    });
    await service.noticesDelivered();
    const apologies = connector.sent
      .slice(sentBefore)
      .filter((s) => APOLOGY.test(JSON.stringify(s.activity)));
    const faults = service.logLines
      .slice(loggedBefore)
      .filter((l) => /"level":50/.test(l))
      .map((l) => l.slice(0, 300));
    assert.deepEqual(
      { failures, apologies: apologies.length, faults },
      { failures: [], apologies: 0, faults: [] },
    );
  });

  it(`answers ${CASES} malformed presses across every verb in words, changing nothing`, async () => {
    console.log(`    fuzz seed ${r.seed} (FUZZ_SEED=${r.seed} replays it)`);
    const token = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const list = await call<{ referrals: { id: string }[] }>(service, `/api/panels/${PANEL}/referrals`, {
      token,
    });
    const referralId = list.body.referrals[0]?.id ?? randomUUID();
    const detail = await call<{ version: string }>(service, `/api/panels/${PANEL}/referrals/${referralId}`, {
      token,
    });
    const recorded = await call<{ action: { id: string; version: string } }>(
      service,
      `/api/panels/${PANEL}/meetings/2026-11-05/actions`,
      {
        token,
        body: {
          title: "Share the school plan",
          text: "Share the school plan with the panel.",
          ownerId: PEOPLE.mertonNurse.id,
          dueDate: "2026-12-10",
        },
      },
    );
    assert.equal(recorded.status, 201, recorded.text);
    const done = await call(service, `/api/panels/${PANEL}/actions/${recorded.body.action.id}/done`, {
      token,
      ifMatch: recorded.body.action.version,
      body: {},
    });
    assert.equal(done.status, 200, done.text);
    const known = { referralId, version: detail.body.version, doneActionId: recorded.body.action.id };
    const verbs = Object.values(VERBS).flatMap((group) => Object.values(group) as string[]);

    const cases = Array.from({ length: CASES }, (_, i) => {
      const verb = verbs[i % verbs.length] as string;
      const from = r.pick(PRESSERS);
      const where = r.next() < 0.7 ? chat.inPersonal(from) : chat.inChannel(from);
      const data = mutate(r, baseData(verb, known));
      const action = { type: "Action.Execute", verb, data };
      const value = ((): unknown => {
        switch (r.int(20)) {
          case 0:
            return {};
          case 1:
            return { action: null };
          case 2:
            return "a string";
          case 3:
            return { action: { ...action, verb: `${verb}.forged` } };
          case 4:
            return { action: { ...action, type: "Action.Submit" } };
          case 5:
            return { action: { ...action, verb: r.pick([null, 7, "x".repeat(100 * 1024)]) } };
          default:
            return { action };
        }
      })();
      const activity: Record<string, unknown> = {
        ...where,
        type: "invoke",
        name: "adaptiveCard/action",
        value,
      };
      if (r.int(15) === 0) activity[r.pick(["from", "conversation", "recipient"])] = r.pick([null, "x", {}]);
      return { n: i, verb, activity };
    });

    const before = await snapshotTables();
    const sentBefore = connector.sent.length;
    const loggedBefore = service.logLines.length;
    const failures: string[] = [];
    const started = Date.now();
    await inPool(cases, 4, async ({ n, verb, activity }) => {
      const res = await chat.post(activity);
      const body = res.body as
        { statusCode?: number; value?: unknown; error?: { message?: unknown } } | undefined;
      const said = `case ${n} (${verb}): ${res.status} ${JSON.stringify(body)?.slice(0, 200)}`;
      if (res.status >= 500) failures.push(said);
      else if (res.status === 200) {
        if (!body || (body.statusCode ?? 0) >= 500) failures.push(said);
        else if (body.statusCode !== 200) failures.push(said);
      } else if (typeof body?.error?.message !== "string" || !body.error.message) failures.push(said);
    });
    await service.noticesDelivered();
    const seconds = (Date.now() - started) / 1000;
    console.log(`    sent ${CASES} presses over ${seconds.toFixed(1)} s`);

    const apologies = connector.sent
      .slice(sentBefore)
      .filter((s) => APOLOGY.test(JSON.stringify(s.activity)));
    const faults = service.logLines.slice(loggedBefore).filter((l) => /"level":50/.test(l));
    // Pressing a button in a channel may open the presser's personal chat, which is remembered,
    // and notices waiting for that chat are then tried and cleared.
    const changed = changedRows(
      before,
      await snapshotTables(),
      (key, how) => key.startsWith("Conversations|") || (key.includes("|notice|") && how !== "added"),
    );
    assert.deepEqual(
      { failures, apologies: apologies.length, faults: faults.map((l) => l.slice(0, 300)), changed },
      { failures: [], apologies: 0, faults: [], changed: [] },
      `seed ${r.seed}`,
    );
  });
});
