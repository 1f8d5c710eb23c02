import { Writable } from "node:stream";
import { loadSettings } from "../../bot/src/settings.js";
import { startService, type RunningService } from "../../bot/src/service.js";
import { freePort } from "../../scripts/lib/processes.js";
import { azurite } from "./azurite.js";
import { DEMO_AREA_ADMINISTRATORS } from "../../bot/src/seed/demo-people.js";
import { call } from "./http.js";

export interface TestService extends RunningService {
  logLines: string[];
}

/** The settings of a test instance of the service: a free loopback port, the shared Azurite. */
export async function testEnvironment(): Promise<Record<string, string>> {
  const { connectionString } = await azurite();
  const port = await freePort();
  return {
    APP_ENV: "test",
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    STORAGE_CONNECTION_STRING: connectionString,
    DOCUMENT_SCAN: "none",
    DEV_SIGN_IN: "true",
    LOG_LEVEL: "debug",
    AREA_ADMINISTRATORS: DEMO_AREA_ADMINISTRATORS,
  };
}

// The demo referrals take their meetings from the clock of the service that seeds them first, and
// every suite shares one Azurite: they are seeded once, on the suites' clock, before any suite's
// service starts, so no suite's result depends on which suite ran first.
export const SUITES_CLOCK = "2026-11-24T12:00:00Z";
const shared = globalThis as { __maceDemoSeeded?: Promise<void> };
const demoSeeded = (): Promise<void> =>
  (shared.__maceDemoSeeded ??= startOne({}, { now: () => new Date(SUITES_CLOCK) })
    .then((s) => s.close())
    .catch((e: unknown) => {
      // The next suite tries again rather than failing on this one's error.
      shared.__maceDemoSeeded = undefined;
      throw e;
    }));

type StartOptions = {
  now?: () => Date;
  sweepOnTimer?: boolean;
  reminderRetryBaseMs?: number;
  figuresOnTimer?: boolean;
  partitionMovesOnTimer?: boolean;
};

/** The real service on a free loopback port against the shared Azurite, with its log captured. */
export async function startTestService(
  env: Record<string, string> = {},
  options: StartOptions = {},
): Promise<TestService> {
  if (env["SEED_DEMO_DATA"] !== "false") await demoSeeded();
  return startOne(env, options);
}

async function startOne(env: Record<string, string>, options: StartOptions): Promise<TestService> {
  const settings = loadSettings({ ...(await testEnvironment()), SEED_DEMO_DATA: "true", ...env });
  const logLines: string[] = [];
  const logDestination = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(...chunk.toString().split("\n").filter(Boolean));
      done();
    },
  });
  // Tests sweep reminders, work out figures and move audit entries when they choose to, so one
  // suite's actions never surprise another's.
  const service = await startService(settings, {
    sweepOnTimer: false,
    figuresOnTimer: false,
    partitionMovesOnTimer: false,
    ...options,
    logDestination,
  });
  return Object.assign(service, { logLines });
}

/** A token from the development sign-in, for one of the demo people (see ./people.ts). */
export async function signInAs(service: TestService, personId: string): Promise<string> {
  const res = await call<{ token: string }>(service, "/dev-idp/token", { body: { personId } });
  if (res.status !== 200) throw new Error(`demo sign-in failed: ${res.status}`);
  return res.body.token;
}
