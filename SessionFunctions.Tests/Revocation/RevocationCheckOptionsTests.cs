using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SessionFunctions.Revocation;

namespace SessionFunctions.Tests.Revocation;

/// <summary>The check's options: defaults that fit about a second, validation that adds the numbers up, start-up checks.</summary>
public sealed class RevocationCheckOptionsTests
{
    private const string Connection = "UseDevelopmentStorage=true";

    [Fact]
    public void The_defaults_are_valid_and_their_tries_fit_inside_one_second()
    {
        var defaults = new RevocationCheckOptions();

        Assert.True(new RevocationCheckOptionsValidator().Validate(null, defaults).Succeeded);
        Assert.Equal(TimeSpan.FromSeconds(1), defaults.Timeout);
        Assert.Equal(2, defaults.MaxRetries);
        // 3 tries x 250 ms + back-off of 50 and 100 ms, each stretched by up to 20 %: 930 ms.
        Assert.Equal(TimeSpan.FromMilliseconds(930), defaults.WorstCaseRetryBudget);
    }

    [Theory]
    [InlineData("00:00:00.900", 2, "00:00:00.250", "00:00:00.050", "3 tries")]
    [InlineData("00:00:01", 5, "00:00:00.100", "00:00:00.050", "6 tries")]
    [InlineData("00:00:00", 0, "00:00:00.250", "00:00:00.050", "Timeout must be more than 0")]
    [InlineData("00:00:01", 6, "00:00:00.100", "00:00:00", "MaxRetries must be 0 to 5")]
    [InlineData("00:00:01", -1, "00:00:00.100", "00:00:00", "MaxRetries must be 0 to 5")]
    [InlineData("00:00:01", 0, "00:00:00", "00:00:00", "NetworkTimeout must be more than 0")]
    public void Options_whose_numbers_do_not_add_up_are_refused(string timeout, int maxRetries, string networkTimeout, string retryDelay, string expected)
    {
        var options = new RevocationCheckOptions
        {
            Timeout = TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture),
            MaxRetries = maxRetries,
            NetworkTimeout = TimeSpan.Parse(networkTimeout, System.Globalization.CultureInfo.InvariantCulture),
            RetryDelay = TimeSpan.Parse(retryDelay, System.Globalization.CultureInfo.InvariantCulture),
        };

        var result = new RevocationCheckOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new RevocationChecker(new Azure.Data.Tables.TableClient(Connection, "t1234"), options));
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("1table")]
    [InlineData("revoked-families")]
    public void A_table_name_storage_would_refuse_is_refused(string name)
    {
        var result = new RevocationCheckOptionsValidator().Validate(null, new RevocationCheckOptions { TableName = name });

        Assert.True(result.Failed);
        Assert.Contains("TableName", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_client_the_registration_builds_retries_as_the_options_say()
    {
        var client = RevocationTableClient.ClientOptions(new RevocationCheckOptions { MaxRetries = 3, NetworkTimeout = TimeSpan.FromMilliseconds(150), RetryDelay = TimeSpan.FromMilliseconds(20) });

        Assert.Equal(Azure.Core.RetryMode.Exponential, client.Retry.Mode);
        Assert.Equal(3, client.Retry.MaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(150), client.Retry.NetworkTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(20), client.Retry.Delay);
        Assert.Equal(TimeSpan.FromMilliseconds(96), client.Retry.MaxDelay);
    }

    [Fact]
    public void The_registration_binds_the_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Revocation:TableName"] = "FamiliesRevoked",
            ["Revocation:Timeout"] = "00:00:02",
            ["Revocation:MaxRetries"] = "1",
        }).Build();
        var services = new ServiceCollection().AddMetrics();
        services.AddRevocationChecker(configuration.GetSection("Revocation"), Connection);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<RevocationCheckOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(2), options.Timeout);
        Assert.Equal(1, options.MaxRetries);
        Assert.Equal("FamiliesRevoked", provider.GetRequiredService<RevocationChecker>().TableName);
    }

    [Fact]
    public async Task A_host_with_options_that_do_not_add_up_does_not_start()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Revocation:Timeout"] = "00:00:00.500" });
        builder.Services.AddRevocationChecker(builder.Configuration.GetSection("Revocation"), Connection);
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("more than Timeout 500 ms", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_endpoint_and_credential_overload_reads_the_named_table_at_that_endpoint()
    {
        var services = new ServiceCollection().AddMetrics();
        services.AddRevocationChecker(o => o.TableName = "FamiliesRevoked", new Uri("https://account.table.core.windows.net"), new NoCredential());
        using var provider = services.BuildServiceProvider();

        var checker = provider.GetRequiredService<RevocationChecker>();
        Assert.Equal("FamiliesRevoked", checker.TableName);
    }

    private sealed class NoCredential : Azure.Core.TokenCredential
    {
        public override Azure.Core.AccessToken GetToken(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("no token here");

        public override ValueTask<Azure.Core.AccessToken> GetTokenAsync(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("no token here");
    }
}
