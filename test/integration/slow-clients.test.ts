import assert from "node:assert/strict";
import { connect } from "node:net";
import { startTestService, type TestService } from "../support/service.js";

// A client that opens a connection and sends its headers a little at a time (a "slow loris")
// is cut off within a bounded time, so a few such clients cannot hold every socket.

describe("Slow clients", function () {
  this.timeout(40_000);
  let service: TestService;
  before(async () => {
    service = await startTestService();
  });
  after(() => service.close());

  it("are answered 408 and disconnected once their headers have taken 15 seconds", async () => {
    const { port } = new URL(service.url);
    const socket = connect(Number(port), "127.0.0.1");
    const started = Date.now();
    const received: string[] = [];
    socket.on("data", (chunk) => received.push(chunk.toString()));
    // A drip written just as the service hangs up is answered with a reset: that is the hang-up too.
    socket.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code !== "ECONNRESET") throw e;
    });
    socket.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    // One more header line every two seconds, never the blank line that ends them.
    const drip = setInterval(() => socket.write(`X-Drip-${Date.now()}: 1\r\n`), 2_000);
    await new Promise<void>((closed) => socket.on("close", () => closed()));
    clearInterval(drip);
    const seconds = (Date.now() - started) / 1000;
    assert.ok(seconds >= 14 && seconds < 20, `closed after ${seconds} s`);
    assert.match(received.join(""), /^HTTP\/1\.1 408/);
  });
});
