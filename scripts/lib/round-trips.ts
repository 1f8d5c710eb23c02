import type { TableServiceClientOptions } from "@azure/data-tables";

type Policy = NonNullable<TableServiceClientOptions["additionalPolicies"]>[number];

/** Counts the storage round trips of table clients made with `options` (tests and benchmarks). */
export function roundTripCounter(): { options: TableServiceClientOptions; count(): number } {
  let requests = 0;
  const policy: Policy = {
    position: "perCall",
    policy: {
      name: "count-round-trips",
      sendRequest: (request, next) => {
        requests += 1;
        return next(request);
      },
    },
  };
  return { options: { additionalPolicies: [policy] }, count: () => requests };
}
