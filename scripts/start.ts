import { mkdirSync } from "node:fs";
import path from "node:path";
import {
  localServiceEnv,
  portIsFree,
  startAzurite,
  startAzuriteBlob,
  startChild,
  startPlayground,
  waitForHttp,
  type Child,
} from "./lib/processes.js";
import { startGraphServer, type GraphServer } from "./dev-kit/graph-stand-in/index.js";

// `npm start`: Azurite, the local Graph stand-in, the service and the Agents Playground on this
// machine, with demo data.
const inMemory = process.argv.includes("--in-memory");
const ports = { service: 3978, azurite: 10002, azuriteBlob: 10000, playground: 56150, graph: 10050 };
const children: Child[] = [];
let graph: GraphServer | undefined;

const step = (text: string): void => console.log(`• ${text}`);

/** When the owner is sent a new action's card, said as it is true now in the UK. */
function remindersNow(): string {
  const fromHour = Number(process.env["REMINDERS_FROM_HOUR"] ?? 9);
  const hour = Number(
    new Intl.DateTimeFormat("en-GB", { hour: "2-digit", hourCycle: "h23", timeZone: "Europe/London" }).format(
      new Date(),
    ),
  );
  const from = `${String(fromHour).padStart(2, "0")}:00`;
  return hour < fromHour
    ? `It is before ${from} UK time: reminders and new actions' cards\n     go from ${from}, at the first sweep after it.`
    : `Cards go at the next reminder sweep (every five minutes),\n     from ${from} UK time.`;
}

let stopping = false;
async function stopAll(code: number): Promise<never> {
  stopping = true;
  for (const child of [...children].reverse()) await child.stop();
  await graph?.close();
  process.exit(code);
}
process.on("SIGINT", () => {
  console.log("\nStopping…");
  void stopAll(0);
});
process.on("SIGTERM", () => void stopAll(0));

try {
  for (const [name, port] of Object.entries(ports)) {
    if (!(await portIsFree(port))) {
      throw new Error(
        `Port ${port} (${name}) is already in use. Stop whatever is using it (perhaps an earlier npm start) and try again.`,
      );
    }
  }

  step("Building the tab…");
  await new Promise<void>((resolve, reject) => {
    const build = startChild("build", process.execPath, ["--import", "tsx", "scripts/build-tab.ts"]);
    build.process.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`The tab did not build:\n${build.output()}`)),
    );
  });

  const dataDir = path.resolve(".data/azurite");
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  step(
    `Starting Azurite (tables) on port ${ports.azurite}${inMemory ? ", in memory" : `, data in ${dataDir}`}…`,
  );
  const azurite = startAzurite(ports.azurite, inMemory ? "memory" : dataDir);
  children.push(azurite);
  await waitForHttp(`http://127.0.0.1:${ports.azurite}/`, azurite);
  step(`Starting Azurite (blobs, for attached documents) on port ${ports.azuriteBlob}…`);
  const blobs = startAzuriteBlob(ports.azuriteBlob, inMemory ? "memory" : dataDir);
  children.push(blobs);
  await waitForHttp(`http://127.0.0.1:${ports.azuriteBlob}/`, blobs);

  step(
    `Starting the local Microsoft Graph stand-in (calendars and the directory, in memory) on port ${ports.graph}…`,
  );
  // One seeded panel's series get Teams' short join links, which name no chat, as many now do.
  graph = await startGraphServer({ port: ports.graph, shortJoinLinks: ["Tamworth District MACE panel"] });
  // It accepts the delegated tokens the service's development sign-in issues.
  graph.trust({
    issuer: `http://localhost:${ports.service}/dev-idp`,
    jwksUri: `http://127.0.0.1:${ports.service}/dev-idp/keys`,
  });

  step(`Starting the service on port ${ports.service} (seeding the panel catalogue and demo people)…`);
  const service = startChild("service", process.execPath, ["--import", "tsx", "bot/src/main.ts"], {
    env: { ...localServiceEnv(ports), LOG_LEVEL: process.env["LOG_LEVEL"] ?? "info" },
    echo: true,
  });
  children.push(service);
  await waitForHttp(`http://127.0.0.1:${ports.service}/healthz`, service);

  step(`Starting the Microsoft 365 Agents Playground on port ${ports.playground}…`);
  const playground = startPlayground(
    ports.playground,
    `http://127.0.0.1:${ports.service}/api/messages`,
    process.cwd(),
  );
  children.push(playground);
  await waitForHttp(`http://127.0.0.1:${ports.playground}/`, playground);

  console.log(`
MACE panels is running locally.

  Teams chat (Agents Playground)  http://localhost:${ports.playground}
  Tab                             http://localhost:${ports.service}/tab/
  Health                          http://localhost:${ports.service}/healthz

Try first:
  1. In the playground, type "help" to the bot, then "panels".
  2. Type "refer" and make a referral to the Merton pre-MACE panel; the form checks the panel's rules.
  3. Type "referrals": as Priya Okafor, the Merton coordinator, you can accept, question or decline each one.
  4. Open the tab, sign in as Priya Okafor and open "Referrals" on the Pre-MACE panel.
  5. In the tab, open "Meetings" on the Pre-MACE panel and select "Schedule in Teams": the series
     goes into the local Graph stand-in, and each meeting shows its join link.
  6. Type "action" to record an action from a meeting; its owner can type "done" and its
     reference at once. ${remindersNow()}
  7. Only on a meeting's day, type "sign in"; the agenda page's "The meeting" section shows
     quorum, takes each case's decision (signed in, on the day) and shows the minutes.
  8. Every person, child and place here is invented demo data.

Press Ctrl-C to stop everything.`);

  for (const child of children) {
    child.process.once("exit", (code) => {
      if (stopping) return;
      console.error(
        `\n${child.name} stopped unexpectedly (exit code ${code}). Stopping the rest.\n${child.output().slice(-2000)}`,
      );
      void stopAll(1);
    });
  }
} catch (e) {
  console.error(`\nCould not start: ${(e as Error).message}`);
  await stopAll(1);
}
