// Key Vault in RBAC mode holding the refresh-token signing key. The secret value arrives as a secure parameter and
// leaves only as a Key Vault reference in the app settings; it is never an output.
param name string
param location string
param tags object

@description('The kid of signingKey: it is written as secret signing-key-<signingKeyId>, never under another name.')
param signingKeyId string

@secure()
@description('The signing key. Empty: no secret is written (they are already in the vault).')
param signingKey string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource signingKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(signingKey)) {
  parent: vault
  name: 'signing-key-${signingKeyId}'
  properties: {
    value: signingKey
    contentType: 'HMAC key for refresh tokens (UTF-8 text)'
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
