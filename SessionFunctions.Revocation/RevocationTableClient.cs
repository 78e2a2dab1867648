using Azure.Core;
using Azure.Data.Tables;

namespace SessionFunctions.Revocation;

/// <summary>
/// Builds the <see cref="TableClient"/> a <see cref="RevocationChecker"/> reads, with the Azure SDK's retry policy
/// set from <see cref="RevocationCheckOptions"/> so that every try and back-off fit inside the check's bound.
/// </summary>
public static class RevocationTableClient
{
    /// <summary>A client for <see cref="RevocationCheckOptions.TableName"/> in the account of <paramref name="connectionString"/>.</summary>
    public static TableClient Create(string connectionString, RevocationCheckOptions options, Action<TableClientOptions>? configureClient = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentNullException.ThrowIfNull(options);
        return new TableClient(connectionString, options.TableName, ClientOptions(options, configureClient));
    }

    /// <summary>
    /// A client for <see cref="RevocationCheckOptions.TableName"/> at the account's table endpoint
    /// (<c>https://&lt;account&gt;.table.core.windows.net</c>), authenticated with <paramref name="credential"/>.
    /// </summary>
    public static TableClient Create(Uri endpoint, TokenCredential credential, RevocationCheckOptions options, Action<TableClientOptions>? configureClient = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(options);
        return new TableClient(endpoint, options.TableName, credential, ClientOptions(options, configureClient));
    }

    /// <summary>The client options a check needs: exponential retries within the budget the options were validated for.</summary>
    public static TableClientOptions ClientOptions(RevocationCheckOptions options, Action<TableClientOptions>? configureClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var client = new TableClientOptions();
        client.Retry.Mode = RetryMode.Exponential;
        client.Retry.MaxRetries = options.MaxRetries;
        client.Retry.Delay = options.RetryDelay;
        // No single back-off is longer than the last one of the schedule the validator added up.
        client.Retry.MaxDelay = options.RetryDelay * (1 << Math.Max(0, options.MaxRetries - 1)) * 1.2;
        client.Retry.NetworkTimeout = options.NetworkTimeout;
        configureClient?.Invoke(client);
        return client;
    }
}
