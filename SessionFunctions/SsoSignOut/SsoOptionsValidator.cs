using Microsoft.Extensions.Options;

namespace SessionFunctions.SsoSignOut;

/// <summary>
/// Refuses connector settings that would hand users a broken or unsafe sign-out URL, naming the setting.
/// Plain http is allowed only in Development, where a local identity provider stand-in is common.
/// </summary>
public sealed partial class SsoOptionsValidator(IHostEnvironment environment) : IValidateOptions<SsoOptions>
{
    public ValidateOptionsResult Validate(string? name, SsoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var ranges = new SsoOptionsRangeValidator().Validate(name, options);
        if (ranges.Failed)
        {
            failures.AddRange(ranges.Failures);
        }

        foreach (var (id, connector) in options.Connectors)
        {
            CheckConnector(failures, $"Sso__Connectors__{id}__", connector);
        }

        if (!string.IsNullOrEmpty(options.DefaultConnector) && !options.Connectors.ContainsKey(options.DefaultConnector))
        {
            failures.Add($"Sso__DefaultConnector names '{options.DefaultConnector}', which is not among Sso__Connectors.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void CheckConnector(List<string> failures, string prefix, SsoConnectorOptions connector)
    {
        if (!string.IsNullOrEmpty(connector.Preset) && !SsoPresets.All.ContainsKey(connector.Preset))
        {
            failures.Add($"{prefix}Preset '{connector.Preset}' is unknown; use one of: {string.Join(", ", SsoPresets.All.Keys)}.");
            return;
        }

        var preset = connector.EffectivePreset;
        CheckUri(failures, prefix + "Authority", connector.Authority);
        CheckUri(failures, prefix + "EndSessionEndpoint", connector.EndSessionEndpoint);
        CheckUri(failures, prefix + "PostLogoutRedirectUri", connector.PostLogoutRedirectUri);
        for (var i = 0; i < connector.AllowedPostLogoutRedirectUris.Count; i++)
        {
            CheckUri(failures, $"{prefix}AllowedPostLogoutRedirectUris__{i}", connector.AllowedPostLogoutRedirectUris[i]);
        }

        var hasEndpoint = !SsoConnectorOptions.IsUnset(connector.EndSessionEndpoint);
        var hasAuthority = !SsoConnectorOptions.IsUnset(connector.Authority);
        if (preset.UsesDiscovery && preset.PublishesEndSession && !hasEndpoint && !hasAuthority)
        {
            failures.Add($"{prefix}EndSessionEndpoint is not set: set it, or {prefix}Authority for discovery.");
        }

        if (!preset.UsesDiscovery && !hasAuthority)
        {
            failures.Add($"{prefix}Authority is not set: the {preset.Name} preset builds its sign-out URL from it.");
        }

        if (preset.RequiresClientId && string.IsNullOrEmpty(connector.ClientId))
        {
            failures.Add($"{prefix}ClientId is not set: the {preset.Name} preset requires it.");
        }

        if (preset.RequiresRedirect && SsoConnectorOptions.IsUnset(connector.PostLogoutRedirectUri))
        {
            failures.Add($"{prefix}PostLogoutRedirectUri is not set: the {preset.Name} preset requires it.");
        }
    }

    private void CheckUri(List<string> failures, string setting, Uri? value)
    {
        if (SsoConnectorOptions.IsUnset(value))
        {
            return;
        }

        if (!value.IsAbsoluteUri)
        {
            failures.Add($"{setting} must be an absolute URL.");
        }
        else if (value.Scheme != Uri.UriSchemeHttps && !(value.Scheme == Uri.UriSchemeHttp && environment.IsDevelopment()))
        {
            failures.Add($"{setting} must use https (http is accepted only in Development).");
        }
    }

    [OptionsValidator]
    internal sealed partial class SsoOptionsRangeValidator : IValidateOptions<SsoOptions>;
}
