import { once } from "node:events";
import { createServer, type Server } from "node:http";
import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import { DEV_TENANT_ID } from "../../bot/src/settings.js";
import {
  azuriteConnectionString,
  freePort,
  localServiceEnv,
  startAzurite,
  startAzuriteBlob,
  startChild,
  waitForHttp,
  type Child,
} from "../../scripts/lib/processes.js";
import { botFrameworkKeys } from "../../test/support/bot-framework-keys.js";
import { compiledService } from "./compiled-service.js";
import { recordingConnector, type RecordingConnector } from "../../test/support/connector.js";
import { SERVICE_NODE_FLAGS } from "../../scripts/lib/service-flags.js";

// Everything the load run talks to, on loopback: Azurite, Bot Framework's key publisher, the Teams
// connector the bot replies to, App Service's managed-identity endpoint (the bot's outgoing token),
// and the service itself as its own process, so its memory is not the generator's.

export const BOT_ID = "7d1e5c2a-4b6f-4e8a-9c3d-0a1b2c3d4e5f";

export interface Rig {
  serviceUrl: string;
  connector: RecordingConnector;
  azuriteConnection: string;
  /** Process ids, for the service's resident memory and each one's CPU time. */
  pids: { service: number; azurite: number };
  /** The service's output: its log, and V8's line for each garbage collection. */
  serviceOutput: Readable;
  /** A Bot Framework token for activities whose replies go to the connector. */
  botToken(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Stands in for App Service's managed-identity endpoint: the service runs as deployed
 * (BOT_TYPE UserAssignedMSI), and its token for the connector comes from here, not Entra ID.
 */
async function managedIdentityEndpoint(): Promise<{ url: string; secret: string; server: Server }> {
  const secret = randomUUID();
  const server = createServer((req, res) => {
    res.setHeader("content-type", "application/json");
    if (req.headers["x-identity-header"] !== secret) {
      res.statusCode = 401;
      res.end("{}");
      return;
    }
    const resource = new URL(req.url ?? "/", "http://localhost").searchParams.get("resource") ?? "";
    res.end(
      JSON.stringify({
        access_token: "bench-connector-token",
        expires_on: String(Math.floor(Date.now() / 1000) + 3600),
        resource,
        token_type: "Bearer",
        client_id: BOT_ID,
      }),
    );
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/msi/token`, secret, server };
}

/** Starts the rig; on failure, stops whatever had started before rethrowing. */
export async function startRig(): Promise<Rig> {
  const stops: (() => Promise<void>)[] = [];
  // Last started, first stopped; each once, should an interruption stop the rig a second time.
  const stop = async () => {
    for (let next = stops.pop(); next; next = stops.pop()) await next().catch(() => undefined);
  };
  try {
    const azuritePort = await freePort();
    const azurite: Child = startAzurite(azuritePort, "memory");
    stops.push(() => azurite.stop());
    await waitForHttp(`http://127.0.0.1:${azuritePort}/`, azurite);
    const blobPort = await freePort();
    const blobs: Child = startAzuriteBlob(blobPort, "memory");
    stops.push(() => blobs.stop());
    await waitForHttp(`http://127.0.0.1:${blobPort}/`, blobs);

    const keys = await botFrameworkKeys();
    stops.push(() => keys.close());
    const connector = await recordingConnector();
    stops.push(() => connector.close());
    const identity = await managedIdentityEndpoint();
    stops.push(() => new Promise((resolve) => identity.server.close(() => resolve())));

    const compiled = await compiledService();
    stops.push(async () => compiled.remove());
    const port = await freePort();
    const service = startChild(
      "service",
      process.execPath,
      ["--trace-gc", ...SERVICE_NODE_FLAGS, compiled.main],
      {
        env: {
          ...localServiceEnv({ service: port, azurite: azuritePort, azuriteBlob: blobPort }),
          BOT_ID,
          BOT_TYPE: "UserAssignedMSI",
          BOT_TENANT_ID: DEV_TENANT_ID,
          BOT_OPENID_METADATA_URL: keys.metadataUrl,
          IDENTITY_ENDPOINT: identity.url,
          IDENTITY_HEADER: identity.secret,
          // Every simulated user calls from 127.0.0.1; in Azure each has an address of their own.
          RATE_LIMIT_PER_ADDRESS: "100000",
          LOG_LEVEL: "info",
        },
      },
    );
    stops.push(() => service.stop());
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, service, 120_000);
    const { pid } = service.process;
    if (!pid || !azurite.process.pid || !service.process.stdout)
      throw new Error("a child process is missing");
    return {
      serviceUrl: `http://127.0.0.1:${port}`,
      connector,
      azuriteConnection: azuriteConnectionString(azuritePort),
      pids: { service: pid, azurite: azurite.process.pid },
      serviceOutput: service.process.stdout,
      botToken: () => keys.sign({ aud: BOT_ID, serviceurl: connector.url }),
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
