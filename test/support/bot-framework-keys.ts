import { createServer, type Server } from "node:http";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { once } from "node:events";

/**
 * Stands in for Bot Framework's OpenID metadata and signing keys, which cannot be reached from
 * this machine, so the bot's own JWT validation runs for real against keys published on loopback.
 */
export async function botFrameworkKeys(): Promise<{
  metadataUrl: string;
  sign(claims: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}> {
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  const jwk = {
    ...(await exportJWK(publicKey)),
    kid: "test-bf-key",
    use: "sig",
    alg: "RS256",
    endorsements: ["msteams"],
  };
  const server: Server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    res.setHeader("content-type", "application/json");
    if (req.url === "/v1/.well-known/openidconfiguration") {
      res.end(
        JSON.stringify({
          issuer: "https://api.botframework.com",
          jwks_uri: `${base}/v1/keys`,
          id_token_signing_alg_values_supported: ["RS256"],
        }),
      );
    } else if (req.url === "/v1/keys") {
      res.end(JSON.stringify({ keys: [jwk] }));
    } else {
      res.statusCode = 404;
      res.end("{}");
    }
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const port = (server.address() as { port: number }).port;
  return {
    metadataUrl: `http://127.0.0.1:${port}/v1/.well-known/openidconfiguration`,
    // An hour's validity unless the claims say when it expires.
    sign: (claims) =>
      new SignJWT({ exp: Math.floor(Date.now() / 1000) + 3600, ...claims })
        .setProtectedHeader({ alg: "RS256", kid: "test-bf-key" })
        .setIssuer("https://api.botframework.com")
        .setIssuedAt()
        .sign(privateKey),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
