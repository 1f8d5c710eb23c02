import { DEMO_AREA_ADMINISTRATORS } from "../../bot/src/seed/demo-people.js";
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";

const BIN = path.resolve("node_modules/.bin");

export const AZURITE_ACCOUNT_KEY =
  "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

/** Azurite's tables, and its blobs when their port is given (the service keeps documents there). */
export const azuriteConnectionString = (port: number, blobPort?: number): string =>
  `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${AZURITE_ACCOUNT_KEY};TableEndpoint=http://127.0.0.1:${port}/devstoreaccount1;${blobPort ? `BlobEndpoint=http://127.0.0.1:${blobPort}/devstoreaccount1;` : ""}`;

export interface Child {
  name: string;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts a child process, keeps the tail of its output for error messages, and stops it with its group. */
export function startChild(
  name: string,
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; echo?: boolean } = {},
): Child {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let tail = "";
  const keep = (chunk: Buffer): void => {
    tail = (tail + chunk.toString()).slice(-8000);
    if (options.echo) process.stdout.write(chunk.toString().replace(/^(?=.)/gm, `[${name}] `));
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return {
    name,
    process: child,
    output: () => tail,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      try {
        process.kill(-(child.pid ?? 0), "SIGTERM");
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-(child.pid ?? 0), "SIGKILL");
        } catch {
          /* already gone */
        }
      }, 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** Waits until a URL answers at all (any HTTP status), or fails with the child's last output. */
export async function waitForHttp(url: string, child: Child | undefined, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.process.exitCode !== null) {
      throw new Error(`${child.name} stopped before it was ready:\n${child.output()}`);
    }
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(
    `${child?.name ?? url} did not answer at ${url} within ${timeoutMs / 1000} s.\n${child?.output() ?? ""}`,
  );
}

export function startAzurite(port: number, location: string | "memory", echo = false): Child {
  const storage = location === "memory" ? ["--inMemoryPersistence"] : ["--location", location];
  return startChild(
    "azurite",
    path.join(BIN, "azurite-table"),
    [
      "--tableHost",
      "127.0.0.1",
      "--tablePort",
      String(port),
      "--skipApiVersionCheck",
      "--disableTelemetry",
      ...storage,
    ],
    { echo },
  );
}

/** Azurite's blob service, where the service keeps documents attached to referrals and cases. */
export function startAzuriteBlob(port: number, location: string | "memory", echo = false): Child {
  const storage = location === "memory" ? ["--inMemoryPersistence"] : ["--location", location];
  return startChild(
    "azurite-blob",
    path.join(BIN, "azurite-blob"),
    [
      "--blobHost",
      "127.0.0.1",
      "--blobPort",
      String(port),
      "--skipApiVersionCheck",
      "--disableTelemetry",
      ...storage,
    ],
    { echo },
  );
}

export function startPlayground(port: number, botEndpoint: string, cwd: string, echo = false): Child {
  return startChild(
    "playground",
    process.execPath,
    [
      "--import",
      pathToFileURL(path.resolve("scripts/lib/loopback-only.mjs")).href,
      path.resolve("node_modules/@microsoft/m365agentsplayground/cli.js"),
      ...["start", "-e", botEndpoint, "-c", "msteams", "-p", String(port), "--disable-telemetry"],
    ],
    { cwd, echo, env: { BROWSER: "none" } },
  );
}

/** The settings `npm start` runs the service with: everything local, demo sign-in on. */
export function localServiceEnv(ports: {
  service: number;
  azurite: number;
  azuriteBlob: number;
  graph?: number;
}): Record<string, string> {
  return {
    APP_ENV: "local",
    PORT: String(ports.service),
    HOST: "127.0.0.1",
    PUBLIC_URL: `http://localhost:${ports.service}`,
    STORAGE_CONNECTION_STRING: azuriteConnectionString(ports.azurite, ports.azuriteBlob),
    // Nothing scans uploads on this machine: they are taken as clean at once.
    DOCUMENT_SCAN: "none",
    DEV_SIGN_IN: "true",
    SEED_DEMO_DATA: "true",
    AREA_ADMINISTRATORS: DEMO_AREA_ADMINISTRATORS,
    ...(ports.graph ? { GRAPH_AUTH: "development", GRAPH_BASE_URL: `http://127.0.0.1:${ports.graph}` } : {}),
  };
}
