using Microsoft.IdentityModel.JsonWebTokens;
using SessionFunctions.SignOut;

namespace SessionFunctions.Tests.SignOut;

/// <summary>
/// The claim names everything else (the validator's defaults, the minter, the tests) takes from
/// <see cref="RefreshTokenClaims"/> and <see cref="JwtRegisteredClaimNames"/> are the ones Cloudreve v4 writes into
/// its refresh tokens (seed example).
/// </summary>
public sealed class RefreshTokenClaimsTests
{
    [Fact]
    public void The_claim_names_are_cloudreves()
    {
        Assert.Equal("token_type", RefreshTokenClaims.TokenType);
        Assert.Equal("refresh", RefreshTokenClaims.RefreshTokenType);
        Assert.Equal("sub", JwtRegisteredClaimNames.Sub);
        Assert.Equal("exp", JwtRegisteredClaimNames.Exp);
        Assert.Equal("nbf", JwtRegisteredClaimNames.Nbf);
        Assert.Equal("root_token_id", RefreshTokenClaims.RootId);
        Assert.Equal("sso_connector", RefreshTokenClaims.Connector);
    }

    [Fact]
    public void The_options_default_to_them()
    {
        var options = new RefreshTokenOptions();

        Assert.Equal(RefreshTokenClaims.RefreshTokenType, options.TokenType);
        Assert.Equal(RefreshTokenClaims.RootId, options.RootIdClaim);
        Assert.Equal(RefreshTokenClaims.Connector, options.ConnectorClaim);
    }
}
