import type { TableServiceClientOptions } from "@azure/data-tables";

type Policy = NonNullable<TableServiceClientOptions["additionalPolicies"]>[number];

/** One request to Table Storage as the counter saw it. */
export interface StorageRequest {
  method: string;
  table: string;
  /** The query's $filter, if it was a query. */
  filter: string | undefined;
  kind: "point read" | "query" | "transaction" | "write";
  /** How long it took, once answered. */
  ms: number;
  /** The rows a transaction writes or deletes; 1 for any other write, 0 for a read. */
  rows: number;
}

/** The operations in a transaction's body: one request line each. */
const operations = (body: unknown): number =>
  typeof body === "string"
    ? (body.match(/^(?:POST|PUT|MERGE|PATCH|DELETE) \S+ HTTP\/1\.1\r?$/gm) ?? []).length
    : 0;

export interface RoundTrips {
  options: TableServiceClientOptions;
  /** Requests sent. */
  count(): number;
  /** Round trips one after another: requests sent while others are in flight share one. */
  sequential(): number;
  /** Every request since the counter was made, in order. */
  requests(): readonly StorageRequest[];
  /** Milliseconds during which at least one request was in flight. */
  busyMs(): number;
}

/** Counts the storage round trips of table clients made with `options` (tests and benchmarks). */
export function roundTripCounter(): RoundTrips {
  const seen: StorageRequest[] = [];
  let inFlight = 0;
  let waves = 0;
  let busy = 0;
  let since = 0;
  const policy: Policy = {
    position: "perCall",
    policy: {
      name: "count-round-trips",
      sendRequest: async (request, next) => {
        const url = new URL(request.url);
        const table = decodeURIComponent(url.pathname.split("/").filter(Boolean).at(-1) ?? "").replace(
          /\(.*$/,
          "",
        );
        const filter = url.searchParams.get("$filter") ?? undefined;
        const kind: StorageRequest["kind"] = url.pathname.endsWith("$batch")
          ? "transaction"
          : request.method !== "GET"
            ? "write"
            : filter === undefined && url.pathname.includes("(PartitionKey=")
              ? "point read"
              : "query";
        const rows = kind === "transaction" ? operations(request.body) : kind === "write" ? 1 : 0;
        const seenRequest: StorageRequest = { method: request.method, table, filter, kind, ms: 0, rows };
        seen.push(seenRequest);
        const started = performance.now();
        if (inFlight++ === 0) {
          waves += 1;
          since = performance.now();
        }
        try {
          return await next(request);
        } finally {
          seenRequest.ms = performance.now() - started;
          if (--inFlight === 0) busy += performance.now() - since;
        }
      },
    },
  };
  return {
    options: { additionalPolicies: [policy] },
    count: () => seen.length,
    sequential: () => waves,
    requests: () => seen,
    busyMs: () => busy,
  };
}

const KEY_ONLY =
  /^PartitionKey eq '(?:[^']|'')*'(?: and RowKey (?:eq|ge|gt) '(?:[^']|'')*'(?: and RowKey (?:lt|le) '(?:[^']|'')*')?)?$/;

/**
 * Why a request would make Table Storage scan, or undefined when it is a point read, one
 * contiguous key range within a partition, or a write. An `or` between keys, a filter on other
 * properties, or a query without its partition are each a scan.
 */
export function scanIn(request: StorageRequest): string | undefined {
  if (request.method !== "GET" || request.filter === undefined) return undefined;
  const filter = request.filter.trim();
  if (/\bor\b/.test(filter.replace(/'(?:[^']|'')*'/g, "''"))) return `an "or" across keys: ${filter}`;
  if (!KEY_ONLY.test(filter)) return `a filter that is not one partition's key range: ${filter}`;
  return undefined;
}
