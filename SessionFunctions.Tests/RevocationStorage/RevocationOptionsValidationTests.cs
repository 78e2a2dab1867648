using Microsoft.Extensions.Options;
using SessionFunctions.RevocationStorage;

namespace SessionFunctions.Tests.RevocationStorage;

/// <summary>
/// The storage timeout must leave room for every try the retry policy may make: otherwise the last retry can
/// never finish, and a write that would have succeeded on it is answered 50001.
/// </summary>
public sealed class RevocationOptionsValidationTests
{
    [Fact]
    public void The_old_defaults_shape_is_refused_naming_the_settings()
    {
        // 5 s could not hold 3 tries of 2 s, let alone the back-off between them.
        var error = Assert.Throws<OptionsValidationException>(() => SignOutHost.Create(s =>
        {
            s["Revocation:StorageTimeout"] = "00:00:05";
            s["Revocation:NetworkTimeout"] = "00:00:02";
            s["Revocation:MaxRetries"] = "2";
        })).Message;

        Assert.Contains("Revocation__StorageTimeout", error, StringComparison.Ordinal);
        Assert.Contains("Revocation__NetworkTimeout", error, StringComparison.Ordinal);
        Assert.Contains("Revocation__MaxRetries", error, StringComparison.Ordinal);
        Assert.Contains("00:00:06.3600000", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_cover_every_try()
    {
        using var host = SignOutHost.Create();
        var defaults = host.Options<RevocationOptions>();

        Assert.Equal(TimeSpan.FromSeconds(1.5), defaults.NetworkTimeout);
        Assert.Equal(TimeSpan.FromSeconds(4.86), defaults.MinimumStorageTimeout);
        Assert.True(defaults.StorageTimeout >= defaults.MinimumStorageTimeout, $"{defaults.StorageTimeout} < {defaults.MinimumStorageTimeout}");
    }

    [Fact]
    public void The_shortest_valid_storage_timeout_is_accepted_and_one_tick_less_is_not()
    {
        var shape = new RevocationOptions { MaxRetries = 3, NetworkTimeout = TimeSpan.FromSeconds(1) };
        using var host = SignOutHost.Create(s => Shape(s, shape, shape.MinimumStorageTimeout));

        Assert.Throws<OptionsValidationException>(() => SignOutHost.Create(s => Shape(s, shape, shape.MinimumStorageTimeout - TimeSpan.FromTicks(1))));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 120)]
    [InlineData(2, 360)]
    [InlineData(4, 1_800)]
    [InlineData(5, 2_800)]
    public void The_worst_back_off_is_the_sdks_exponential_delay_with_full_jitter_capped_at_max_delay(int retries, int milliseconds) =>
        // 0.1 s doubling, x1.2 jitter, each wait capped at 1 s: 0.12 + 0.24 + 0.48 + 0.96 + 1.
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), StorageRetryPolicy.WorstCaseBackOff(retries));

    private static void Shape(Dictionary<string, string?> settings, RevocationOptions shape, TimeSpan storageTimeout)
    {
        settings["Revocation:MaxRetries"] = shape.MaxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Revocation:NetworkTimeout"] = shape.NetworkTimeout.ToString();
        settings["Revocation:StorageTimeout"] = storageTimeout.ToString();
    }
}
