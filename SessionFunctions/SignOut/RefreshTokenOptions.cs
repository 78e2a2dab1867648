using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SessionFunctions.SignOut;

/// <summary>How refresh tokens are validated. Section <c>RefreshToken</c>.</summary>
public sealed class RefreshTokenOptions : IValidatableObject
{
    public const string Section = "RefreshToken";

    /// <summary>HMAC algorithms the options may allow; anything else (none, RS*, ES*, PS*) is never accepted.</summary>
    public static readonly IReadOnlySet<string> HmacAlgorithms = new HashSet<string>(StringComparer.Ordinal) { "HS256", "HS384", "HS512" };

    /// <summary>
    /// The keys that may have signed a refresh token. Several at once during a rotation; a token whose header names
    /// a <c>kid</c> is checked against that key only, a token without <c>kid</c> against all of them.
    /// </summary>
    [Required(ErrorMessage = "RefreshToken__SigningKeys__0__Secret is not set: the function needs the key that signs refresh tokens.")]
    [MinLength(1, ErrorMessage = "RefreshToken__SigningKeys__0__Secret is not set: the function needs the key that signs refresh tokens.")]
    [ValidateEnumeratedItems]
    public List<SigningKeyOptions> SigningKeys { get; init; } = [];

    /// <summary>Allowed <c>alg</c> header values. Default: HS256 only.</summary>
    public List<string> Algorithms { get; init; } = [];

    /// <summary>Tolerance for <c>nbf</c> against this host's clock.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The value the <c>token_type</c> claim must have.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "RefreshToken__TokenType must not be empty.")]
    public string TokenType { get; init; } = RefreshTokenClaims.RefreshTokenType;

    /// <summary>The claim that carries the family (root token) id.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "RefreshToken__RootIdClaim must not be empty.")]
    public string RootIdClaim { get; init; } = RefreshTokenClaims.RootId;

    /// <summary>The claim that names the SSO connector a session came from.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "RefreshToken__ConnectorClaim must not be empty.")]
    public string ConnectorClaim { get; init; } = RefreshTokenClaims.Connector;

    /// <summary>The allowed algorithms, HS256 when none are configured.</summary>
    public IReadOnlyList<string> EffectiveAlgorithms => Algorithms.Count == 0 ? ["HS256"] : Algorithms;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var algorithm in Algorithms)
        {
            if (!HmacAlgorithms.Contains(algorithm))
            {
                yield return new ValidationResult(
                    $"RefreshToken__Algorithms contains '{algorithm}'; only {string.Join(", ", HmacAlgorithms)} may be allowed.");
            }
        }

        var duplicate = SigningKeys.Where(k => !string.IsNullOrEmpty(k.Id))
            .GroupBy(k => k.Id, StringComparer.Ordinal)
            .FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            yield return new ValidationResult($"RefreshToken__SigningKeys has two keys with Id '{duplicate.Key}'; each kid must be unique.");
        }
    }
}

/// <summary>Validates <see cref="RefreshTokenOptions"/> at start-up (source-generated, no reflection).</summary>
[OptionsValidator]
public sealed partial class RefreshTokenOptionsValidator : IValidateOptions<RefreshTokenOptions>;
