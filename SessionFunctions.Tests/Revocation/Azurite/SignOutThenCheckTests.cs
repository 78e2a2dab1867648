using Microsoft.IdentityModel.JsonWebTokens;
using SessionFunctions.Revocation;
using SessionFunctions.SignOut;

namespace SessionFunctions.Tests.Revocation.Azurite;

/// <summary>
/// End to end: sign out through the composed function, then check tokens with the library as a refresh service
/// would, reading the root id claim out of each token it was handed.
/// </summary>
[Collection(AzuriteTests.Name)]
[Trait("Uses", "Azurite")]
public sealed class SignOutThenCheckTests(AzuriteFixture fixture)
{
    private readonly string _table = AzuriteFixture.NewTableName();

    private string Connection => fixture.Azurite.ConnectionString;

    [Fact]
    public async Task Signing_out_with_one_rotated_token_revokes_every_token_of_its_family_and_nothing_else()
    {
        var rootId = Guid.NewGuid().ToString();
        // One sign-in, rotated twice: same root id, each token issued later than the one before.
        var rotated = new[] { 0, 1, 2 }.Select(i => Rotated(rootId, TestTokens.Now.AddHours(-2 + i))).ToArray();
        var otherFamily = TestTokens.Refresh(rootId: Guid.NewGuid().ToString());
        var rootless = TestTokens.Refresh(subject: "rootless-kept");
        var rootlessSignedOut = TestTokens.Refresh(subject: "rootless-signed-out");
        using var host = TableHosts.Create(Connection, _table);
        using var services = CheckerServices.Create(Connection, _table);

        Assert.Equal(ApiCode.Success, (await host.SignOutAsync(rotated[1])).Code);
        Assert.Equal(ApiCode.Success, (await host.SignOutAsync(rootlessSignedOut)).Code);

        Assert.Equal(3, rotated.Distinct().Count());
        foreach (var token in rotated)
        {
            Assert.True(await IsRevokedAsync(services.Checker, token), "a token of the signed-out family was accepted");
        }

        Assert.False(await IsRevokedAsync(services.Checker, otherFamily));
        Assert.False(await IsRevokedAsync(services.Checker, rootless));
        Assert.True(await IsRevokedAsync(services.Checker, rootlessSignedOut));
    }

    /// <summary>What a refresh service does after it validated the token: take the root id claim, if any, and ask.</summary>
    private static Task<bool> IsRevokedAsync(RevocationChecker checker, string token)
    {
        var jwt = new JsonWebToken(token);
        var rootId = jwt.TryGetPayloadValue<string>(TokenFamily.DefaultRootIdClaim, out var value) ? value : null;
        return checker.IsRevokedAsync(rootId, token);
    }

    private static string Rotated(string rootId, DateTimeOffset issued)
    {
        var claims = RefreshTokens.Claims("lpua", rootId, null, issued);
        claims["nbf"] = issued.ToUnixTimeSeconds();
        return TestTokens.Mint(claims);
    }
}
