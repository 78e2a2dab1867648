using System.CommandLine;
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
    public static Command Create()
    {
        var url = new Option<Uri?>("--url")
        {
            Description = "The function's URL, e.g. http://localhost:7071/session/token.",
            HelpName = "URL",
            // System.CommandLine has no converter for Uri: without this parser every --url failed when the command ran.
            CustomParser = result =>
            {
                if (Uri.TryCreate(result.Tokens[^1].Value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                {
                    return uri;
                }

                result.AddError($"--url must be an absolute http or https URL, not '{result.Tokens[^1].Value}'.");
                return null;
            },
        };
        var inProcess = new Option<bool>("--in-process") { Description = "Call the function in this process against --storage instead of over HTTP." };
        var prefill = new Option<int>("--prefill") { Description = "Revoked families to write to the table first (in-process only).", HelpName = "N" };
        var families = ToolOptions.Positive("--families", 500, "Distinct token families the requests are spread over.");
        var command = new Command("load", "Drives a bounded number of sign-outs and prints throughput, latency percentiles and the answers.")
        {
            url, inProcess, ToolOptions.Storage, prefill, ToolOptions.Requests, ToolOptions.Concurrency, families, ToolOptions.Settings,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetResult(url) is null) == (result.GetResult(inProcess) is null || result.GetResult(ToolOptions.Storage) is null))
            {
                result.AddError("load needs --url URL, or --in-process with --storage CONNECTION (not both).");
            }
        });
        command.SetAction((parsed, cancellationToken) => RunAsync(parsed, parsed.GetValue(url), parsed.GetValue(prefill), parsed.GetValue(families), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parsed, Uri? url, int prefill, int familyCount, CancellationToken cancellationToken)
    {
        if (ToolSetup.Load(parsed.GetRequiredValue(ToolOptions.Settings)) is not { } setup)
        {
            return 1;
        }

        var (settings, minter) = setup;
        var requests = parsed.GetValue(ToolOptions.Requests);
        var concurrency = parsed.GetValue(ToolOptions.Concurrency);
        var families = Enumerable.Range(0, familyCount).Select(_ => Guid.NewGuid().ToString()).ToArray();
        var tokens = Enumerable.Range(0, requests).Select(i => minter.Mint("user" + (i % families.Length), families[i % families.Length], null)).ToArray();

        LoadReport report;
        if (url is not null)
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            report = await LoadRunner.RunAsync(tokens, concurrency, (token, ct) => SendHttpAsync(http, url, token, ct), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await using var app = InProcessApp.Create(settings, parsed.GetRequiredValue(ToolOptions.Storage));
            try
            {
                await app.PrefillAsync(prefill).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is Azure.RequestFailedException or AggregateException)
            {
                Console.Error.WriteLine($"prefill failed ({exception.GetType().Name}): " + FailureHint.For(FailureHint.StorageUnavailable));
                return 3;
            }

            await LoadRunner.RunAsync(tokens.Take(Math.Min(50, tokens.Length)).Select(_ => minter.Mint("warm", Guid.NewGuid().ToString(), null)).ToArray(), concurrency, app.SignOutAsync, cancellationToken).ConfigureAwait(false);
            report = await LoadRunner.RunAsync(tokens, concurrency, app.SignOutAsync, cancellationToken).ConfigureAwait(false);
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
