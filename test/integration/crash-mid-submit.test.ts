import assert from "node:assert/strict";
import { auditOfArea } from "../support/audit.js";
import { randomUUID } from "node:crypto";
import { areaRecords } from "../../bot/src/adapters/tables/area-records.js";
import { keyOf } from "../../bot/src/adapters/tables/entity-store.js";
import { tableFactory } from "../../bot/src/adapters/tables/storage.js";
import { startChild, waitForHttp, type Child } from "../../scripts/lib/processes.js";
import { azurite } from "../support/azurite.js";
import { call } from "../support/http.js";
import { forgetMertonReferrals } from "../support/forget-referrals.js";
import { PEOPLE } from "../support/people.js";
import { mertonChild } from "../support/referral-forms.js";
import { relay, type Relay } from "../support/relay.js";
import { startTestService, testEnvironment } from "../support/service.js";

// A stream of referral forms to a service that is killed outright part-way through and started
// again. The client sends each form until it is answered, with the same form id, as Teams does
// after a dropped connection: every form answered is stored, and none is stored twice. The kill
// comes once the service has stored a form whose answer the network still holds, so at least one
// form is stored but never answered before the restart.

const PANEL = "merton-pre-mace";
const FORMS = 60;
// Submitters at once: enough to have several forms in flight when the service dies.
const SUBMITTERS = 4;
const KILL_AFTER = 20;

interface Sent {
  formId: string;
  /** The reference the first answer gave, and whether that answer said it was new. */
  reference?: string;
  created?: boolean;
  /** Whether a send of it was cut off by the kill. */
  interrupted: boolean;
}

describe("The service killed in the middle of a stream of referrals", function () {
  this.timeout(60_000);
  let env: Record<string, string>;
  let instance: Child | undefined;
  let network: Relay;
  const forms: Sent[] = Array.from({ length: FORMS }, () => ({ formId: randomUUID(), interrupted: false }));

  const start = (): Child =>
    startChild("service", process.execPath, ["--import", "tsx", "test/support/service-instance.ts"], {
      env: {
        ...env,
        SEED_DEMO_DATA: "false",
        SWEEP_REMINDERS: "false",
        LOG_LEVEL: "warn",
        TEST_NOW: "2028-02-14T10:00:00Z",
      },
    });

  before(async () => {
    // The demo data is made on the suites' clock before the service is started on its own.
    await (await startTestService()).close();
    env = await testEnvironment();
    instance = start();
    await waitForHttp(`${env["PUBLIC_URL"]}/`, instance);
    network = await relay(() => env["PUBLIC_URL"] ?? "");
  });
  after(async () => {
    await network.close();
    await instance?.stop();
    await forgetMertonReferrals(forms.map((f) => f.formId));
  });

  // The demo sign-in's key is made at start-up: after a restart the client signs in again.
  let token = "";
  const signIn = async () => {
    const res = await call<{ token: string }>(network, "/dev-idp/token", {
      body: { personId: PEOPLE.mertonSocialWorker.id },
    });
    if (res.status === 200) token = res.body.token;
  };
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  let inFlight = 0;
  let busy = 0;

  /** Sends a form until the service answers it; a dropped connection or a busy answer is retried. */
  async function submit(form: Sent, deadline: number): Promise<{ status: number; reference: string }> {
    for (;;) {
      assert.ok(Date.now() < deadline, `${form.formId} was not answered in time`);
      let res;
      inFlight++;
      try {
        res = await call<{ reference: string; error?: { code: string } }>(
          network,
          `/api/panels/${PANEL}/referrals`,
          {
            token,
            body: { kind: "individual", formId: form.formId, values: mertonChild("Wren Crashcase") },
          },
        );
      } catch {
        form.interrupted = true;
        await pause(100);
        continue;
      } finally {
        inFlight--;
      }
      if (res.status === 401) await signIn();
      else if (res.status === 409 && res.body.error?.code === "busy") {
        busy++;
        await pause(50);
      } else {
        assert.ok(res.status === 200 || res.status === 201, `${res.status} ${res.text}`);
        return { status: res.status, reference: res.body.reference };
      }
    }
  }

  it(`stores each of ${FORMS} forms once, with a reference of its own, although the service was killed after ${KILL_AFTER}`, async () => {
    const { connectionString } = await azurite();
    const tables = tableFactory({ kind: "connection-string", connectionString });
    const records = areaRecords(tables);
    const stored = () => records.referrals.listRange(keyOf("merton"), `referral|${PANEL}|`);
    const othersBefore = (await stored()).length;
    await signIn();
    const deadline = Date.now() + 40_000;
    let acknowledged = 0;
    const kill = { inFlight: 0, unanswered: 0 };
    let restarted: Promise<void> | undefined;
    const queue = [...forms];
    const submitter = async () => {
      for (let form = queue.shift(); form; form = queue.shift()) {
        const { status, reference } = await submit(form, deadline);
        form.reference = reference;
        form.created = status === 201;
        if (++acknowledged !== KILL_AFTER) continue;
        // Killed once a form is stored with its answer held back, then started on the same port.
        const victim = instance?.process;
        assert.ok(victim?.pid, "the service is running");
        const pid = victim.pid;
        restarted = (async () => {
          await network.hold(5_000);
          kill.inFlight = inFlight;
          const exited = new Promise((resolve) => victim.once("exit", resolve));
          process.kill(-pid, "SIGKILL");
          await exited;
          kill.unanswered = network.dropHeld();
          instance = start();
        })();
      }
    };
    await Promise.all(Array.from({ length: SUBMITTERS }, submitter));
    await restarted;

    const interrupted = forms.filter((f) => f.interrupted);
    // A form cut off after it was stored is answered as the one already made.
    const storedBeforeTheKill = interrupted.filter((f) => f.created === false).length;
    console.log(
      `      crash mid-submit: ${FORMS} forms, ${SUBMITTERS} at once; killed after ${KILL_AFTER} answers with ${kill.inFlight} forms in flight, ` +
        `${kill.unanswered} of them stored but not answered; ${interrupted.length} sent again after the restart, ` +
        `${storedBeforeTheKill} answered as already stored; ${busy} busy answers sent again.`,
    );
    assert.ok(kill.unanswered > 0, "the kill came after a form was stored and before it was answered");
    // Each answer the network held was of a stored form. A form the service had stored but not yet
    // answered when it died is one more; neither can be more than the forms in flight.
    assert.ok(
      storedBeforeTheKill >= kill.unanswered && storedBeforeTheKill <= kill.inFlight,
      `${storedBeforeTheKill} answered as already stored, ${kill.unanswered} held, ${kill.inFlight} in flight`,
    );

    // Teams sends an answered form again: the same referral comes back.
    for (const form of forms) {
      const again = await submit({ ...form }, deadline);
      assert.deepEqual([again.status, again.reference], [200, form.reference]);
    }

    const all = (await stored()).map((r) => r.value);
    const ours = all.filter((r) => forms.some((f) => f.formId === r.id));
    assert.equal(all.length, othersBefore + FORMS, "nothing stored besides the forms sent");
    assert.deepEqual(ours.map((r) => r.id).sort(), forms.map((f) => f.formId).sort());
    for (const form of forms)
      assert.equal(ours.find((r) => r.id === form.formId)?.reference, form.reference, form.formId);
    const references = all.map((r) => r.reference);
    assert.equal(new Set(references).size, references.length, "every reference is unique");
    const created = (await auditOfArea(tables, "merton"))
      .map((a) => a.value)
      .filter((a) => a.action === "referral.created" && forms.some((f) => f.formId === a.referralId));
    assert.equal(created.length, FORMS, "one audit entry of each referral made");
  });
});
