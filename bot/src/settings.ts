import { z } from "zod";

// Every setting the service reads, in one schema, checked before anything starts (README lists them).
const flag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);
// The tenant the development identity provider issues every token in.
export const DEV_TENANT_ID = "00000000-0000-4000-8000-00000000d0e1";

export const SETTING_NAMES = [
  "APP_ENV",
  "PORT",
  "HOST",
  "PUBLIC_URL",
  "LOG_LEVEL",
  "CATALOGUE_DIR",
  "SEED_DEMO_DATA",
  "STORAGE_CONNECTION_STRING",
  "STORAGE_ACCOUNT_URL",
  "STORAGE_BLOB_URL",
  "DOCUMENT_CONTAINER",
  "DOCUMENT_SCAN",
  "DOCUMENT_SCAN_RESULT_TAG",
  "DOCUMENT_LINK_SECONDS",
  "SECRET_DOCUMENT_LINK_KEY",
  "AZURE_CLIENT_ID",
  "BOT_ID",
  "SECRET_BOT_PASSWORD",
  "BOT_TYPE",
  "BOT_TENANT_ID",
  "BOT_OPENID_METADATA_URL",
  "AAD_APP_CLIENT_ID",
  "AAD_APP_TENANT_ID",
  "TAB_APP_ID_URI",
  "DEV_SIGN_IN",
  "DEV_TOKEN_SECONDS",
  "GRAPH_AUTH",
  "GRAPH_BASE_URL",
  "GRAPH_ORGANISER",
  "SECRET_AAD_APP_CLIENT_SECRET",
  "AAD_APP_OAUTH_AUTHORITY_HOST",
  "TEAMS_APP_ID",
  "REMINDER_SWEEP_SECONDS",
  "REMINDER_LEASE_SECONDS",
  "REMINDERS_FROM_HOUR",
  "REPORT_FIGURES_MINUTES",
  "REPORT_SUPPRESS_BELOW",
  "POPULATION_DIR",
  "AREA_ADMINISTRATORS",
  "RATE_LIMIT_PER_PERSON",
  "RATE_LIMIT_PER_ADDRESS",
] as const;

const Raw = z.strictObject({
  APP_ENV: z.enum(["local", "test", "azure"]).default("local"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3978),
  HOST: z.string().default("127.0.0.1"),
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  CATALOGUE_DIR: z.string().default("bot/config/areas"),
  SEED_DEMO_DATA: flag,
  STORAGE_CONNECTION_STRING: optionalText,
  STORAGE_ACCOUNT_URL: optionalText,
  STORAGE_BLOB_URL: z.url().optional(),
  // Blob container names: 3 to 63 lower-case letters, digits and single hyphens.
  DOCUMENT_CONTAINER: z
    .string()
    .regex(/^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$/)
    .default("documents"),
  DOCUMENT_SCAN: z.enum(["defender", "none"]).default("defender"),
  DOCUMENT_SCAN_RESULT_TAG: z.string().min(1).max(128).default("Malware Scanning scan result"),
  DOCUMENT_LINK_SECONDS: z.coerce.number().int().min(10).max(600).default(60),
  SECRET_DOCUMENT_LINK_KEY: z.string().min(32).max(512).optional(),
  AZURE_CLIENT_ID: optionalText,
  BOT_ID: optionalText,
  SECRET_BOT_PASSWORD: optionalText,
  BOT_TYPE: z.enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"]).default("UserAssignedMSI"),
  BOT_TENANT_ID: optionalText,
  BOT_OPENID_METADATA_URL: z.url().optional(),
  AAD_APP_CLIENT_ID: optionalText,
  AAD_APP_TENANT_ID: optionalText,
  TAB_APP_ID_URI: optionalText,
  DEV_SIGN_IN: flag,
  DEV_TOKEN_SECONDS: z.coerce.number().int().min(2).max(86_400).optional(),
  GRAPH_AUTH: z.enum(["off", "delegated", "application", "development"]).default("off"),
  GRAPH_BASE_URL: z.url().default("https://graph.microsoft.com"),
  GRAPH_ORGANISER: optionalText,
  SECRET_AAD_APP_CLIENT_SECRET: optionalText,
  AAD_APP_OAUTH_AUTHORITY_HOST: z.url().default("https://login.microsoftonline.com"),
  TEAMS_APP_ID: optionalText,
  REMINDER_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
  REMINDER_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(90),
  REMINDERS_FROM_HOUR: z.coerce.number().int().min(0).max(23).default(9),
  REPORT_FIGURES_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  REPORT_SUPPRESS_BELOW: z.coerce.number().int().min(2).max(100).default(5),
  POPULATION_DIR: z.string().default("bot/config/population"),
  AREA_ADMINISTRATORS: z.string().max(8000).default(""),
  RATE_LIMIT_PER_PERSON: z.coerce.number().int().min(1).max(100_000).default(600),
  RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(3000),
});

// An Entra object id, or a user principal name (a guest's carries #EXT#).
const PersonKey = z.union([
  z.uuid(),
  z
    .string()
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/)
    .max(320),
]);

/**
 * The first administrators of each area: "merton:<object id or UPN>,<…>;lambeth:<…>". The only
 * people named in configuration; everyone else is managed in the product.
 */
function areaAdministrators(raw: string, problems: string[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const part of raw
    .split(";")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [areaId, list = ""] = part.split(":", 2).map((x) => x.trim());
    const people = list
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean);
    if (!areaId || !/^[a-z0-9-]{1,80}$/.test(areaId) || !people.length) {
      problems.push(
        `AREA_ADMINISTRATORS: "${part}" should be an area id, a colon, then object ids or user principal names separated by commas`,
      );
      continue;
    }
    const wrong = people.filter((p) => !PersonKey.safeParse(p).success);
    if (wrong.length)
      problems.push(
        `AREA_ADMINISTRATORS: ${wrong.join(", ")} in ${areaId} is neither an Entra object id nor a user principal name`,
      );
    found.set(areaId, [...(found.get(areaId) ?? []), ...people.map((p) => p.toLowerCase())]);
  }
  return found;
}

export type Settings = ReturnType<typeof loadSettings>;

export class SettingsError extends Error {
  constructor(problems: string[]) {
    super(`The service cannot start because its settings are wrong:\n  - ${problems.join("\n  - ")}`);
    this.name = "SettingsError";
  }
}

export function loadSettings(env: Record<string, string | undefined> = process.env) {
  const known = Object.fromEntries(SETTING_NAMES.filter((n) => env[n] !== undefined).map((n) => [n, env[n]]));
  const parsed = Raw.safeParse(known);
  if (!parsed.success) {
    throw new SettingsError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const s = parsed.data;
  const problems: string[] = [];
  const inAzure = s.APP_ENV === "azure";

  if (inAzure && s.DEV_SIGN_IN)
    problems.push("DEV_SIGN_IN: development sign-in can never be switched on in Azure");
  if (s.DEV_TOKEN_SECONDS !== undefined && !s.DEV_SIGN_IN)
    problems.push("DEV_TOKEN_SECONDS: only development sign-in (DEV_SIGN_IN) issues its own tokens");
  if (!s.BOT_ID && !LOOPBACK.has(s.HOST)) {
    problems.push(
      "HOST: without BOT_ID the bot endpoint is unauthenticated, so the service may listen on loopback only",
    );
  }
  if (inAzure && !s.BOT_ID) problems.push("BOT_ID: required in Azure");
  if (s.BOT_ID && s.BOT_TYPE !== "UserAssignedMSI" && !s.SECRET_BOT_PASSWORD) {
    problems.push("SECRET_BOT_PASSWORD: required when BOT_TYPE is MultiTenant or SingleTenant");
  }
  if (s.BOT_ID && s.BOT_TYPE !== "MultiTenant" && !s.BOT_TENANT_ID) {
    problems.push("BOT_TENANT_ID: required for a single-tenant or managed-identity bot");
  }
  if (!s.STORAGE_CONNECTION_STRING && !s.STORAGE_ACCOUNT_URL) {
    problems.push("STORAGE_CONNECTION_STRING or STORAGE_ACCOUNT_URL: one is required");
  }
  if (inAzure && s.STORAGE_CONNECTION_STRING) {
    problems.push(
      "STORAGE_CONNECTION_STRING: in Azure the service reaches storage with its managed identity (STORAGE_ACCOUNT_URL)",
    );
  }
  if (s.STORAGE_ACCOUNT_URL && !s.STORAGE_BLOB_URL)
    problems.push(
      "STORAGE_BLOB_URL: the blob endpoint documents are kept in is required with STORAGE_ACCOUNT_URL",
    );
  if (inAzure && s.DOCUMENT_SCAN === "none")
    problems.push(
      "DOCUMENT_SCAN: in Azure uploads wait for Microsoft Defender for Storage's malware scan (defender)",
    );
  if (inAzure && !s.SECRET_DOCUMENT_LINK_KEY)
    problems.push(
      "SECRET_DOCUMENT_LINK_KEY: required in Azure, so that every instance seals and opens the same download links",
    );
  if (!s.DEV_SIGN_IN && !(s.AAD_APP_CLIENT_ID && s.AAD_APP_TENANT_ID)) {
    problems.push(
      "AAD_APP_CLIENT_ID and AAD_APP_TENANT_ID: required for Teams sign-in unless DEV_SIGN_IN is on locally",
    );
  }
  if (s.GRAPH_AUTH === "development" && (inAzure || !s.DEV_SIGN_IN)) {
    problems.push("GRAPH_AUTH: development is for local use with DEV_SIGN_IN on, never in Azure");
  }
  if (s.GRAPH_AUTH === "delegated" || s.GRAPH_AUTH === "application") {
    if (!s.AAD_APP_CLIENT_ID || !s.AAD_APP_TENANT_ID || !s.SECRET_AAD_APP_CLIENT_SECRET) {
      problems.push(
        `GRAPH_AUTH: ${s.GRAPH_AUTH} needs AAD_APP_CLIENT_ID, AAD_APP_TENANT_ID and SECRET_AAD_APP_CLIENT_SECRET`,
      );
    }
  }
  if (s.GRAPH_AUTH === "application" && !s.GRAPH_ORGANISER) {
    problems.push("GRAPH_ORGANISER: application permissions need the mailbox that organises the meetings");
  }
  if (inAzure && !s.GRAPH_BASE_URL.startsWith("https://")) {
    problems.push("GRAPH_BASE_URL: must use https in Azure");
  }
  if (inAzure && s.REMINDER_LEASE_SECONDS < 60) {
    problems.push(
      "REMINDER_LEASE_SECONDS: at least 60 in Azure: half of it must outlast a send to Teams (20 s)",
    );
  }
  const administrators = areaAdministrators(s.AREA_ADMINISTRATORS, problems);
  if (problems.length) throw new SettingsError(problems);

  const publicUrl = (s.PUBLIC_URL ?? `http://localhost:${s.PORT}`).replace(/\/$/, "");
  return {
    env: s.APP_ENV,
    port: s.PORT,
    host: s.HOST,
    publicUrl,
    teamsAppId: s.TEAMS_APP_ID,
    reminders: {
      sweepMs: s.REMINDER_SWEEP_SECONDS * 1000,
      leaseMs: s.REMINDER_LEASE_SECONDS * 1000,
      fromHour: s.REMINDERS_FROM_HOUR,
    },
    /** How often each instance works out again the report figures of the months that can still change. */
    figures: { everyMs: s.REPORT_FIGURES_MINUTES * 60_000 },
    /** A report shared beyond the panel shows counts below this as "fewer than N". */
    reports: { suppressBelow: s.REPORT_SUPPRESS_BELOW, populationDir: s.POPULATION_DIR },
    logLevel: s.LOG_LEVEL,
    /** Requests a minute: per signed-in person on the tab's API, and per network address on everything. */
    rateLimits: { perPerson: s.RATE_LIMIT_PER_PERSON, perAddress: s.RATE_LIMIT_PER_ADDRESS },
    /** Per area, the object ids and user principal names (lower case) of its first administrators. */
    administrators,
    catalogueDir: s.CATALOGUE_DIR,
    seedDemoData: s.SEED_DEMO_DATA,
    storage: s.STORAGE_ACCOUNT_URL
      ? { kind: "managed-identity" as const, accountUrl: s.STORAGE_ACCOUNT_URL, clientId: s.AZURE_CLIENT_ID }
      : { kind: "connection-string" as const, connectionString: s.STORAGE_CONNECTION_STRING ?? "" },
    documents: {
      blobUrl: s.STORAGE_BLOB_URL,
      container: s.DOCUMENT_CONTAINER,
      /** `none`: nothing scans uploads (on this machine), so each is taken as clean at once. */
      scan: s.DOCUMENT_SCAN === "defender" ? { resultTag: s.DOCUMENT_SCAN_RESULT_TAG } : undefined,
      linkSeconds: s.DOCUMENT_LINK_SECONDS,
      /** The key download links are signed with; without one, each start makes its own. */
      linkKey: s.SECRET_DOCUMENT_LINK_KEY,
    },
    bot: {
      appId: s.BOT_ID,
      appPassword: s.SECRET_BOT_PASSWORD,
      appType: s.BOT_TYPE,
      tenantId: s.BOT_TENANT_ID,
      openIdMetadataUrl: s.BOT_OPENID_METADATA_URL,
    },
    graph: {
      auth: s.GRAPH_AUTH,
      baseUrl: s.GRAPH_BASE_URL.replace(/\/$/, ""),
      organiser: s.GRAPH_ORGANISER,
      clientId: s.AAD_APP_CLIENT_ID,
      tenantId: s.AAD_APP_TENANT_ID,
      clientSecret: s.SECRET_AAD_APP_CLIENT_SECRET,
      authorityHost: s.AAD_APP_OAUTH_AUTHORITY_HOST,
    },
    signIn: s.DEV_SIGN_IN
      ? {
          kind: "development" as const,
          issuer: `${publicUrl}/dev-idp`,
          audience: s.TAB_APP_ID_URI ?? `api://localhost/mace-panels`,
          jwksUri: `${publicUrl}/dev-idp/keys`,
          tenantId: DEV_TENANT_ID,
          tokenSeconds: s.DEV_TOKEN_SECONDS ?? 3600,
          // The provider runs in this process, on this clock.
          clockToleranceSeconds: 0,
        }
      : {
          kind: "entra" as const,
          issuer: `https://login.microsoftonline.com/${s.AAD_APP_TENANT_ID}/v2.0`,
          audience: [s.AAD_APP_CLIENT_ID ?? "", ...(s.TAB_APP_ID_URI ? [s.TAB_APP_ID_URI] : [])],
          jwksUri: `https://login.microsoftonline.com/${s.AAD_APP_TENANT_ID}/discovery/v2.0/keys`,
          tenantId: s.AAD_APP_TENANT_ID ?? "",
          // Entra ID's clock and ours are both kept by network time; a minute covers any drift.
          clockToleranceSeconds: 60,
          /** The scope a consent prompt asks for, when the Application ID URI is known. */
          consentScope: s.TAB_APP_ID_URI ? `${s.TAB_APP_ID_URI}/access_as_user` : undefined,
        },
  };
}
