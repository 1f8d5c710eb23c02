import { loadSettings } from "../../bot/src/settings.js";
import { startService } from "../../bot/src/service.js";

// One instance of the service as its own process, so a test can run several against one Azurite
// and kill one outright. Its clock starts at TEST_NOW and runs at the real pace from there.
// SWEEP_REMINDERS=false keeps it from sweeping the shared Azurite's reminders on its own clock.

const startsAt = Date.parse(process.env["TEST_NOW"] ?? "");
if (Number.isNaN(startsAt)) throw new Error("TEST_NOW must be an ISO date and time");
const offset = startsAt - Date.now();
const service = await startService(loadSettings(process.env), {
  now: () => new Date(Date.now() + offset),
  sweepOnTimer: process.env["SWEEP_REMINDERS"] !== "false",
  // These instances test reminders and crashes: report figures and audit moves would only add to
  // the shared Azurite's load.
  figuresOnTimer: false,
  partitionMovesOnTimer: false,
});
console.log(`instance ${service.instance} listening at ${service.url}`);
