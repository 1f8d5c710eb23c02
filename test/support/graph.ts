import { freePort } from "../../scripts/lib/processes.js";
import { keyOf } from "../../bot/src/adapters/tables/entity-store.js";
import { tableFactory, TABLES } from "../../bot/src/adapters/tables/storage.js";
import { azurite } from "./azurite.js";
import { startGraphServer, type GraphServer } from "../../scripts/dev-kit/graph-stand-in/index.js";
import { startTestService, type TestService } from "./service.js";

/** The service with its calendar pointed at the local Graph stand-in, which trusts its sign-in. */
export async function startServiceWithGraph(
  options: { now?: () => Date } = {},
): Promise<{ service: TestService; graph: GraphServer }> {
  const graph = await startGraphServer();
  const port = await freePort();
  const service = await startTestService(
    {
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      GRAPH_AUTH: "development",
      GRAPH_BASE_URL: graph.url,
    },
    options,
  );
  graph.trust({ issuer: `${service.url}/dev-idp`, jwksUri: `${service.url}/dev-idp/keys` });
  return { service, graph };
}

async function forgetPartition(
  table: (typeof TABLES)[keyof typeof TABLES],
  partitionKey: string,
): Promise<void> {
  const { connectionString } = await azurite();
  const client = tableFactory({ kind: "connection-string", connectionString })(table);
  const filter = `PartitionKey eq '${partitionKey}'`;
  for await (const e of client.listEntities({
    queryOptions: { filter, select: ["PartitionKey", "RowKey"] },
  })) {
    await client.deleteEntity(e.partitionKey ?? "", e.rowKey ?? "");
  }
}

/** Removes what the product recorded of a panel's Teams meetings, so suites do not meet each other's. */
export const forgetMeetings = (panelId: string): Promise<void> =>
  forgetPartition(TABLES.meetings, keyOf(panelId));

/** Removes a meeting's agenda draft and published versions. */
export const forgetAgenda = (panelId: string, meetingId: string): Promise<void> =>
  forgetPartition(TABLES.agendas, keyOf(`${panelId}|${meetingId}`));
