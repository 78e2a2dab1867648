using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SessionFunctions.RevocationStorage;

namespace SessionFunctions.Tests.Support;

/// <summary>
/// The app as <see cref="AppServices"/> composes it, with a fake clock (or the real one) and a fake logger, driven
/// through <see cref="FunctionInvocation"/> as the worker drives the function; every log line it writes is audited
/// for secrets when it is disposed.
/// </summary>
public sealed class SignOutHost : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly LogSecretsAudit _audit = new();

    private SignOutHost(ServiceProvider services, IEnumerable<string> signingSecrets)
    {
        _services = services;
        foreach (var secret in signingSecrets)
        {
            _audit.Add(secret);
        }

        _time = services.GetRequiredService<TimeProvider>() as FakeTimeProvider;
        Logs = services.GetRequiredService<FakeLogCollector>();
    }

    private readonly FakeTimeProvider? _time;

    /// <summary>The host's clock; every host has a fake one except those created with <c>realClock</c>.</summary>
    public FakeTimeProvider Time => _time ?? throw new InvalidOperationException("This host runs on the real clock.");

    public FakeLogCollector Logs { get; }

    public IServiceProvider Services => _services;

    /// <summary>The settings every test starts from: two signing keys, one Logto connector.</summary>
    public static Dictionary<string, string?> DefaultSettings(string storageConnection = "UseDevelopmentStorage=true") => new()
    {
        ["RefreshToken:SigningKeys:0:Id"] = TestTokens.KeyOneId,
        ["RefreshToken:SigningKeys:0:Secret"] = TestTokens.KeyOne,
        ["RefreshToken:SigningKeys:1:Id"] = TestTokens.KeyTwoId,
        ["RefreshToken:SigningKeys:1:Secret"] = TestTokens.KeyTwo,
        ["Revocation:TableName"] = "RevokedTokenFamilies",
        ["RevocationStorage"] = storageConnection,
        ["Sso:Connectors:logto:EndSessionEndpoint"] = "https://kqyhaj.logto.app/oidc/session/end",
        ["Sso:Connectors:logto:ClientId"] = "web-client",
        ["Sso:Connectors:logto:PostLogoutRedirectUri"] = "https://cloud.example.com/session",
    };

    public static SignOutHost Create(
        Action<Dictionary<string, string?>>? configure = null,
        object? store = null,
        string environment = "Production",
        string storageConnection = "UseDevelopmentStorage=true",
        Action<IServiceCollection>? services = null,
        bool realClock = false)
    {
        var settings = DefaultSettings(storageConnection);
        configure?.Invoke(settings);
        var provider = AppServices.Build(
            settings,
            environment,
            before: collection =>
            {
                // Timeouts under test run on a fake clock; overload tests need the real one, as queue waits are real.
                collection.AddSingleton(realClock ? TimeProvider.System : new FakeTimeProvider(TestTokens.Now));
                collection.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
            },
            after: collection =>
            {
                if (store is not null)
                {
                    collection.Replace(ServiceDescriptor.Singleton(typeof(IRevocationStore), store));
                }

                services?.Invoke(collection);
            });
        return new SignOutHost(provider, settings.Where(s => s.Key.EndsWith(":Secret", StringComparison.Ordinal) && !string.IsNullOrEmpty(s.Value)).Select(s => s.Value!));
    }

    public Task<SignOutResponse> DeleteJsonAsync(object body, IDictionary<string, string>? headers = null) =>
        DeleteAsync(JsonSerializer.Serialize(body), headers);

    public Task<SignOutResponse> SignOutAsync(string refreshToken, IDictionary<string, string>? headers = null) =>
        DeleteJsonAsync(new Dictionary<string, string> { ["refresh_token"] = refreshToken }, headers);

    public Task<SignOutResponse> DeleteAsync(string? body, IDictionary<string, string>? headers = null) =>
        DeleteAsync(body is null ? null : new MemoryStream(Encoding.UTF8.GetBytes(body)), headers);

    public async Task<SignOutResponse> DeleteAsync(Stream? body, IDictionary<string, string>? headers = null, long? contentLength = null, CancellationToken cancellationToken = default)
    {
        if (body is MemoryStream { CanSeek: true } memory)
        {
            _audit.AddTokensIn(Encoding.UTF8.GetString(memory.ToArray()));
        }

        var answer = await FunctionInvocation.SignOutAsync(
            _services,
            request =>
            {
                request.ContentType = "application/json";
                request.Body = body ?? Stream.Null;
                request.ContentLength = contentLength ?? (body is { CanSeek: true } ? body.Length : null);
                foreach (var (name, value) in headers ?? new Dictionary<string, string>())
                {
                    request.Headers[name] = value;
                }
            },
            cancellationToken);
        return new SignOutResponse(answer.Status, answer.Headers, Encoding.UTF8.GetString(answer.Body));
    }

    public T Options<T>()
        where T : class => _services.GetRequiredService<IOptions<T>>().Value;

    /// <summary>Fails when any log line, exception, state value or scope holds a key, a token or a signature.</summary>
    public void AssertNoSecretsLogged() => _audit.AssertAbsentFrom(Logs.GetSnapshot());

    /// <summary>Every test that drives a host also audits its logs: the whole run is a secrets-hygiene check.</summary>
    public void Dispose()
    {
        try
        {
            AssertNoSecretsLogged();
        }
        finally
        {
            _services.Dispose();
        }
    }
}
