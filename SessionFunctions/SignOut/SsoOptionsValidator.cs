using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SessionFunctions.SignOut;

/// <summary>
/// Refuses connector settings that would hand users a broken or unsafe sign-out URL, naming the setting.
/// Plain http is allowed only in Development, where a local identity provider stand-in is common.
/// </summary>
public sealed class SsoOptionsValidator(IHostEnvironment environment) : IValidateOptions<SsoOptions>
{
    public ValidateOptionsResult Validate(string? name, SsoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (id, connector) in options.Connectors)
        {
            var prefix = $"Sso__Connectors__{id}__";
            CheckUri(failures, prefix + "EndSessionEndpoint", connector.EndSessionEndpoint, required: true);
            CheckUri(failures, prefix + "PostLogoutRedirectUri", connector.PostLogoutRedirectUri, required: false);
        }

        if (!string.IsNullOrEmpty(options.DefaultConnector) && !options.Connectors.ContainsKey(options.DefaultConnector))
        {
            failures.Add($"Sso__DefaultConnector names '{options.DefaultConnector}', which is not among Sso__Connectors.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void CheckUri(List<string> failures, string setting, Uri? value, bool required)
    {
        if (SsoConnectorOptions.IsUnset(value))
        {
            if (required)
            {
                failures.Add($"{setting} is not set.");
            }

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
}
