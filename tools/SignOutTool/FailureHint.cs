namespace SignOutTool;

/// <summary>The likely cause behind an answer that is not a success, in words a newcomer can act on.</summary>
internal static class FailureHint
{
    /// <summary>The outcome (<c>status/code</c>) of a successful sign-out.</summary>
    public const string Success = "200/0";

    /// <summary>The outcome (<c>status/code</c>) of a sign-out that storage did not confirm.</summary>
    public const string StorageUnavailable = "200/50001";

    /// <summary>The failed outcome seen most often in <paramref name="outcomes"/> (counts by outcome), or null when every call succeeded.</summary>
    public static string? MostCommonFailure(IEnumerable<KeyValuePair<string, int>> outcomes) =>
        outcomes.Where(o => o.Key != Success).OrderByDescending(o => o.Value).Select(o => o.Key).FirstOrDefault();

    public static string For(string outcome) => outcome switch
    {
        StorageUnavailable => "storage unavailable: is anything listening on the storage endpoint (RevocationStorage, or --storage)? "
            + "Start Azurite with `npx --prefix tools/azurite azurite-table --inMemoryPersistence --disableTelemetry` (table service on 127.0.0.1:10002), or run `bash tools/run-local.sh`.",
        nameof(HttpRequestException) => "nothing answered at the URL: is the function running (`bash tools/run-local.sh` starts `func host start` on http://localhost:7071)?",
        "200/40020" => "the token was refused: the settings file's RefreshToken__SigningKeys__0__Secret is not a key the function accepts.",
        "404/-1" => "no function at that path: the function answers /session/token only (no route prefix); a proxy in front must rewrite /api/v4/session/token to it.",
        _ => $"answers were {outcome}: see the function's log for the correlation id in the answer.",
    };
}
