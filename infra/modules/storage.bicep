// One storage account, reachable only with Entra ID: the Flex deployment container, the host's blobs, and the
// revocation table (created here so the app never has to).
param name string
param location string
param tags object
param deploymentContainerName string
param revocationTableName string

@description('Redundancy SKU (main.bicep explains the choice).')
param skuName string

@description('Log Analytics workspace that receives the revocation table\'s audit log.')
param auditWorkspaceId string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: skuName }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    allowCrossTenantReplication: false
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: { publicAccess: 'None' }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource revocationTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: revocationTableName
}

output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output tableEndpoint string = storage.properties.primaryEndpoints.table
output deploymentContainerUrl string = '${storage.properties.primaryEndpoints.blob}${deploymentContainer.name}'
output revocationTableName string = revocationTable.name

// Audit of the revocation table: who wrote or deleted which record, when (StorageTableLogs in the workspace). Reads
// stay off: a refresh service's point read per refresh would dwarf the rest and answers no audit question.
resource tableAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'revocation-table-audit'
  scope: tableService
  properties: {
    workspaceId: auditWorkspaceId
    logs: [
      { category: 'StorageWrite', enabled: true }
      { category: 'StorageDelete', enabled: true }
      { category: 'StorageRead', enabled: false }
    ]
  }
}
