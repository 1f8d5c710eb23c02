import { DefaultAzureCredential } from "@azure/identity";
import { TableClient, RestError, type TableServiceClientOptions } from "@azure/data-tables";
import type { Settings } from "../../settings.js";

export const TABLES = {
  panels: "Panels",
  agencies: "Agencies",
  people: "People",
  memberships: "Memberships",
  panelMembers: "PanelMembers",
  conversations: "Conversations",
  areaRecords: "AreaRecords",
  auditTrail: "AuditTrail",
  caseworkArchive: "CaseworkArchive",
  meetings: "Meetings",
  agendas: "Agendas",
  actionsDue: "ActionsDue",
  referralDrafts: "ReferralDrafts",
  reportFigures: "ReportFigures",
  documents: "Documents",
} as const;
export type TableName = (typeof TABLES)[keyof typeof TABLES];

export type TableFactory = (name: TableName) => TableClient;

/** `options` adds pipeline policies, such as the round-trip counter the benchmarks use. */
export function tableFactory(
  storage: Settings["storage"],
  options: TableServiceClientOptions = {},
): TableFactory {
  if (storage.kind === "connection-string") {
    const local = /127\.0\.0\.1|localhost/.test(storage.connectionString);
    return (name) =>
      TableClient.fromConnectionString(storage.connectionString, name, {
        ...options,
        allowInsecureConnection: local,
      });
  }
  // In Azure the service's managed identity holds the Storage Table Data Contributor role.
  const credential = new DefaultAzureCredential(
    storage.clientId ? { managedIdentityClientId: storage.clientId } : {},
  );
  return (name) => new TableClient(`${storage.accountUrl.replace(/\/$/, "")}`, name, credential, options);
}

export async function ensureTables(tables: TableFactory): Promise<void> {
  for (const name of Object.values(TABLES)) {
    try {
      await tables(name).createTable();
    } catch (e) {
      if (!(e instanceof RestError && e.statusCode === 409)) throw e;
    }
  }
}
