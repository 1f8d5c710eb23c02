import assert from "node:assert/strict";
import { DeliveryFailed } from "../../../bot/src/application/ports/messengers.js";
import { demoActor } from "../../support/people.js";
import { actionLog, fakePorts, reminderSweep, type FakePorts } from "../../support/fakes/index.js";

// The reminder sweep on fakes: actions recorded at the Strategic MACE on 18 February 2027 (due
// 4 March) are sent to their owners, reminded, retried when Teams is busy, and escalated.

const PANEL = "merton-strategic-mace";
const MEETING = "2027-02-18";
const priya = demoActor("Priya Okafor");
const hannah = demoActor("Hannah Reyes");
const owen = demoActor("Owen Brathwaite");
const tom = demoActor("Tom Ashworth");
const personal = (p: { id: string }) => ({ scope: "personal" as const, personId: p.id });
const channel = { scope: "channel" as const, panelId: PANEL };
const quiet = { swept: true, sent: 0, retrying: 0, undeliverable: 0 };

describe("Sending action reminders", () => {
  let ports: FakePorts;
  const record = async (owner: { id: string }, title: string) =>
    actionLog(ports).create(
      priya,
      PANEL,
      MEETING,
      { subjectId: null, title, text: `${title}, in full.`, ownerId: owner.id, dueDate: null },
      "test",
    );
  /** The claim of one message, as stored for the sweep. */
  const claimOf = async (on: string, target: string) =>
    (await ports.deliveries.dateOf(on)).deliveries.find((d) => d.value.target === target)?.value;

  beforeEach(() => {
    ports = fakePorts(`${MEETING}T15:00:00Z`);
  });

  it("sends a new action once to its owner's chat, or the channel when they have none, and each reminder once to both", async () => {
    ports.reminders.reach(personal(hannah), channel);
    const forHannah = await record(hannah, "Map the hotspot data");
    const forOwen = await record(owen, "Brief the school leads");
    const sweep = reminderSweep(ports);
    assert.deepEqual(await sweep.sweep(), { ...quiet, sent: 2 });
    assert.deepEqual(await sweep.sweep(), quiet);

    ports.clock.set("2027-03-01T10:00:00Z");
    assert.deepEqual(await sweep.sweep(), { ...quiet, sent: 3 });
    assert.deepEqual(await sweep.sweep(), quiet);
    assert.deepEqual(ports.reminders.deliveries(), [
      `assigned ${forHannah.reference} to personal:${hannah.id}`,
      `assigned ${forOwen.reference} to channel:${PANEL}`,
      `reminder ${forHannah.reference} to personal:${hannah.id}`,
      `reminder ${forHannah.reference} to channel:${PANEL}`,
      // Owen has no chat with the app: his reminder goes to the channel only.
      `reminder ${forOwen.reference} to channel:${PANEL}`,
    ]);
    assert.deepEqual((await ports.deliveries.messagesAbout(forHannah.id)).map((m) => m.scope).sort(), [
      "channel",
      "personal",
      "personal",
    ]);
  });

  it("a second instance sends nothing while the first holds the lease", async () => {
    ports.reminders.reach(personal(hannah));
    const action = await record(hannah, "Map the hotspot data");
    const send = ports.reminders.hold();
    const first = reminderSweep(ports, { instance: "instance-a" }).sweep();
    await send.arrived;
    const second = reminderSweep(ports, { instance: "instance-b" });
    assert.deepEqual(await second.sweep(), { ...quiet, swept: false });
    assert.equal((await ports.deliveries.leaseHolder("reminder-sweep"))?.holder, "instance-a");
    send.release();
    assert.deepEqual(await first, { ...quiet, sent: 1 });

    // The lease is given up at the end of a sweep: the second instance sweeps, and finds it sent.
    assert.deepEqual(await second.sweep(), quiet);
    assert.deepEqual(ports.reminders.deliveries(), [`assigned ${action.reference} to personal:${hannah.id}`]);
  });

  it("a lease left by an instance that stopped holds the others off until it runs out", async () => {
    ports.reminders.reach(personal(hannah));
    await record(hannah, "Map the hotspot data");
    await ports.deliveries.takeLease("reminder-sweep", "stopped-instance", ports.now(), 60_000);
    const sweep = reminderSweep(ports);
    assert.deepEqual(await sweep.sweep(), { ...quiet, swept: false });
    ports.clock.set(`${MEETING}T15:01:00Z`);
    assert.deepEqual(await sweep.sweep(), { ...quiet, sent: 1 });
  });

  it("retries a send Teams was too busy to take, waiting twice as long each time, and after six tries records it undeliverable", async () => {
    ports.reminders.reach(personal(hannah));
    ports.reminders.fail(personal(hannah), new DeliveryFailed(false, "Teams is too busy: try again later."));
    const action = await record(hannah, "Map the hotspot data");
    const sweep = reminderSweep(ports);
    const target = "personal";
    const waits: number[] = [];
    for (let attempt = 1; attempt < 6; attempt++) {
      assert.deepEqual(await sweep.sweep(), { ...quiet, retrying: 1 }, `attempt ${attempt}`);
      const claim = await claimOf(MEETING, target);
      assert.deepEqual([claim?.state, claim?.attempts], ["retry", attempt]);
      const retryAt = new Date(claim?.retryAt ?? "");
      waits.push((retryAt.getTime() - ports.now().getTime()) / 1000);
      // Not before its time.
      ports.clock.set(new Date(retryAt.getTime() - 1000).toISOString());
      assert.deepEqual(await sweep.sweep(), quiet);
      ports.clock.set(retryAt.toISOString());
    }
    assert.deepEqual(waits, [60, 120, 240, 480, 960]);
    assert.deepEqual(await sweep.sweep(), { ...quiet, undeliverable: 1 });
    assert.deepEqual(
      [(await claimOf(MEETING, target))?.state, (await claimOf(MEETING, target))?.attempts],
      ["undeliverable", 6],
    );
    assert.deepEqual(
      (await ports.deliveries.problemsOf("merton", PANEL)).map((p) => [
        p.reference,
        p.recipientName,
        p.place,
        p.reason,
      ]),
      [[action.reference, "Hannah Reyes", "personal", "Teams is too busy: try again later."]],
    );
    assert.deepEqual(await sweep.sweep(), quiet);
    assert.deepEqual(ports.reminders.sent, []);
  });

  it("records a send that trying again cannot help as undeliverable at once, and tries no more", async () => {
    ports.reminders.reach(personal(hannah));
    ports.reminders.fail(
      personal(hannah),
      new DeliveryFailed(true, "MACE panels has been removed from the person's chat."),
      1,
    );
    const action = await record(hannah, "Map the hotspot data");
    const sweep = reminderSweep(ports);
    assert.deepEqual(await sweep.sweep(), { ...quiet, undeliverable: 1 });
    assert.equal((await claimOf(MEETING, "personal"))?.attempts, 1);
    ports.clock.set(`${MEETING}T18:00:00Z`);
    assert.deepEqual(await sweep.sweep(), quiet);
    assert.deepEqual(
      (await ports.deliveries.problemsOf("merton", PANEL)).map((p) => [p.reference, p.reason]),
      [[action.reference, "MACE panels has been removed from the person's chat."]],
    );
  });

  it("escalates once to each chair, listing the panel's actions still open two working days after they were due", async () => {
    // A second chair, invented, to see that each is told.
    const vice = { id: "00000000-0000-4000-8000-000000000902", name: "Vic Invented-Chair" };
    ports.directory.seed(
      [
        {
          id: vice.id,
          displayName: vice.name,
          email: "vic@merton.example",
          jobTitle: "Vice-chair",
          agencyId: "mer-police",
        },
      ],
      [{ personId: vice.id, panelId: PANEL, role: "chair" }],
    );
    ports.reminders.reach(personal(tom), personal(vice));
    const forHannah = await record(hannah, "Map the hotspot data");
    const forOwen = await record(owen, "Brief the school leads");
    const done = await record(hannah, "Update the health pathway");
    await actionLog(ports).complete(hannah, "member", PANEL, done.id, "Sent.", done.version, "test");

    ports.clock.set("2027-03-08T10:00:00Z");
    const sweep = reminderSweep(ports);
    assert.deepEqual(await sweep.sweep(), { ...quiet, sent: 2 });
    assert.deepEqual(await sweep.sweep(), quiet);
    // The list is in the due index's order, which is the actions' ids: compared as a set.
    assert.deepEqual(
      ports.reminders.sent.map(({ place, content }) => [
        place.scope === "personal" && place.personId,
        content.type === "escalation" && content.actions.map((a) => a.reference).sort(),
      ]),
      [
        [tom.id, [forHannah.reference, forOwen.reference]],
        [vice.id, [forHannah.reference, forOwen.reference]],
      ],
    );
    // The owners have no chat and the panel no channel: the coordinators see the 4 March updates
    // request that could not be sent, once for each action.
    assert.deepEqual(
      (await ports.deliveries.problemsOf("merton", PANEL))
        .map((p) => [p.reference, p.id.split("|").slice(0, 2)])
        .sort(),
      [
        [forHannah.reference, ["2027-03-04", "updates-due"]],
        [forOwen.reference, ["2027-03-04", "updates-due"]],
      ],
    );
  });
});
