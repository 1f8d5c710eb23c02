import { ConfigurationBotFrameworkAuthentication } from "botbuilder";
import type { Settings } from "../../settings.js";

// Where Bot Framework publishes the keys that sign its requests, in the public cloud.
const PUBLIC_CLOUD = {
  ToChannelFromBotLoginUrl: "https://login.microsoftonline.com/botframework.com",
  ToChannelFromBotOAuthScope: "https://api.botframework.com",
  ToBotFromChannelTokenIssuer: "https://api.botframework.com",
  OAuthUrl: "https://api.botframework.com",
  ToBotFromEmulatorOpenIdMetadataUrl:
    "https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration",
  CallerId: "urn:botframework:azure",
  ValidateAuthority: true,
};

/** How the bot proves itself to Teams and checks what Teams sends it. */
export function botAuthentication(settings: Settings): ConfigurationBotFrameworkAuthentication {
  const { appId, appPassword, appType, tenantId, openIdMetadataUrl } = settings.bot;
  return new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: appId ?? "",
    MicrosoftAppPassword: appPassword ?? "",
    // With no app ID (local playground) botbuilder skips authentication; MSI would demand an ID.
    MicrosoftAppType: appId ? appType : "MultiTenant",
    MicrosoftAppTenantId: tenantId ?? "",
    // Another cloud's (or a test's) key publisher: the same validation, other keys.
    ...(openIdMetadataUrl ? { ...PUBLIC_CLOUD, ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl } : {}),
  });
}
