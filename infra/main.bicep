// SessionFunctions: the sign-out function on Flex Consumption with identity-based storage, Key Vault and App Insights.
// Deploy: `azd up`, or `az deployment group create -g <rg> -f infra/main.bicep -p infra/main.bicepparam` (README).
targetScope = 'resourceGroup'

@minLength(1)
@maxLength(40)
@description('Environment name; with the resource group it makes the unique suffix of every resource name.')
param environmentName string

@description('Region of every resource (one that offers Flex Consumption).')
param location string = resourceGroup().location

@minLength(1)
@description('kids of the active signing keys, newest first. Each key lives in Key Vault as secret signing-key-<kid>.')
param signingKeyIds array = ['key-1']

@secure()
@description('Value of the first kid\'s signing key, written to Key Vault. Empty: the secret is already there.')
param signingKey string = ''

@description('Origins allowed to call the function from a browser (the web client\'s DELETE is preflighted).')
param allowedOrigins array = []

@description('SSO connectors: [{ id, preset?, authority?, endSessionEndpoint?, clientId?, postLogoutRedirectUri?, allowedPostLogoutRedirectUris? }] (README, "Connecting your identity provider").')
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
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: 'kv-signout-${take(resourceToken, 11)}'
    location: location
    tags: tags
    signingKeySecretName: 'signing-key-${signingKeyIds[0]}'
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
    appSettings: appSettings
  }
}

output AZURE_FUNCTION_NAME string = functionApp.outputs.name
output functionBaseUrl string = 'https://${functionApp.outputs.defaultHostName}'
output signOutUrl string = 'https://${functionApp.outputs.defaultHostName}/session/token'
output keyVaultName string = keyVault.outputs.name
output storageAccountName string = storage.outputs.name
output revocationTableName string = storage.outputs.revocationTableName
