using System.Text.RegularExpressions;

namespace SessionFunctions.Tests.Infra;

/// <summary>infra/main.bicep compiled to ARM JSON: the security properties the deployment promises.</summary>
public sealed partial class BicepTemplateTests
{
    private static ArmTemplate Template => CompiledTemplate.Main;

    [Fact]
    public void Storage_takes_only_entra_id_over_tls_12()
    {
        var properties = Template.The("Microsoft.Storage/storageAccounts")["properties"]!;
        Assert.False((bool)properties["allowSharedKeyAccess"]!);
        Assert.False((bool)properties["allowBlobPublicAccess"]!);
        Assert.True((bool)properties["supportsHttpsTrafficOnly"]!);
        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
        Assert.DoesNotContain("listKeys", Template.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey=", Template.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_revocation_table_and_the_deployment_container_are_created()
    {
        Assert.Single(Template.OfType("Microsoft.Storage/storageAccounts/tableServices/tables"));
        var container = Template.The("Microsoft.Storage/storageAccounts/blobServices/containers");
        Assert.Equal("None", (string?)container["properties"]!["publicAccess"]);
    }

    [Fact]
    public void The_app_is_flex_consumption_dotnet_isolated_10_https_only_without_publishing_passwords()
    {
        var plan = Template.The("Microsoft.Web/serverfarms");
        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.True((bool)plan["properties"]!["reserved"]!);

        var site = Template.The("Microsoft.Web/sites");
        Assert.Equal("functionapp,linux", (string?)site["kind"]);
        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
        var properties = site["properties"]!;
        Assert.True((bool)properties["httpsOnly"]!);
        Assert.Equal("1.2", (string?)properties["siteConfig"]!["minTlsVersion"]);
        Assert.Equal("Disabled", (string?)properties["siteConfig"]!["ftpsState"]);
        var config = properties["functionAppConfig"]!;
        Assert.Equal("dotnet-isolated", (string?)config["runtime"]!["name"]);
        Assert.Equal("10.0", (string?)config["runtime"]!["version"]);
        Assert.Equal("blobContainer", (string?)config["deployment"]!["storage"]!["type"]);
        Assert.Equal("UserAssignedIdentity", (string?)config["deployment"]!["storage"]!["authentication"]!["type"]);

        var policies = Template.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        Assert.Equal(2, policies.Count);
        Assert.All(policies, p => Assert.False((bool)p["properties"]!["allow"]!));
    }

    [Fact]
    public void Key_vault_is_rbac_mode_with_soft_delete_and_purge_protection()
    {
        var properties = Template.The("Microsoft.KeyVault/vaults")["properties"]!;
        Assert.True((bool)properties["enableRbacAuthorization"]!);
        Assert.True((bool)properties["enableSoftDelete"]!);
        Assert.True((bool)properties["enablePurgeProtection"]!);
    }

    [Fact]
    public void The_signing_key_is_a_secure_parameter_and_reaches_the_app_only_as_a_key_vault_reference()
    {
        Assert.Equal("securestring", (string?)Template.Root["parameters"]!["signingKey"]!["type"]);
        Assert.Null(Template.Root["parameters"]!["signingKey"]!["defaultValue"]?.GetValue<string>() is { Length: > 0 } ? "non-empty default" : null);
        Assert.Contains("RefreshToken__SigningKeys__{0}__Secret', lambdaVariables('i')), format('@Microsoft.KeyVault(VaultName={0};SecretName=signing-key-{1})'", Template.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void No_output_carries_a_secret()
    {
        foreach (var (name, output) in Template.Root["outputs"]!.AsObject())
        {
            var value = output!["value"]!.ToJsonString();
            Assert.NotEqual("securestring", (string?)output["type"]);
            Assert.DoesNotContain("signingKey", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("list", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("ConnectionString", value, StringComparison.Ordinal);
            Assert.False(name.Contains("secret", StringComparison.OrdinalIgnoreCase), name);
        }
    }

    [Theory]
    [InlineData("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Microsoft.Storage/storageAccounts'")]            // Storage Blob Data Owner
    [InlineData("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Microsoft.Storage/storageAccounts/tableServices/tables'")] // Storage Table Data Contributor
    [InlineData("4633458b-17de-408a-b874-0445c86b69e6", "Microsoft.KeyVault/vaults'")]                     // Key Vault Secrets User
    [InlineData("3913510d-42f4-4e42-8a64-420c390055eb", "Microsoft.Insights/components'")]                 // Monitoring Metrics Publisher
    public void Each_role_is_assigned_to_the_app_identity_at_its_narrow_scope(string roleId, string scopeType)
    {
        var variables = CompiledTemplate.ModuleTemplate("rbac")["variables"]!.AsObject();
        var variable = Assert.Single(variables, v => (string?)v.Value == roleId).Key;
        var assignment = Assert.Single(Template.OfType("Microsoft.Authorization/roleAssignments"), a => ((string?)a["properties"]!["roleDefinitionId"])!.Contains($"variables('{variable}')", StringComparison.Ordinal));
        Assert.Equal("ServicePrincipal", (string?)assignment["properties"]!["principalType"]);
        Assert.Contains(scopeType, (string?)assignment["scope"], StringComparison.Ordinal);
        Assert.Equal(4, Template.OfType("Microsoft.Authorization/roleAssignments").Count());
    }

    [Fact]
    public void Telemetry_uses_entra_id_and_the_start_up_crash_workaround_is_set()
    {
        Assert.True((bool)Template.The("Microsoft.Insights/components")["properties"]!["DisableLocalAuth"]!);
        Assert.Contains("'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', format('ClientId={0};Authorization=AAD'", Template.Text, StringComparison.Ordinal);
        Assert.Contains("'WEBSITE_USE_PLACEHOLDER_DOTNETISOLATED', '0'", Template.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", Template.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Host_and_revocation_storage_are_identity_based()
    {
        foreach (var setting in new[]
        {
            "'AzureWebJobsStorage__credential', 'managedidentity'",
            "'AzureWebJobsStorage__blobServiceUri'",
            "AzureWebJobsStorage__clientId",
            "'RevocationStorage__endpoint'",
            "'RevocationStorage__credential', 'managedidentity'",
            "'RevocationStorage__clientId'",
        })
        {
            Assert.Contains(setting, Template.Text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("'AzureWebJobsStorage', ", Template.Text, StringComparison.Ordinal);
    }

    /// <summary>One source of truth for setting names: every name the sample sets, the template sets too.</summary>
    [Fact]
    public void The_app_settings_cover_every_setting_of_the_local_sample()
    {
        // Local-only names and their Azure counterparts (identity instead of connection strings; Flex has no worker runtime setting).
        var replacedInAzure = new Dictionary<string, string>
        {
            ["FUNCTIONS_WORKER_RUNTIME"] = "functionAppConfig.runtime",
            ["AzureWebJobsStorage"] = "AzureWebJobsStorage__blobServiceUri",
            ["RevocationStorage"] = "RevocationStorage__endpoint",
            ["AZURE_FUNCTIONS_ENVIRONMENT"] = "Production by default",
        };

        foreach (var name in SampleSettingsTests.SampleValues().Keys.Where(n => !replacedInAzure.ContainsKey(n)))
        {
            // Indexed and per-connector names are built in loops: SigningKeys__0__ -> SigningKeys__{0}__.
            var pattern = Regex.Replace(name, "^(RefreshToken__SigningKeys__)0(__)", "${1}{0}$2");
            pattern = Regex.Replace(pattern, "^(Sso__Connectors__)[^_]+(__)", "${1}{0}$2");
            pattern = Regex.Replace(pattern, "^(Sso__Connectors__\\{0\\}__AllowedPostLogoutRedirectUris__)0$", "${1}{1}");
            Assert.True(
                Template.Text.Contains($"'{pattern}'", StringComparison.Ordinal) || Template.Text.Contains($"\"{pattern}\"", StringComparison.Ordinal),
                $"{name} is in local.settings.sample.json but not set by infra/main.bicep");
        }
    }

    /// <summary>
    /// No deployment sets a route prefix: the worker's ASP.NET Core integration reads routePrefix only from the
    /// host.json file, never from app settings (Azure/azure-functions-dotnet-worker issue 3009,
    /// FunctionsEndpointDataSource.BuildEndpoints), so a prefix set as the app setting makes host and worker disagree
    /// and every sign-out waits 15 s for an HTTP 500. The service always answers /session/token; a proxy rewrites.
    /// </summary>
    [Fact]
    public void No_app_setting_parameter_or_sample_sets_a_route_prefix()
    {
        const string why = "the worker reads routePrefix only from host.json (azure-functions-dotnet-worker issue 3009): "
            + "as an app setting it makes host and worker disagree and every sign-out fails with HTTP 500; serve /session/token and rewrite in a proxy";
        const string setting = "AzureFunctionsJobHost__extensions__http__routePrefix";
        var infra = Directory.EnumerateFiles(RepositoryRoot.Combine("infra"), "*.bicep*", SearchOption.AllDirectories)
            .Select(path => (Path: path, Text: File.ReadAllText(path)))
            .Append((Path: "compiled main.bicep", Text: Template.Text))
            .Append((Path: "local.settings.sample.json", Text: File.ReadAllText(RepositoryRoot.Combine("local.settings.sample.json"))));

        Assert.All(infra, file =>
        {
            Assert.False(file.Text.Contains(setting, StringComparison.OrdinalIgnoreCase), $"{file.Path} sets {setting}: {why}");
            Assert.False(file.Text.Contains("routePrefix", StringComparison.OrdinalIgnoreCase), $"{file.Path} has a routePrefix parameter or setting: {why}");
        });
        Assert.DoesNotContain(SampleSettingsTests.SampleValues().Keys, key => key.Contains("routePrefix", StringComparison.OrdinalIgnoreCase));
        Assert.Null(Template.Root["parameters"]!["routePrefix"]);
        Assert.StartsWith("[format('https://{0}/session/token', ", (string?)Template.Root["outputs"]!["signOutUrl"]!["value"], StringComparison.Ordinal);
    }

    [Fact]
    public void Revocations_are_zone_redundant_by_default_and_the_redundancy_is_a_parameter()
    {
        var sku = Template.Root["parameters"]!["storageSku"]!;
        Assert.Equal("Standard_ZRS", (string?)sku["defaultValue"]);
        Assert.Equal(
            ["Standard_ZRS", "Standard_GZRS", "Standard_RAGZRS", "Standard_LRS", "Standard_GRS", "Standard_RAGRS"],
            sku["allowedValues"]!.AsArray().Select(v => (string?)v));
        Assert.Contains("zone", (string?)sku["metadata"]!["description"], StringComparison.Ordinal);
        Assert.Equal("[parameters('skuName')]", (string?)Template.The("Microsoft.Storage/storageAccounts")["sku"]!["name"]);
        Assert.Equal("[parameters('storageSku')]", CompiledTemplate.ModuleArgument("storage", "skuName"));
        Assert.Contains("param storageSku = 'Standard_ZRS'", File.ReadAllText(RepositoryRoot.Combine("infra", "main.bicepparam")), StringComparison.Ordinal);
    }

    [Fact]
    public void Flex_zone_redundancy_is_a_parameter_off_by_default_that_states_its_cost()
    {
        var parameter = Template.Root["parameters"]!["zoneRedundant"]!;
        Assert.False((bool)parameter["defaultValue"]!);
        Assert.Contains("two always-ready instances", (string?)parameter["metadata"]!["description"], StringComparison.Ordinal);
        Assert.Equal("[parameters('zoneRedundant')]", (string?)Template.The("Microsoft.Web/serverfarms")["properties"]!["zoneRedundant"]);
        Assert.Equal("[parameters('zoneRedundant')]", CompiledTemplate.ModuleArgument("functionapp", "zoneRedundant"));
    }

    [Fact]
    public void Writes_and_deletes_on_the_revocation_table_are_audited_to_the_workspace()
    {
        var setting = Template.The("Microsoft.Insights/diagnosticSettings");
        Assert.Contains("Microsoft.Storage/storageAccounts/tableServices'", (string?)setting["scope"], StringComparison.Ordinal);
        Assert.Equal("[parameters('auditWorkspaceId')]", (string?)setting["properties"]!["workspaceId"]);
        var logs = setting["properties"]!["logs"]!.AsArray().ToDictionary(l => (string)l!["category"]!, l => (bool)l!["enabled"]!);
        Assert.True(logs["StorageWrite"]);
        Assert.True(logs["StorageDelete"]);
        Assert.False(logs["StorageRead"]);
        Assert.Contains("monitoring').outputs.workspaceId.value", CompiledTemplate.ModuleArgument("storage", "auditWorkspaceId"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_workspace_retention_is_a_parameter()
    {
        var parameter = Template.Root["parameters"]!["logRetentionInDays"]!;
        Assert.Equal(90, (int)parameter["defaultValue"]!);
        Assert.Equal(30, (int)parameter["minValue"]!);
        Assert.Equal(730, (int)parameter["maxValue"]!);
        Assert.Equal("[parameters('retentionInDays')]", (string?)Template.The("Microsoft.OperationalInsights/workspaces")["properties"]!["retentionInDays"]);
        Assert.Equal("[parameters('logRetentionInDays')]", CompiledTemplate.ModuleArgument("monitoring", "retentionInDays"));
    }

    /// <summary>
    /// A rotation lists a new kid while the environment may still hold the old key value: the secret's name must come
    /// only from the kid named for that value, so the old value can only ever be rewritten under its own kid.
    /// </summary>
    [Fact]
    public void A_key_value_is_written_only_under_its_own_kid_never_one_of_the_listed_kids()
    {
        var secret = Template.The("Microsoft.KeyVault/vaults/secrets");
        Assert.Equal("[format('{0}/{1}', parameters('name'), format('signing-key-{0}', parameters('signingKeyId')))]", (string?)secret["name"]);
        Assert.Equal("[not(empty(parameters('signingKey')))]", (string?)secret["condition"]);

        var kidArgument = CompiledTemplate.ModuleArgument("keyvault", "signingKeyId");
        Assert.DoesNotContain("signingKeyIds", kidArgument, StringComparison.Ordinal);
        Assert.Equal(
            ["signingKey", "signingKeyId"],
            ParameterReference().Matches(kidArgument).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal));
        // A value without its kid stops the deployment instead of guessing one.
        Assert.Contains("fail(", kidArgument, StringComparison.Ordinal);
        Assert.Equal(string.Empty, (string?)Template.Root["parameters"]!["signingKeyId"]!["defaultValue"]);

        var parameters = File.ReadAllText(RepositoryRoot.Combine("infra", "main.bicepparam"));
        Assert.Contains("param signingKey = readEnvironmentVariable('SESSIONFUNCTIONS_SIGNING_KEY', '')", parameters, StringComparison.Ordinal);
        Assert.Contains("param signingKeyId = readEnvironmentVariable('SESSIONFUNCTIONS_SIGNING_KEY_ID', '')", parameters, StringComparison.Ordinal);
    }

    [Fact]
    public void Storage_writes_in_flight_per_instance_follow_the_per_instance_concurrency() =>
        Assert.Contains("'Revocation__MaxConcurrentWrites', string(parameters('httpPerInstanceConcurrency'))", Template.Text, StringComparison.Ordinal);

    [Fact]
    public void The_sample_parameters_compile()
    {
        var (exit, _, stderr) = BicepCli.Run("build-params", RepositoryRoot.Combine("infra", "main.bicepparam"), "--stdout");
        Assert.True(exit == 0 && stderr.Trim().Length == 0, stderr);
    }

    // parameters('signingKeyId') in a compiled expression.
    [GeneratedRegex(@"parameters\('(\w+)'\)")]
    private static partial Regex ParameterReference();

    /// <summary>
    /// The SSO-URL-missing alert counts sign-outs without a URL only when every session is SSO and the default
    /// connector's provider can give one: Okta (needs an id_token_hint) and Google (no sign-out) never do.
    /// </summary>
    [Fact]
    public void Sign_outs_without_an_sso_url_alert_only_when_the_default_connector_can_give_one()
    {
        var expected = CompiledTemplate.ModuleArgument("alerts", "ssoUrlExpected");

        // Connector ids match case-insensitively in the app, so here too.
        Assert.Contains("equals(toLower(lambdaVariables('c').id), toLower(parameters('ssoDefaultConnector')))", expected, StringComparison.Ordinal);
        Assert.Contains("createArray('okta', 'google')", expected, StringComparison.Ordinal);
    }
}
