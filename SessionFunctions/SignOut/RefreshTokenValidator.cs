using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SessionFunctions.Revocation;

namespace SessionFunctions.SignOut;

/// <summary>
/// Checks a refresh token with <see cref="JsonWebTokenHandler"/> against one <see cref="TokenValidationParameters"/>
/// built at start-up from <see cref="RefreshTokenOptions"/>, then checks the claims sign-out relies on.
/// </summary>
/// <remarks>
/// Expiry is deliberately not enforced: an expired but genuine token still signs out, because revoking a family
/// is harmless and a client must always be able to leave. <c>nbf</c> is enforced, with the configured skew.
/// </remarks>
public sealed class RefreshTokenValidator
{
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly TokenValidationParameters _parameters;
    private readonly RefreshTokenOptions _options;

    public RefreshTokenValidator(IOptions<RefreshTokenOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _parameters = RefreshTokenValidationParameters.Create(_options, time);
    }

    public async Task<Checked<ValidatedRefreshToken>> ValidateAsync(string refreshToken)
    {
        TokenValidationResult result;
        try
        {
            result = await _handler.ValidateTokenAsync(refreshToken, _parameters).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or SecurityTokenException or InvalidOperationException)
        {
            // The handler reports almost every fault in its result; this is for the rest, which are all bad input.
            return Refuse(ApiMessages.TokenUnreadable, exception);
        }

        if (!result.IsValid)
        {
            return Refuse(Describe(result.Exception, refreshToken), result.Exception);
        }

        return result.SecurityToken is JsonWebToken token ? CheckClaims(token, refreshToken) : Refuse(ApiMessages.TokenUnreadable, "Not a JWS.");
    }

    private Checked<ValidatedRefreshToken> CheckClaims(JsonWebToken token, string compact)
    {
        if (token.TryGetHeaderValue<object>("crit", out _))
        {
            // RFC 7515 4.1.11: a critical extension this service does not understand makes the token invalid.
            return Refuse(ApiMessages.TokenCriticalHeader, "crit header present.");
        }

        if (StringClaim(token, RefreshTokenClaims.TokenType) != _options.TokenType)
        {
            return Refuse(ApiMessages.TokenNotRefresh, "token_type claim is missing or not the refresh type.");
        }

        var subject = StringClaim(token, JwtRegisteredClaimNames.Sub);
        if (string.IsNullOrEmpty(subject))
        {
            return Refuse(ApiMessages.TokenNoSubject, "sub claim is missing or not a string.");
        }

        string? rootId = null;
        if (token.TryGetPayloadValue<object>(_options.RootIdClaim, out var rootValue))
        {
            rootId = rootValue as string;
            if (string.IsNullOrEmpty(rootId))
            {
                return Refuse(ApiMessages.TokenFamilyInvalid, $"{_options.RootIdClaim} claim is not a non-empty string.");
            }
        }

        string? connector = null;
        if (token.TryGetPayloadValue<object>(_options.ConnectorClaim, out var connectorValue))
        {
            connector = connectorValue as string;
            if (connector is null)
            {
                return Refuse(ApiMessages.TokenConnectorInvalid, $"{_options.ConnectorClaim} claim is not a string.");
            }
        }

        DateTimeOffset? expiresAt = token.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Exp, out var exp) ? DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(exp, 0, 253402300799)) : null;
        return Checked.Accept(new ValidatedRefreshToken(subject, TokenFamily.For(rootId, compact), rootId is not null, expiresAt, connector));
    }

    private static string? StringClaim(JsonWebToken token, string name) =>
        token.TryGetPayloadValue<object>(name, out var value) ? value as string : null;

    private static ApiMessage Describe(Exception? exception, string refreshToken) => exception switch
    {
        SecurityTokenInvalidAlgorithmException => ApiMessages.TokenAlgorithmNotAllowed,
        // A token without a kid is checked against every key: none matching means its signature is wrong, not its key unknown.
        SecurityTokenSignatureKeyNotFoundException when !HasKeyId(refreshToken) => ApiMessages.TokenSignatureInvalid,
        SecurityTokenSignatureKeyNotFoundException => ApiMessages.TokenKeyUnknown,
        SecurityTokenInvalidSignatureException => ApiMessages.TokenSignatureInvalid,
        SecurityTokenInvalidLifetimeException or SecurityTokenNotYetValidException => ApiMessages.TokenNotYetValid,
        _ => ApiMessages.TokenUnreadable,
    };

    private static bool HasKeyId(string refreshToken)
    {
        try
        {
            return !string.IsNullOrEmpty(new JsonWebToken(refreshToken).Kid);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static Checked<ValidatedRefreshToken> Refuse(ApiMessage message, Exception? exception) =>
        Refuse(message, exception is null ? "Validation failed." : $"{exception.GetType().Name}: {exception.Message}");

    private static Checked<ValidatedRefreshToken> Refuse(ApiMessage message, string detail) =>
        Checked.Reject<ValidatedRefreshToken>(new Rejection(message, detail));
}
