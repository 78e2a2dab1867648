// SessionFunctions: the sign-out function on Flex Consumption with identity-based storage, Key Vault and App Insights.
// Deploy: `azd up`, or `az deployment group create -g <rg> -f infra/main.bicep -p infra/main.bicepparam`
// (docs/operations.md).
targetScope = 'resourceGroup'

import { alertSettings } from 'modules/alerts.bicep'

@minLength(1)
@maxLength(40)
@description('Environment name; with the resource group it makes the unique suffix of every resource name.')
param environmentName string

@description('Region of every resource (one that offers Flex Consumption).')
param location string = resourceGroup().location

@minLength(1)
@description('kids of the active signing keys, in the order the app tries them. Each key lives in Key Vault as secret signing-key-<kid>.')
param signingKeyIds array = ['key-1']

@secure()
@description('A signing key value to write to Key Vault, as secret signing-key-<signingKeyId> and under no other name. Empty: nothing is written (the secrets are already there).')
param signingKey string = ''

@description('The kid of signingKey: the only name it is ever written under (never taken from signingKeyIds, so a stale value cannot land under a new kid). Required when signingKey is set.')
param signingKeyId string = ''

@description('Origins allowed to call the function from a browser (the web client\'s DELETE is preflighted).')
param allowedOrigins array = []

@description('SSO connectors: [{ id, preset?, authority?, endSessionEndpoint?, clientId?, postLogoutRedirectUri?, allowedPostLogoutRedirectUris? }] (docs/identity-providers.md).')
param ssoConnectors array = []

@description('Connector for tokens that name none; empty for none.')
param ssoDefaultConnector string = ''

@description('The revocation table.')
param revocationTableName string = 'RevokedTokenFamilies'

@description('The issuer\'s refresh-token lifetime (d.hh:mm:ss), for how long revocations are kept.')
param maxRefreshTokenLifetime string = '30.00:00:00'

@description('NCRONTAB schedule of the clean-up of expired revocation records.')
param cleanupSchedule string = '0 0 * * * *'

@description('Extra time (d.hh:mm:ss) a revocation record is kept past its RetainUntil.')
param cleanupGrace string = '1.00:00:00'

@description('Claim with the token family id.')
param rootIdClaim string = 'root_token_id'

@description('Claim with the SSO connector id.')
param connectorClaim string = 'sso_connector'

@description('Tolerance for nbf (hh:mm:ss).')
param clockSkew string = '00:01:00'

@minValue(40)
@maxValue(1000)
@description('Most instances Flex may scale out to: with the per-instance concurrency, the ceiling on parallel sign-outs.')
param maximumInstanceCount int = 40

@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@minValue(1)
@maxValue(1000)
@description('Concurrent HTTP requests per instance before Flex adds one.')
param httpPerInstanceConcurrency int = 16

@allowed([
  'Standard_ZRS'
  'Standard_GZRS'
  'Standard_RAGZRS'
  'Standard_LRS'
  'Standard_GRS'
  'Standard_RAGRS'
])
@description('Redundancy of the storage account that holds the revocations. ZRS (default): three copies in three availability zones, written synchronously, so revocations stay readable and writable when one zone fails (the region must have zones). GZRS / RA-GZRS: ZRS plus an asynchronous copy in the paired region (RA-: readable there), for a regional outage, at a higher price. LRS: one datacenter, cheapest; a zone failure makes every revocation unreadable. GRS / RA-GRS: LRS plus the paired region.')
param storageSku string = 'Standard_ZRS'

@description('Spread the Flex Consumption instances across availability zones. Cost: the platform then keeps at least two always-ready instances, billed as always-ready even when idle (Reliability in Azure Functions). Off by default; the region must offer zone-redundant Flex (az functionapp list-flexconsumption-locations --zone-redundant=true).')
param zoneRedundant bool = false

@minValue(30)
@maxValue(730)
@description('Days the Log Analytics workspace keeps its data: the app\'s telemetry and the revocation table\'s audit log (who wrote or deleted which record).')
param logRetentionInDays int = 90

@description('E-mail addresses the alerts notify. With none and no webhook, no action group is created; the alerts still fire in the portal.')
param alertEmailAddresses array = []

@secure()
@description('A webhook the alerts call (Teams, PagerDuty, ...); empty for none.')
param alertWebhookUrl string = ''

@description('Alert thresholds, windows and severities (docs/operations.md, "What to watch"); fields left out keep their defaults.')
param alerts alertSettings = {}


var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var tags = { 'azd-env-name': environmentName, application: 'session-functions' }
var functionAppName = 'func-signout-${resourceToken}'
var deploymentContainerName = 'app-package-${resourceToken}'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: 'id-signout-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: 'log-signout-${resourceToken}'
    applicationInsightsName: 'appi-signout-${resourceToken}'
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: 'stsignout${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    revocationTableName: revocationTableName
    skuName: storageSku
    auditWorkspaceId: monitoring.outputs.workspaceId
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: 'kv-signout-${take(resourceToken, 11)}'
    location: location
    tags: tags
    // The value's own kid, never one of signingKeyIds: a rotation that lists a new kid while an old value is
    // still in the environment must not write that old value under the new kid.
    signingKeyId: empty(signingKey) || !empty(signingKeyId)
      ? signingKeyId
      : fail('signingKey is set but signingKeyId is not: set SESSIONFUNCTIONS_SIGNING_KEY_ID to the kid of SESSIONFUNCTIONS_SIGNING_KEY (docs/operations.md, "Rotating the signing key").')
    signingKey: signingKey
  }
}

module rbac 'modules/rbac.bicep' = {
  name: 'rbac'
  params: {
    principalId: identity.outputs.principalId
    storageAccountName: storage.outputs.name
    revocationTableName: storage.outputs.revocationTableName
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
  }
}

// The same names as local.settings.sample.json (a test compares them), identity-based where the sample has a
// connection string.
var signingKeySettings = reduce(range(0, length(signingKeyIds)), {}, (settings, i) => union(settings, {
  'RefreshToken__SigningKeys__${i}__Id': signingKeyIds[i]
  'RefreshToken__SigningKeys__${i}__Secret': '@Microsoft.KeyVault(VaultName=${keyVault.outputs.name};SecretName=signing-key-${signingKeyIds[i]})'
}))

// Optional connector fields are left out rather than set empty, so the app sees them as not configured.
var connectorSettings = reduce(ssoConnectors, {}, (settings, c) => union(
  settings,
  empty(c.?preset ?? '') ? {} : { 'Sso__Connectors__${c.id}__Preset': c.preset },
  empty(c.?authority ?? '') ? {} : { 'Sso__Connectors__${c.id}__Authority': c.authority },
  empty(c.?endSessionEndpoint ?? '') ? {} : { 'Sso__Connectors__${c.id}__EndSessionEndpoint': c.endSessionEndpoint },
  empty(c.?clientId ?? '') ? {} : { 'Sso__Connectors__${c.id}__ClientId': c.clientId },
  empty(c.?postLogoutRedirectUri ?? '') ? {} : { 'Sso__Connectors__${c.id}__PostLogoutRedirectUri': c.postLogoutRedirectUri },
  reduce(range(0, length(c.?allowedPostLogoutRedirectUris ?? [])), {}, (uris, i) => union(uris, {
    'Sso__Connectors__${c.id}__AllowedPostLogoutRedirectUris__${i}': c.allowedPostLogoutRedirectUris[i]
  }))
))

var appSettings = union(signingKeySettings, connectorSettings, {
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__blobServiceUri: storage.outputs.blobEndpoint
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.outputs.clientId};Authorization=AAD'
  RevocationStorage__endpoint: storage.outputs.tableEndpoint
  RevocationStorage__credential: 'managedidentity'
  RevocationStorage__clientId: identity.outputs.clientId
  Revocation__TableName: storage.outputs.revocationTableName
  Revocation__MaxRefreshTokenLifetime: maxRefreshTokenLifetime
  RevocationCleanupSchedule: cleanupSchedule
  RevocationCleanup__Grace: cleanupGrace
  RefreshToken__Algorithms__0: 'HS256'
  RefreshToken__ClockSkew: clockSkew
  RefreshToken__RootIdClaim: rootIdClaim
  RefreshToken__ConnectorClaim: connectorClaim
  SignOut__MaxRequestBodyBytes: '16384'
  SignOut__IncludeErrorDetail: 'false'
  Sso__DefaultConnector: ssoDefaultConnector
  Sso__DiscoveryWait: '00:00:02'
  // One storage write per request in flight: the limiter matches what Flex sends an instance at once.
  Revocation__MaxConcurrentWrites: string(httpPerInstanceConcurrency)
})

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  dependsOn: [rbac]
  params: {
    name: functionAppName
    planName: 'plan-signout-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    httpPerInstanceConcurrency: httpPerInstanceConcurrency
    allowedOrigins: allowedOrigins
    zoneRedundant: zoneRedundant
    appSettings: appSettings
  }
}

module alertRules 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    namePrefix: 'signout-${resourceToken}'
    location: location
    tags: tags
    applicationInsightsId: monitoring.outputs.applicationInsightsId
    emailAddresses: alertEmailAddresses
    webhookUrl: alertWebhookUrl
    // Every sign-out should carry a URL only when every session is SSO and the default connector's provider can end
    // a session without an id_token_hint: Okta cannot and Google has no sign-out, so for them no URL is by design.
    ssoUrlExpected: !empty(ssoDefaultConnector) && empty(intersection(
      map(filter(ssoConnectors, c => c.id =~ ssoDefaultConnector), c => toLower(c.?preset ?? 'generic')),
      ['okta', 'google']
    ))
    settings: alerts
  }
}

output AZURE_FUNCTION_NAME string = functionApp.outputs.name
output functionBaseUrl string = 'https://${functionApp.outputs.defaultHostName}'
output signOutUrl string = 'https://${functionApp.outputs.defaultHostName}/session/token'
output keyVaultName string = keyVault.outputs.name
output storageAccountName string = storage.outputs.name
output revocationTableName string = storage.outputs.revocationTableName
