using System.Diagnostics;
using SessionFunctions.Revocation;
using SessionFunctions.SignOut;
using Xunit.Abstractions;

namespace SessionFunctions.Tests.RevocationStorage.Azurite;

/// <summary>
/// Storage restarted while sign-outs are in flight (Azurite persisting to disk, stopped as a restart stops it):
/// every success keeps its record, every failure is 200/50001, and sign-outs succeed again soon after storage is back.
/// </summary>
[Trait("Uses", "Azurite")]
public sealed class StorageRestartTests(ITestOutputHelper output)
{
    /// <summary>The stated recovery bound: one failed try's network timeout and back-off, plus connection set-up, with margin for a busy machine.</summary>
    public static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Storage_restarted_under_load_loses_no_success_and_sign_outs_recover()
    {
        var location = Directory.CreateTempSubdirectory("azurite-restart-");
        try
        {
            await using var azurite = await AzuriteTable.StartAsync(location.FullName);
            var table = AzuriteFixture.NewTableName();
            using var host = TableHosts.Create(azurite.ConnectionString, table, realClock: true, configure: s =>
            {
                s["Revocation:NetworkTimeout"] = "00:00:00.500";
                s["Revocation:MaxRetries"] = "1";
                s["Revocation:StorageTimeout"] = "00:00:02";
            });
            Assert.Equal(ApiCode.Success, (await host.SignOutAsync(TestTokens.RefreshOnRealClock(Guid.NewGuid().ToString()))).Code);

            var clock = Stopwatch.StartNew();
            using var stopSending = new CancellationTokenSource();
            // Sent until well after storage is back, however long the stop and start take on a busy machine.
            var load = OfferedLoad.SendAsync(host, perSecond: 40, duration: TimeSpan.FromMinutes(2), stopSending.Token, clock);
            await Task.Delay(TimeSpan.FromSeconds(2));
            await azurite.StopGracefullyAsync();
            var down = clock.Elapsed;
            await Task.Delay(TimeSpan.FromSeconds(2));
            await azurite.RestartAsync();
            var up = clock.Elapsed;
            await Task.Delay(RecoveryBound + TimeSpan.FromSeconds(2));
            await stopSending.CancelAsync();
            var sent = await load;

            var summary = OfferedLoad.Summary(sent.Select(s => s.Response));
            Assert.All(sent.Where(s => !s.Succeeded), s => Assert.True(s.Response.Status == 200 && s.Response.Code == ApiCode.StorageUnavailable, summary));
            Assert.Contains(sent, s => !s.Succeeded && s.SentAt >= down);
            var records = (await TableHosts.ReadAllAsync(azurite.ConnectionString, table)).Select(r => r.PartitionKey).ToHashSet();
            var missing = sent.Count(s => s.Succeeded && !records.Contains(TokenFamily.FromRootId(s.RootId)));
            Assert.True(missing == 0, $"{missing} successes without their record; {summary}");

            // Recovered: from the first sign-out sent after storage is back that succeeds, every later one succeeds.
            var afterUp = sent.Where(s => s.SentAt >= up).ToList();
            var firstSuccess = afterUp.FirstOrDefault(s => s.Succeeded) ?? throw new Xunit.Sdk.XunitException($"no success after the restart; {summary}");
            var recovery = firstSuccess.AnsweredAt - up;
            output.WriteLine($"down at {down.TotalSeconds:F2} s, up at {up.TotalSeconds:F2} s; first success {recovery.TotalMilliseconds:F0} ms after storage was back; {summary}");
            Assert.True(recovery <= RecoveryBound, $"first success {recovery} after storage was back; {summary}");
            Assert.All(afterUp.Where(s => s.SentAt > firstSuccess.SentAt), s => Assert.True(s.Succeeded, summary));
        }
        finally
        {
            location.Delete(recursive: true);
        }
    }
}
