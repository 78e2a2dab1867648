using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace SessionFunctions.SignOut;

/// <summary>
/// What a refresh token must satisfy, as one <see cref="TokenValidationParameters"/> built once from the options:
/// HMAC keys chosen by <c>kid</c>, the allowed algorithms, <c>nbf</c> with the skew, and deliberately no expiry check.
/// </summary>
public static class RefreshTokenValidationParameters
{
    public static TokenValidationParameters Create(RefreshTokenOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var keys = options.SigningKeys
            .Select(k => (SecurityKey)new SymmetricSecurityKey(Encoding.UTF8.GetBytes(k.Secret)) { KeyId = k.Id })
            .ToArray();
        var keysById = keys.Where(k => !string.IsNullOrEmpty(k.KeyId))
            .ToDictionary(k => k.KeyId, k => (IEnumerable<SecurityKey>)[k], StringComparer.Ordinal);
        var skew = options.ClockSkew;
        return new TokenValidationParameters
        {
            ValidAlgorithms = options.EffectiveAlgorithms,
            // A kid in the header selects exactly that key; an unknown kid matches nothing (never "try them all").
            IssuerSigningKeyResolver = (_, _, kid, _) =>
                string.IsNullOrEmpty(kid) ? keys : keysById.GetValueOrDefault(kid, []),
            TryAllIssuerSigningKeys = false,
            RequireSignedTokens = true,
            ValidateIssuer = false,
            ValidateAudience = false,
            RequireAudience = false,
            RequireExpirationTime = false,
            ValidateLifetime = true,
            // Only nbf: an expired but genuine token still signs out (see RefreshTokenValidator).
            LifetimeValidator = (notBefore, _, _, _) => notBefore is null || notBefore.Value <= time.GetUtcNow().UtcDateTime + skew,
            ClockSkew = skew,
            LogValidationExceptions = false,
        };
    }
}
