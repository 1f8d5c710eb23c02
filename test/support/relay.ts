import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * The network between a client and the service, on loopback: it passes requests on, and can hold
 * the service's answers back and then drop them, as a connection lost after the service acted.
 */
export interface Relay {
  url: string;
  /** From now on, answers are held instead of passed on; resolves when one is held (or after `ms`). */
  hold(ms: number): Promise<void>;
  /** Drops the connections whose answers were held, and passes answers on again. */
  dropHeld(): number;
  close(): Promise<void>;
}

export async function relay(target: () => string): Promise<Relay> {
  let holding = false;
  let held: ServerResponse[] = [];
  let onHeld = (): void => undefined;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers: Record<string, string> = {};
      for (const name of ["authorization", "content-type", "if-match"]) {
        const value = req.headers[name];
        if (typeof value === "string") headers[name] = value;
      }
      fetch(`${target()}${req.url ?? "/"}`, {
        method: req.method ?? "GET",
        headers,
        ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
      })
        .then(async (answer) => {
          const body = Buffer.from(await answer.arrayBuffer());
          if (holding) {
            held.push(res);
            onHeld();
            return;
          }
          res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "" });
          res.end(body);
        })
        // The service is gone: so is the client's connection.
        .catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hold(ms) {
      holding = true;
      return new Promise((resolve) => {
        onHeld = resolve;
        setTimeout(resolve, ms);
      });
    },
    dropHeld() {
      const dropped = held.length;
      for (const res of held) res.destroy();
      held = [];
      holding = false;
      return dropped;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
