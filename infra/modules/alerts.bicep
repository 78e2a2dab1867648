// The alerts of docs/operations.md, "What to watch", as log alerts on the Application Insights component: the app's
// counters arrive as customMetrics (the Azure Monitor exporter: name = instrument name, customDimensions = its
// tags), its warnings, errors and the clean-up's line as traces (customDimensions.EventName = the SessionLog name).
// Every name below is one the code emits; AlertRuleTests checks them against SessionMetrics, ApiCode and SessionLog.
// Per-sign-out Information lines are not used: they may be filtered out to save cost.

@description('Alert thresholds, windows (ISO 8601 durations) and severities (0 critical to 4 verbose); a field left out keeps the default named in its description.')
@export()
type alertSettings = {
  @description('Severity of "sign-outs cannot be recorded" (outcome storage_unavailable). Default 1.')
  @minValue(0)
  @maxValue(4)
  storageUnavailableSeverity: int?

  @description('Window and evaluation frequency of the storage alert. Default PT5M.')
  storageUnavailableWindow: string?

  @description('Severity of "writes are shed". Default 2.')
  @minValue(0)
  @maxValue(4)
  shedSeverity: int?

  @description('Shed sign-outs, in percent of all sign-outs in the window, above which the shed alert fires. Default 5.')
  @minValue(0)
  @maxValue(100)
  shedPercent: int?

  @description('Window and evaluation frequency of the shed alert. Default PT5M.')
  shedWindow: string?

  @description('Severity of "unexpected errors" (outcome error, answered 50005). Default 1.')
  @minValue(0)
  @maxValue(4)
  unexpectedErrorSeverity: int?

  @description('Window and evaluation frequency of the unexpected-error alert. Default PT5M.')
  unexpectedErrorWindow: string?

  @description('Severity of "the 40020 share jumped". Default 3.')
  @minValue(0)
  @maxValue(4)
  credentialInvalidSeverity: int?

  @description('Percentage points by which the 40020 share of the recent window may exceed its baseline share before the alert fires. Default 10.')
  @minValue(1)
  @maxValue(100)
  credentialInvalidJumpPoints: int?

  @description('Sign-outs the recent window needs before the 40020 share is judged (a handful of requests says nothing). Default 20.')
  @minValue(1)
  credentialInvalidMinRequests: int?

  @description('The recent window of the 40020 alert, and its evaluation frequency, in minutes (the query needs it as a number). Default 15.')
  credentialInvalidWindowMinutes: (5 | 10 | 15 | 30 | 45 | 60)?

  @description('The baseline the recent 40020 share is compared with: the query\'s time range, recent window included. Default P1D.')
  credentialInvalidBaseline: string?

  @description('Severity of "SSO sign-out URL missing". Default 3.')
  @minValue(0)
  @maxValue(4)
  ssoUrlMissingSeverity: int?

  @description('Window and evaluation frequency of the SSO alert. Default PT15M.')
  ssoUrlMissingWindow: string?

  @description('Severity of "the clean-up is not running". Default 3.')
  @minValue(0)
  @maxValue(4)
  cleanupMissingSeverity: int?

  @description('Two periods of the clean-up schedule (RevocationCleanupSchedule, hourly by default): no run seen in this window fires. Default PT2H.')
  cleanupMissingWindow: string?
}

param namePrefix string
param location string
param tags object

@description('Resource id of the Application Insights component the app sends its telemetry to.')
param applicationInsightsId string

@description('E-mail addresses the action group notifies.')
param emailAddresses array

@secure()
@description('A webhook the action group calls (Teams, PagerDuty, ...), or empty.')
param webhookUrl string

@description('Every session is SSO (a default connector is set): sign-outs without an SSO URL then count as missing ones too.')
param ssoUrlExpected bool

param settings alertSettings

var severity = {
  storageUnavailable: settings.?storageUnavailableSeverity ?? 1
  shed: settings.?shedSeverity ?? 2
  unexpectedError: settings.?unexpectedErrorSeverity ?? 1
  credentialInvalid: settings.?credentialInvalidSeverity ?? 3
  ssoUrlMissing: settings.?ssoUrlMissingSeverity ?? 3
  cleanupMissing: settings.?cleanupMissingSeverity ?? 3
}

var window = {
  storageUnavailable: settings.?storageUnavailableWindow ?? 'PT5M'
  shed: settings.?shedWindow ?? 'PT5M'
  unexpectedError: settings.?unexpectedErrorWindow ?? 'PT5M'
  credentialInvalidMinutes: settings.?credentialInvalidWindowMinutes ?? 15
  credentialInvalidBaseline: settings.?credentialInvalidBaseline ?? 'P1D'
  ssoUrlMissing: settings.?ssoUrlMissingWindow ?? 'PT15M'
  cleanupMissing: settings.?cleanupMissingWindow ?? 'PT2H'
}

var hasReceivers = !empty(emailAddresses) || !empty(webhookUrl)

// No receiver, no action group: the rules still exist, fire and show in the portal's Alerts view.
resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (hasReceivers) {
  name: 'ag-${namePrefix}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'signout'
    enabled: true
    emailReceivers: [for (address, i) in emailAddresses: {
      name: 'email-${i}'
      emailAddress: address
      useCommonAlertSchema: true
    }]
    webhookReceivers: empty(webhookUrl) ? [] : [
      {
        name: 'webhook'
        serviceUri: webhookUrl
        useCommonAlertSchema: true
      }
    ]
  }
}

var actionGroups = hasReceivers ? [actionGroup.id] : []

// Queries are literal text (only windows and counts are interpolated) so a test can read every name they use.
// A counter arrives as one customMetrics row per export interval and dimension set, its count in valueSum.
var rules = [
  {
    name: 'storage-unavailable'
    displayName: 'Sign-outs cannot be recorded (storage unavailable)'
    description: 'outcome=storage_unavailable > 0: sign-outs answer 50001. Check the storage account and the identity\'s Storage Table Data Contributor role on the revocation table (docs/operations.md, "What to watch").'
    severity: severity.storageUnavailable
    window: window.storageUnavailable
    frequency: window.storageUnavailable
    queryTimeRange: null
    query: 'customMetrics\n| where name == \'sessionfunctions.signout.requests\'\n| where tostring(customDimensions.outcome) == \'storage_unavailable\'\n| summarize Failures = sum(valueSum)'
    measure: 'Failures'
    operator: 'GreaterThan'
    threshold: 0
  }
  {
    name: 'shed'
    displayName: 'Sign-outs shed at the write limit'
    description: 'outcome=shed above the threshold share: instances are at Revocation__MaxConcurrentWrites; storage is slow or throttling, or the limits are too low for the traffic. Shed sign-outs wrote nothing and carry Retry-After.'
    severity: severity.shed
    window: window.shed
    frequency: window.shed
    queryTimeRange: null
    query: 'customMetrics\n| where name == \'sessionfunctions.signout.requests\'\n| summarize Requests = sum(valueSum), Shed = sumif(valueSum, tostring(customDimensions.outcome) == \'shed\')\n| where Requests > 0\n| extend ShedPercent = 100.0 * Shed / Requests'
    measure: 'ShedPercent'
    operator: 'GreaterThan'
    threshold: settings.?shedPercent ?? 5
  }
  {
    name: 'unexpected-error'
    displayName: 'Sign-outs failed unexpectedly (50005)'
    description: 'outcome=error > 0: a fault no input should cause. Read the Unexpected event (exceptions, customDimensions.EventName == "Unexpected") with its correlation id.'
    severity: severity.unexpectedError
    window: window.unexpectedError
    frequency: window.unexpectedError
    queryTimeRange: null
    query: 'customMetrics\n| where name == \'sessionfunctions.signout.requests\'\n| where tostring(customDimensions.outcome) == \'error\'\n| summarize Failures = sum(valueSum)'
    measure: 'Failures'
    operator: 'GreaterThan'
    threshold: 0
  }
  {
    name: 'credential-invalid-jump'
    displayName: 'Share of 40020 (credential invalid) jumped'
    description: 'The 40020 share of the recent window is above its baseline share: a key rotation missed a step (the issuer signs with a key the function does not have), or forged tokens are being replayed.'
    severity: severity.credentialInvalid
    window: 'PT${window.credentialInvalidMinutes}M'
    frequency: 'PT${window.credentialInvalidMinutes}M'
    queryTimeRange: window.credentialInvalidBaseline
    query: 'let recentStart = ago(${window.credentialInvalidMinutes}m);\ncustomMetrics\n| where name == \'sessionfunctions.signout.requests\'\n| extend Recent = timestamp > recentStart, Invalid = tostring(customDimensions.code) == \'40020\'\n| summarize RecentRequests = sumif(valueSum, Recent), RecentInvalid = sumif(valueSum, Recent and Invalid), BaselineRequests = sumif(valueSum, not(Recent)), BaselineInvalid = sumif(valueSum, not(Recent) and Invalid)\n| where RecentRequests >= ${settings.?credentialInvalidMinRequests ?? 20}\n| extend JumpPoints = 100.0 * RecentInvalid / RecentRequests - iff(BaselineRequests > 0, 100.0 * BaselineInvalid / BaselineRequests, 0.0)'
    measure: 'JumpPoints'
    operator: 'GreaterThan'
    threshold: settings.?credentialInvalidJumpPoints ?? 10
  }
  {
    name: 'sso-url-missing'
    displayName: 'SSO sign-out URL missing'
    description: ssoUrlExpected
      ? 'A token named a connector that is not configured (UnknownConnector warning), or a sign-out got no SSO URL although every session is SSO: a connector setting is missing or its provider is unreachable.'
      : 'A token named a connector that is not configured (UnknownConnector warning): a connector setting is missing.'
    severity: severity.ssoUrlMissing
    window: window.ssoUrlMissing
    frequency: window.ssoUrlMissing
    queryTimeRange: null
    query: ssoUrlExpected
      ? 'union\n(traces | where tostring(customDimensions.EventName) == \'UnknownConnector\' | summarize Missing = count()),\n(customMetrics | where name == \'sessionfunctions.signout.sso_url\' and tostring(customDimensions.returned) =~ \'false\' | summarize Missing = tolong(sum(valueSum)))\n| summarize Missing = sum(Missing)'
      : 'traces\n| where tostring(customDimensions.EventName) == \'UnknownConnector\'\n| summarize Missing = count()'
    measure: 'Missing'
    operator: 'GreaterThan'
    threshold: 0
  }
  {
    name: 'cleanup-missing'
    displayName: 'Revocation clean-up is not running'
    description: 'No clean-up run seen for two schedule periods (neither its CleanupRan line nor its removed-records counter, which every run records): the timer is not running, and the revocation table only grows.'
    severity: severity.cleanupMissing
    window: window.cleanupMissing
    frequency: 'PT1H'
    queryTimeRange: null
    query: 'union\n(traces | where tostring(customDimensions.EventName) == \'CleanupRan\' | summarize Runs = count()),\n(customMetrics | where name == \'sessionfunctions.revocation.cleanup.removed\' | summarize Runs = count())\n| summarize Runs = sum(Runs)'
    measure: 'Runs'
    operator: 'LessThan'
    threshold: 1
  }
]

resource alertRules 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [for rule in rules: {
  name: 'alert-${namePrefix}-${rule.name}'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: rule.displayName
    description: rule.description
    severity: rule.severity
    enabled: true
    scopes: [applicationInsightsId]
    evaluationFrequency: rule.frequency
    windowSize: rule.window
    overrideQueryTimeRange: rule.queryTimeRange
    autoMitigate: true
    criteria: {
      allOf: [
        {
          query: rule.query
          timeAggregation: 'Total'
          metricMeasureColumn: rule.measure
          operator: rule.operator
          threshold: rule.threshold
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: actionGroups
    }
  }
}]

