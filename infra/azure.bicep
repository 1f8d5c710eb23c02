// Azure resources for MACE panels: table storage and a private blob container for documents
// (scanned for malware by Microsoft Defender for Storage), the App Service that runs the service and tab,
// the Azure Bot with its Teams channel, and one user-assigned managed identity that is both the
// bot's identity and the service's way into storage (no keys or secrets to rotate).

@maxLength(20)
@minLength(4)
@description('Short, lower-case base for resource names, for example mace-merton-prod.')
param resourceBaseName string

@description('Location for the storage account and App Service.')
param location string = resourceGroup().location

@description('App Service plan size. B1 is enough for one partnership; use P1v3 for several.')
param webAppSku string = 'B1'

@description('Display name of the bot in Teams.')
param botDisplayName string = 'MACE panels'

@description('Client ID of the Entra ID app registration that the tab signs in to (Teams SSO).')
param aadAppClientId string

@description('Tenant of that app registration.')
param aadAppTenantId string = subscription().tenantId

@description('How the service reaches Teams calendars through Microsoft Graph: off (calendar files only), delegated (as the coordinator, with the tab\'s SSO token) or application (one organiser mailbox). Both need the app\'s client secret as SECRET_AAD_APP_CLIENT_SECRET.')
@allowed(['off', 'delegated', 'application'])
param graphAuth string = 'delegated'

@description('The tab app\'s client secret, for the Graph token exchange; stored as an App Service setting, encrypted at rest.')
@secure()
param aadAppClientSecret string = ''

@description('The Teams app\'s id, so that links in cards open the tab inside Teams.')
param teamsAppId string = ''

@description('With application permissions: the mailbox (user ID or address) that organises every panel meeting.')
param graphOrganiser string = ''

@description('The first administrators of each area, as "area:objectId-or-UPN,…;area:…". Everyone else is managed in the product.')
param areaAdministrators string

@description('The key download links for documents are signed with. A new one at each deployment only ends the links of the minute it happens in.')
@secure()
param documentLinkKey string = newGuid()

var storageName = take(toLower(replace('${resourceBaseName}st', '-', '')), 24)
var siteHost = '${resourceBaseName}.azurewebsites.net'
// The tab app registration's Application ID URI, as aad.manifest.json sets it.
var tabAppIdUri = 'api://${siteHost}/${aadAppClientId}'
// Built-in role: Storage Table Data Contributor.
var tableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
// Built-in role: Storage Blob Data Owner, on the documents' container alone: the least built-in role
// that may read blob index tags, where Defender writes each file's scan verdict.
var blobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var documentContainer = 'documents'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: resourceBaseName
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
    encryption: {
      keySource: 'Microsoft.Storage'
      services: {
        table: { enabled: true, keyType: 'Account' }
        blob: { enabled: true, keyType: 'Account' }
      }
    }
  }
}

resource tableAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, tableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', tableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

// Documents attached to referrals and cases: private, read only through the service.
resource documents 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: documentContainer
  properties: { publicAccess: 'None' }
}

resource blobAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(documents.id, identity.id, blobDataOwner)
  scope: documents
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataOwner)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Malware scanning on upload: Defender writes its verdict in each blob's index tag
// "Malware Scanning scan result", which the service reads before it offers a download.
resource malwareScanning 'Microsoft.Security/defenderForStorageSettings@2022-12-01-preview' = {
  name: 'current'
  scope: storage
  properties: {
    isEnabled: true
    overrideSubscriptionLevelSettings: true
    malwareScanning: { onUpload: { isEnabled: true, capGBPerMonth: 100 } }
    sensitiveDataDiscovery: { isEnabled: false }
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'linux'
  sku: { name: webAppSku }
  properties: { reserved: true }
}

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      appCommandLine: 'node --max-old-space-size=320 dist/bot/src/main.js'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      healthCheckPath: '/healthz'
      appSettings: [
        { name: 'APP_ENV', value: 'azure' }
        { name: 'HOST', value: '0.0.0.0' }
        { name: 'PUBLIC_URL', value: 'https://${siteHost}' }
        { name: 'LOG_LEVEL', value: 'info' }
        { name: 'STORAGE_ACCOUNT_URL', value: storage.properties.primaryEndpoints.table }
        { name: 'STORAGE_BLOB_URL', value: storage.properties.primaryEndpoints.blob }
        { name: 'DOCUMENT_CONTAINER', value: documents.name }
        { name: 'DOCUMENT_SCAN', value: 'defender' }
        { name: 'DOCUMENT_SCAN_RESULT_TAG', value: 'Malware Scanning scan result' }
        { name: 'DOCUMENT_LINK_SECONDS', value: '60' }
        { name: 'SECRET_DOCUMENT_LINK_KEY', value: documentLinkKey }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'BOT_ID', value: identity.properties.clientId }
        { name: 'BOT_TYPE', value: 'UserAssignedMSI' }
        { name: 'BOT_TENANT_ID', value: identity.properties.tenantId }
        { name: 'AAD_APP_CLIENT_ID', value: aadAppClientId }
        { name: 'AAD_APP_TENANT_ID', value: aadAppTenantId }
        { name: 'TAB_APP_ID_URI', value: tabAppIdUri }
        { name: 'GRAPH_AUTH', value: graphAuth }
        { name: 'TEAMS_APP_ID', value: teamsAppId }
        { name: 'REMINDER_SWEEP_SECONDS', value: '300' }
        { name: 'REMINDER_LEASE_SECONDS', value: '90' }
        { name: 'REMINDERS_FROM_HOUR', value: '9' }
        { name: 'REPORT_FIGURES_MINUTES', value: '60' }
        { name: 'REPORT_SUPPRESS_BELOW', value: '5' }
        { name: 'GRAPH_ORGANISER', value: graphOrganiser }
        { name: 'AREA_ADMINISTRATORS', value: areaAdministrators }
        { name: 'RATE_LIMIT_PER_PERSON', value: '600' }
        { name: 'RATE_LIMIT_PER_ADDRESS', value: '3000' }
        { name: 'SECRET_AAD_APP_CLIENT_SECRET', value: aadAppClientSecret }
        { name: 'AAD_APP_OAUTH_AUTHORITY_HOST', value: environment().authentication.loginEndpoint }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
      ]
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'F0' }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${siteHost}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
    msaAppType: 'UserAssignedMSI'
    disableLocalAuth: true
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

output BOT_ID string = identity.properties.clientId
output BOT_DOMAIN string = siteHost
output TAB_DOMAIN string = siteHost
output TAB_ENDPOINT string = 'https://${siteHost}'
output AZURE_APP_SERVICE_RESOURCE_ID string = web.id
