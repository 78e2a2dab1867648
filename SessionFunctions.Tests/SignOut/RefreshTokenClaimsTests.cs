using System.Text.RegularExpressions;
using Microsoft.IdentityModel.JsonWebTokens;
using SessionFunctions.SignOut;

namespace SessionFunctions.Tests.SignOut;

/// <summary>
/// The claims the validator reads by default are the ones in the refresh token of the seed contract's example
/// request (Cloudreve v4's own), and the options default to them.
/// </summary>
public sealed partial class RefreshTokenClaimsTests
{
    [Fact]
    public void The_seeds_example_token_carries_the_claims_the_validator_reads()
    {
        var markdown = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "SignOut", "sign-out-openapi.md"));
        var token = new JsonWebToken(ExampleToken().Match(markdown).Value);
        var options = new RefreshTokenOptions();

        Assert.Equal(options.TokenType, token.GetPayloadValue<string>(RefreshTokenClaims.TokenType));
        Assert.Equal("lpua", token.Subject);
        Assert.True(token.ValidTo > token.ValidFrom, "the example token has exp after nbf");
    }

    [Fact]
    public void The_options_default_to_them()
    {
        var options = new RefreshTokenOptions();

        Assert.Equal(RefreshTokenClaims.RefreshTokenType, options.TokenType);
        Assert.Equal(RefreshTokenClaims.RootId, options.RootIdClaim);
        Assert.Equal(RefreshTokenClaims.Connector, options.ConnectorClaim);
    }

    [GeneratedRegex(@"eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+")]
    private static partial Regex ExampleToken();
}
