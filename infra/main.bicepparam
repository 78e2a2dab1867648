// A sample environment. azd fills the environment variables; with plain `az deployment group create` export them
// first (the signing key never goes into a file: SESSIONFUNCTIONS_SIGNING_KEY is read from the environment).
using 'main.bicep'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'signout-dev')
param signingKeyIds = ['key-2026-11']
param signingKey = readEnvironmentVariable('SESSIONFUNCTIONS_SIGNING_KEY', '')
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
