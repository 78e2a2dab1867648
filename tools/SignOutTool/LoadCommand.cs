using System.Net.Http.Json;
using System.Text.Json;

namespace SignOutTool;

/// <summary>
/// Drives sign-outs with tokens minted for many families: against a running function (<c>--url</c>: the local
/// <c>func start</c> or a deployed app), or in-process against a storage account (<c>--in-process</c>: the same
/// composition and function, without the Functions host, to see how the app itself scales).
/// </summary>
internal static class LoadCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = new Arguments(args);
        if (ToolSetup.Load(arguments) is not { } setup)
        {
            return 1;
        }

        var (settings, minter) = setup;

        var requests = arguments.Int("--requests", 2000);
        var concurrency = arguments.Int("--concurrency", 16);
        var families = Enumerable.Range(0, Math.Max(1, arguments.Int("--families", 500))).Select(_ => Guid.NewGuid().ToString()).ToArray();
        var tokens = Enumerable.Range(0, requests).Select(i => minter.Mint("user" + (i % families.Length), families[i % families.Length], null)).ToArray();

        LoadReport report;
        if (arguments.Value("--url") is { } url)
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            report = await LoadRunner.RunAsync(tokens, concurrency, (token, ct) => SendHttpAsync(http, new Uri(url), token, ct), CancellationToken.None).ConfigureAwait(false);
        }
        else if (arguments.Flag("--in-process") && arguments.Value("--storage") is { } storage)
        {
            await using var app = InProcessApp.Create(settings, storage);
            try
            {
                await app.PrefillAsync(arguments.Int("--prefill", 0)).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is Azure.RequestFailedException or AggregateException)
            {
                Console.Error.WriteLine($"prefill failed ({exception.GetType().Name}): " + FailureHint.For("200/50001"));
                return 3;
            }

            await LoadRunner.RunAsync(tokens.Take(Math.Min(50, tokens.Length)).Select(_ => minter.Mint("warm", Guid.NewGuid().ToString(), null)).ToArray(), concurrency, app.SignOutAsync, CancellationToken.None).ConfigureAwait(false);
            report = await LoadRunner.RunAsync(tokens, concurrency, app.SignOutAsync, CancellationToken.None).ConfigureAwait(false);
        }
        else
        {
            Console.Error.WriteLine("load needs --url URL, or --in-process with --storage CONNECTION.");
            return 2;
        }

        Console.WriteLine($"concurrency  {concurrency}, families {families.Length}");
        Console.WriteLine(report.Describe());
        return report.Errors == 0 ? 0 : 3;
    }

    private static async Task<(int, int)> SendHttpAsync(HttpClient http, Uri url, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, url) { Content = JsonContent.Create(new Dictionary<string, string> { ["refresh_token"] = token }) };
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return ((int)response.StatusCode, CodeOf(body));
    }

    /// <summary>The envelope's <c>code</c>, or -1; read without building a document, so measuring costs little.</summary>
    internal static int CodeOf(byte[] body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return -1;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isCode = reader.ValueTextEquals("code"u8);
                reader.Read();
                if (isCode)
                {
                    return reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var code) ? code : -1;
                }

                reader.Skip();
            }

            return -1;
        }
        catch (JsonException)
        {
            return -1;
        }
    }
}
