import { azuriteConnectionString, freePort, startAzurite, waitForHttp, type Child } from "../../scripts/lib/processes.js";

let running: Promise<{ child: Child; connectionString: string }> | undefined;

/** One real Azurite (tables, in memory) on a free port, shared by every suite in the run. */
export function azurite(): Promise<{ connectionString: string }> {
  running ??= (async () => {
    const port = await freePort();
    const child = startAzurite(port, "memory");
    await waitForHttp(`http://127.0.0.1:${port}/`, child);
    return { child, connectionString: azuriteConnectionString(port) };
  })();
  return running;
}

export async function stopAzurite(): Promise<void> {
  if (running) await (await running).child.stop();
  running = undefined;
}
