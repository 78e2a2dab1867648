// A sample environment. azd fills the environment variables; with plain `az deployment group create` export them
// first (the signing key never goes into a file: SESSIONFUNCTIONS_SIGNING_KEY is read from the environment).
using 'main.bicep'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'signout-dev')
param signingKeyIds = ['key-2026-11']
// A key value and its kid travel together: the value is written only as signing-key-<SESSIONFUNCTIONS_SIGNING_KEY_ID>.
param signingKey = readEnvironmentVariable('SESSIONFUNCTIONS_SIGNING_KEY', '')
param signingKeyId = readEnvironmentVariable('SESSIONFUNCTIONS_SIGNING_KEY_ID', '')
param allowedOrigins = ['https://cloud.example.com']
param ssoConnectors = [
  {
    id: 'logto'
    preset: 'logto'
    authority: 'https://kqyhaj.logto.app/oidc'
    clientId: 'your-logto-app-id'
    postLogoutRedirectUri: 'https://cloud.example.com/session'
    allowedPostLogoutRedirectUris: ['https://cloud.example.com/signed-out']
  }
]
param maxRefreshTokenLifetime = '30.00:00:00'
param storageSku = 'Standard_ZRS'
param zoneRedundant = false
// Who the alerts notify (e.g. ['ops@example.com']); the webhook comes from the environment, as it often carries a token.
param alertEmailAddresses = []
param alertWebhookUrl = readEnvironmentVariable('SESSIONFUNCTIONS_ALERT_WEBHOOK_URL', '')
