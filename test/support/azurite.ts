import {
  azuriteConnectionString,
  freePort,
  startAzurite,
  waitForHttp,
  type Child,
} from "../../scripts/lib/processes.js";

// Mocha may load this module twice (its root hooks through require, the suites through import),
// so the one running instance is kept on the global object.
type Running = Promise<{ child: Child; connectionString: string }>;
const shared = globalThis as { __maceAzurite?: Running | undefined };

/** One real Azurite (tables, in memory) on a free port, shared by every suite in the run. */
export function azurite(): Promise<{ connectionString: string }> {
  shared.__maceAzurite ??= (async () => {
    const port = await freePort();
    const child = startAzurite(port, "memory");
    await waitForHttp(`http://127.0.0.1:${port}/`, child);
    return { child, connectionString: azuriteConnectionString(port) };
  })();
  return shared.__maceAzurite;
}

export async function stopAzurite(): Promise<void> {
  const running = shared.__maceAzurite;
  shared.__maceAzurite = undefined;
  if (running) await (await running).child.stop();
}
