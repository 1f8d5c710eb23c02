import assert from "node:assert/strict";
import { startChild, waitForHttp, type Child } from "../../scripts/lib/processes.js";
import { reminderDeliveries } from "../../bot/src/adapters/tables/reminder-deliveries.js";
import { tableFactory, TABLES } from "../../bot/src/adapters/tables/storage.js";
import { azurite } from "../support/azurite.js";
import { recordingConnector, type RecordingConnector } from "../support/connector.js";
import { call } from "../support/http.js";
import { PEOPLE } from "../support/people.js";
import { signInAs, startTestService, testEnvironment } from "../support/service.js";
import { teamsChat, teamsUser, texts } from "../support/teams-chat.js";

// Three instances of the service, each its own process, sweep reminders against one Azurite. Each
// new action is sent exactly once: the lease lets one sweep at a time, and the instance that was
// sending when it was killed leaves a claim that another takes over once the lease has run out.

const PANEL = "lambeth-mave";
const MEETING = "2027-06-08";
const OWNERS = [PEOPLE.lambethCoordinator, PEOPLE.lambethPractitioner, PEOPLE.lambethManager].map(teamsUser);
// Long enough that half of it outlasts a send (a third of it) even on a busy machine.
const LEASE_SECONDS = 10;
const ACTIONS = 12;

const isNewActionCard = (activity: Record<string, unknown>) =>
  texts(activity["attachments"]).some((t) => t.startsWith("New action for you: "));

describe("The reminder sweep across three service instances", function () {
  this.timeout(120_000);
  let connector: RecordingConnector;
  const instances: Child[] = [];
  const references: string[] = [];

  before(async () => {
    connector = await recordingConnector();
    // The actions are recorded through one instance, which then stops.
    const recorder = await startTestService({}, { now: () => new Date(`${MEETING}T14:00:00Z`) });
    const chat = teamsChat(
      () => recorder.url,
      () => connector.url,
      "19:unused@thread.tacv2",
    );
    for (const owner of OWNERS) await chat.say(chat.inPersonal(owner), "help");
    const token = await signInAs(recorder, PEOPLE.lambethCoordinator.id);
    for (let i = 0; i < ACTIONS; i++) {
      const owner = OWNERS[i % OWNERS.length];
      const res = await call<{ action: { reference: string } }>(
        recorder,
        `/api/panels/${PANEL}/meetings/${MEETING}/actions`,
        {
          token,
          body: {
            title: `Follow-up number ${i + 1}`,
            text: `Follow-up number ${i + 1}, in full.`,
            ownerId: owner?.aadObjectId,
          },
        },
      );
      assert.equal(res.status, 201);
      references.push(res.body.action.reference);
    }
    await recorder.close();
  });

  after(async () => {
    connector.dropHeld();
    await Promise.all(instances.map((i) => i.stop()));
    await connector.close();
    // The killed instance's lease runs on this suite's clock: other suites' clocks must not wait on it.
    const { connectionString } = await azurite();
    await tableFactory({ kind: "connection-string", connectionString })(TABLES.actionsDue)
      .deleteEntity("lease", "reminder-sweep")
      .catch(() => undefined);
  });

  it("sends each of 12 new actions exactly once, also when the instance sending them is killed mid-sweep", async () => {
    const { connectionString } = await azurite();
    // The fifth message is held unanswered: its instance has claimed it and is waiting on Teams.
    const fifthArrived = connector.hold(isNewActionCard, 5);
    const deliveries = reminderDeliveries(tableFactory({ kind: "connection-string", connectionString }));
    const ready: Promise<void>[] = [];
    // All three start at once and race for the lease.
    for (let n = 0; n < 3; n++) {
      const env = await testEnvironment();
      const child = startChild(
        "service",
        process.execPath,
        ["--import", "tsx", "test/support/service-instance.ts"],
        {
          env: {
            ...env,
            SEED_DEMO_DATA: "false",
            LOG_LEVEL: "warn",
            REMINDER_SWEEP_SECONDS: "1",
            REMINDER_LEASE_SECONDS: String(LEASE_SECONDS),
            TEST_NOW: `${MEETING}T15:00:00Z`,
          },
        },
      );
      instances.push(child);
      // One may be killed before it answers: that is seen below, by what it sent and who is left.
      ready.push(waitForHttp(`${env["PUBLIC_URL"]}/`, child).catch(() => undefined));
    }
    // Killed the moment its send reaches Teams, before Teams answers (or the send times out).
    await fifthArrived;
    const holder = await deliveries.leaseHolder("reminder-sweep");
    const pid = Number(holder?.holder.split(":")[1]);
    const victim = instances.find((i) => i.process.pid === pid);
    assert.ok(victim, `the lease holder ${holder?.holder} is one of the instances`);
    process.kill(pid, "SIGKILL");
    await new Promise((resolve) => victim.process.once("exit", resolve));
    connector.dropHeld();
    await Promise.all(ready);

    const sentCards = () => connector.sent.filter((s) => isNewActionCard(s.activity));
    const deadline = Date.now() + 60_000 + LEASE_SECONDS * 1000;
    while (sentCards().length < ACTIONS && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 250));
    // A few more sweeps by the survivors, to see that nothing is sent twice.
    await new Promise((r) => setTimeout(r, 4_000));

    const sent = sentCards().map((s) =>
      texts(s.activity["attachments"])[0]?.replace("New action for you: ", ""),
    );
    assert.equal(sent.length, ACTIONS, `sent: ${sent.join(", ")}`);
    assert.deepEqual([...sent].sort(), [...references].sort());
    assert.ok(
      instances.filter((i) => i.process.exitCode === null && i.process.signalCode === null).length === 2,
      "two instances are still running",
    );
  });
});
