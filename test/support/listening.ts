import { readFileSync } from "node:fs";

const LISTEN = "0A";

/**
 * The local addresses that sockets listen on for `port`, read from the kernel's own tables
 * (Linux): "127.0.0.1" for loopback, "0.0.0.0" or "::" for every interface.
 */
export function listeningAddresses(port: number): string[] {
  const found = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      const [address, portHex] = local?.split(":") ?? [];
      if (state !== LISTEN || !address || Number.parseInt(portHex ?? "", 16) !== port) continue;
      found.add(readable(address));
    }
  }
  return [...found].sort();
}

// The kernel writes each 32-bit word of an address in host (little-endian) byte order.
function readable(hex: string): string {
  const words = hex.match(/.{8}/g) ?? [];
  const bytes = words.flatMap((w) => (w.match(/../g) ?? []).reverse().map((b) => Number.parseInt(b, 16)));
  if (bytes.length === 4) return bytes.join(".");
  if (bytes.every((b) => b === 0)) return "::";
  if (bytes.slice(0, 15).every((b) => b === 0) && bytes[15] === 1) return "::1";
  if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff)
    return bytes.slice(12).join(".");
  return `v6:${hex}`;
}
