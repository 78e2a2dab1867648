using System.Globalization;
using SessionFunctions.Revocation;
using SessionFunctions.SignOut;
using Xunit.Abstractions;

namespace SessionFunctions.Tests.RevocationStorage.Azurite;

/// <summary>
/// Ten times more sign-outs than storage can take: the excess is shed with 200/50001 + Retry-After without touching
/// storage, storage never sees more writes at once than the limit, and no success is ever claimed without its
/// record. Storage capacity is set by a stand-in (slots x hold), not by this machine's speed, and every assertion is
/// a count: how fast the machine is decides how many succeed, never whether the test passes. Goodput is measured, not
/// asserted: the test prints it (docs/reliability.md, "Overload").
/// </summary>
[Collection(AzuriteTests.Name)]
[Trait("Uses", "Azurite")]
public sealed class OverloadTests(AzuriteFixture fixture, ITestOutputHelper output)
{
    private const int StandInSlots = 4;
    private const int MaxConcurrentWrites = 8;
    private const int MaxRetries = 2;
    private static readonly TimeSpan StandInHold = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Burst = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan MaxQueueWait = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan NetworkTimeout = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task Ten_times_storage_capacity_sheds_the_excess_without_touching_storage()
    {
        await using var standIn = await StorageStandIn.StartAsync(fixture.Azurite, StandInSlots, StandInHold);
        var table = await NewTableAsync();
        using var host = Host(standIn, table);
        await WarmAsync(host, standIn);

        var sent = await OfferedLoad.SendAsync(host, 10 * standIn.Capacity, Burst);

        await AssertSafeAsync(sent, table, standIn);
        Assert.Contains(sent, s => s.Succeeded);
        Assert.Contains(sent, IsShed);
        output.WriteLine(Goodput(sent, standIn));
    }

    [Fact]
    public async Task Throttling_storage_under_overload_is_retried_within_bounds_and_never_a_false_success()
    {
        await using var standIn = await StorageStandIn.StartAsync(fixture.Azurite, StandInSlots, StandInHold, throttleEvery: 2);
        var table = await NewTableAsync();
        using var host = Host(standIn, table);

        var sent = await OfferedLoad.SendAsync(host, 10 * standIn.Capacity, Burst);

        await AssertSafeAsync(sent, table, standIn);
        Assert.Contains(sent, s => s.Succeeded);
    }

    [Fact]
    public async Task Latency_spikes_of_three_network_timeouts_under_overload_stay_bounded()
    {
        await using var standIn = await StorageStandIn.StartAsync(fixture.Azurite, StandInSlots, StandInHold, spikeEvery: 5, spikeHold: 3 * NetworkTimeout);
        var table = await NewTableAsync();
        using var host = Host(standIn, table);

        var sent = await OfferedLoad.SendAsync(host, 10 * standIn.Capacity, Burst);

        // Bounded by count: a spiking write is given up after its network timeout and retried at most MaxRetries
        // times (AssertSafeAsync), so no sign-out waits on one slow write for longer than its tries.
        await AssertSafeAsync(sent, table, standIn);
        Assert.Contains(sent, s => s.Succeeded);
    }

    private static SignOutHost Host(StorageStandIn standIn, string table) =>
        TableHosts.Create(standIn.ConnectionString, table, realClock: true, configure: s =>
        {
            s["Revocation:MaxConcurrentWrites"] = MaxConcurrentWrites.ToString(CultureInfo.InvariantCulture);
            s["Revocation:MaxQueuedWrites"] = "8";
            s["Revocation:MaxQueueWait"] = MaxQueueWait.ToString();
            s["Revocation:MaxRetries"] = MaxRetries.ToString(CultureInfo.InvariantCulture);
            s["Revocation:NetworkTimeout"] = NetworkTimeout.ToString();
            s["Revocation:StorageTimeout"] = "00:00:05";
            s["SignOut:RetryAfterSeconds"] = "3";
            // The error detail tells a shed answer from a failed write; both are 50001 to the client.
            s["SignOut:IncludeErrorDetail"] = "true";
        });

    /// <summary>The table exists before the load, so every write is one insert and its retries, nothing else.</summary>
    private async Task<string> NewTableAsync()
    {
        var table = AzuriteFixture.NewTableName();
        await TableHosts.Table(fixture.Azurite.ConnectionString, table).CreateIfNotExistsAsync();
        return table;
    }

    /// <summary>
    /// Not part of the measured burst: one second of the same overload takes every path (success, queue, shed)
    /// through the JIT and ramps up the thread pool, so the printed goodput is not start-up's.
    /// </summary>
    private static async Task WarmAsync(SignOutHost host, StorageStandIn standIn)
    {
        Assert.Equal(ApiCode.Success, (await host.SignOutAsync(TestTokens.RefreshOnRealClock(Guid.NewGuid().ToString()))).Code);
        await OfferedLoad.SendAsync(host, 10 * standIn.Capacity, TimeSpan.FromSeconds(1));
    }

    /// <summary>
    /// The invariants, all counts: every answer is a success with its record or 200/50001 with Retry-After; storage
    /// never had more than MaxConcurrentWrites writes at once; a shed answer's family never reached storage; no
    /// family was written more than 1 + MaxRetries times.
    /// </summary>
    private async Task AssertSafeAsync(IReadOnlyList<SentSignOut> sent, string table, StorageStandIn standIn)
    {
        var summary = OfferedLoad.Summary(sent.Select(s => s.Response));
        var unexpected = sent.Where(s => !s.Succeeded && !(s.Response.Status == 200 && s.Response.Code == ApiCode.StorageUnavailable)).ToList();
        Assert.True(unexpected.Count == 0, $"answers other than success or 200/50001: {summary}");
        Assert.All(sent.Where(s => !s.Succeeded), s => Assert.Equal("3", s.Response.Headers.RetryAfter.ToString()));

        var records = (await TableHosts.ReadAllAsync(fixture.Azurite.ConnectionString, table)).Select(r => r.PartitionKey).ToHashSet();
        var missing = sent.Where(s => s.Succeeded && !records.Contains(TokenFamily.FromRootId(s.RootId))).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} successes without their record; {summary}");

        Assert.True(standIn.MaxInFlight <= MaxConcurrentWrites, $"storage saw {standIn.MaxInFlight} writes at once, limit {MaxConcurrentWrites}; {summary}");
        var shedButWritten = sent.Where(IsShed).Count(s => standIn.WritesByFamily.ContainsKey(TokenFamily.FromRootId(s.RootId)));
        Assert.True(shedButWritten == 0, $"{shedButWritten} shed sign-outs reached storage; {summary}");
        var mostTries = sent.Select(s => standIn.WritesByFamily.GetValueOrDefault(TokenFamily.FromRootId(s.RootId))).Max();
        Assert.True(mostTries <= 1 + MaxRetries, $"a family was written {mostTries} times, at most {1 + MaxRetries} allowed");
    }

    /// <summary>Shed by the write limiter (its detail says so), as opposed to a write storage failed.</summary>
    private static bool IsShed(SentSignOut sent) =>
        sent.Response.Code == ApiCode.StorageUnavailable
        && sent.Response.Json.GetProperty("error").GetString() is { } detail
        && (detail.StartsWith("No write slot", StringComparison.Ordinal) || detail.StartsWith("The write queue is full", StringComparison.Ordinal));

    /// <summary>
    /// The measured figure (not asserted): successes answered while sign-outs were still being sent, per second
    /// of sending, against the stand-in's capacity, and how fast the excess was shed.
    /// </summary>
    private static string Goodput(IReadOnlyList<SentSignOut> sent, StorageStandIn standIn)
    {
        var burst = (From: sent.Min(s => s.SentAt), To: sent.Max(s => s.SentAt));
        var successes = sent.Count(s => s.Succeeded && s.AnsweredAt <= burst.To);
        var goodput = successes / (burst.To - burst.From).TotalSeconds;
        var shed = sent.Where(IsShed).Select(s => s.Latency.TotalMilliseconds).Order().ToArray();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"offered {sent.Count} in {Burst.TotalSeconds} s ({10 * standIn.Capacity:F0}/s), capacity {standIn.Capacity:F0}/s: goodput {goodput:F1}/s ({goodput / standIn.Capacity:P0}), {sent.Count(s => s.Succeeded)} succeeded, {shed.Length} shed (p50 {shed.ElementAtOrDefault(shed.Length / 2):F1} ms, max {shed.LastOrDefault():F1} ms), most writes at once {standIn.MaxInFlight}");
    }
}
