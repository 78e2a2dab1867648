using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SessionFunctions;
using SessionFunctions.Revocation;
using SessionFunctions.Testing;

namespace SignOutTool;

/// <summary>
/// The app composed exactly as Program.cs composes it (<see cref="SessionFunctionsApp.CreateBuilder"/>, telemetry
/// included), with its settings handed over as environment variables the way the Functions host hands them to the
/// worker, and the function called the way the worker calls it (<see cref="FunctionInvocation"/>).
/// </summary>
internal sealed class InProcessApp(IHost host, TableClient table) : IAsyncDisposable
{
    public IServiceProvider Services => host.Services;

    public static InProcessApp Create(LocalSettings settings, string storage, IReadOnlyDictionary<string, string>? overrides = null, Action<ILoggingBuilder>? logging = null)
    {
        var values = ApplySettings(settings, storage, overrides);
        var builder = SessionFunctionsApp.CreateBuilder([]);
        logging?.Invoke(builder.Logging);
        var tableName = values.GetValueOrDefault("Revocation__TableName") ?? "RevokedTokenFamilies";
        return new InProcessApp(builder.Build(), new TableClient(storage, tableName));
    }

    /// <summary>
    /// Hands the settings file's values (with <paramref name="storage"/> and <paramref name="overrides"/>) to this
    /// process as environment variables, as the Functions host hands app settings to the worker; an empty value
    /// removes the setting.
    /// </summary>
    public static Dictionary<string, string> ApplySettings(LocalSettings settings, string storage, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var values = new Dictionary<string, string>(settings.Values, StringComparer.Ordinal)
        {
            ["RevocationStorage"] = storage,
            ["SignOut__IncludeErrorDetail"] = "false",
        };
        foreach (var (name, value) in overrides ?? new Dictionary<string, string>())
        {
            values[name] = value;
        }

        foreach (var (name, value) in values)
        {
            Environment.SetEnvironmentVariable(name, value.Length == 0 ? null : value);
        }

        return values;
    }

    public async Task PrefillAsync(int count)
    {
        if (count == 0)
        {
            return;
        }

        await table.CreateIfNotExistsAsync().ConfigureAwait(false);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (_, ct) =>
            await table.AddEntityAsync(new RevocationRecord
            {
                PartitionKey = TokenFamily.FromRootId(Guid.NewGuid().ToString()),
                Subject = "prefill",
                RevokedAt = DateTimeOffset.UtcNow,
                Reason = "prefill",
                FamilySource = "root",
                RetainUntil = DateTimeOffset.UtcNow.AddDays(30),
                CorrelationId = Guid.NewGuid().ToString(),
            }, ct).ConfigureAwait(false)).ConfigureAwait(false);
    }

    public Task<(int Status, int Code)> SignOutAsync(string token, CancellationToken cancellationToken) => SignOutAsync(host.Services, token, cancellationToken);

    /// <summary>One sign-out through <paramref name="services"/>: the HTTP status and the envelope's code.</summary>
    public static async Task<(int Status, int Code)> SignOutAsync(IServiceProvider services, string token, CancellationToken cancellationToken)
    {
        var (status, body) = await SendAsync(services, token, cancellationToken).ConfigureAwait(false);
        return (status, LoadCommand.CodeOf(body));
    }

    /// <summary>One sign-out; the HTTP status and the body as the client receives them.</summary>
    public Task<(int Status, byte[] Body)> SendAsync(string token, CancellationToken cancellationToken) => SendAsync(host.Services, token, cancellationToken);

    /// <summary>One sign-out through <paramref name="services"/>, the function called as the worker calls it.</summary>
    public static async Task<(int Status, byte[] Body)> SendAsync(IServiceProvider services, string token, CancellationToken cancellationToken)
    {
        // A JWT is base64url and dots: nothing in it needs JSON escaping.
        var body = Encoding.UTF8.GetBytes("{\"refresh_token\":\"" + token + "\"}");
        var answer = await FunctionInvocation.SignOutAsync(
            services,
            request =>
            {
                request.Body = new MemoryStream(body);
                request.ContentLength = body.Length;
            },
            cancellationToken).ConfigureAwait(false);
        return (answer.Status, answer.Body);
    }

    public async ValueTask DisposeAsync()
    {
        if (host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            host.Dispose();
        }
    }
}
