import {
  azuriteConnectionString,
  freePort,
  startAzurite,
  startAzuriteBlob,
  waitForHttp,
  type Child,
} from "../../scripts/lib/processes.js";

// Mocha may load this module twice (its root hooks through require, the suites through import),
// so the one running instance is kept on the global object.
type Running = Promise<{ children: Child[]; connectionString: string }>;
const shared = globalThis as { __maceAzurite?: Running | undefined };

/** One real Azurite (tables and blobs, in memory) on free ports, shared by every suite in the run. */
export function azurite(): Promise<{ connectionString: string }> {
  shared.__maceAzurite ??= (async () => {
    const [port, blobPort] = [await freePort(), await freePort()];
    const tables = startAzurite(port, "memory");
    const blobs = startAzuriteBlob(blobPort, "memory");
    await Promise.all([
      waitForHttp(`http://127.0.0.1:${port}/`, tables),
      waitForHttp(`http://127.0.0.1:${blobPort}/`, blobs),
    ]);
    return { children: [tables, blobs], connectionString: azuriteConnectionString(port, blobPort) };
  })();
  return shared.__maceAzurite;
}

export async function stopAzurite(): Promise<void> {
  const running = shared.__maceAzurite;
  shared.__maceAzurite = undefined;
  if (running) await Promise.all((await running).children.map((c) => c.stop()));
}
