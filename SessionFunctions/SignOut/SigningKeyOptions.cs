using System.ComponentModel.DataAnnotations;
using System.Text;

namespace SessionFunctions.SignOut;

/// <summary>One HMAC key that may have signed refresh tokens.</summary>
public sealed class SigningKeyOptions : IValidatableObject
{
    /// <summary>Bytes an HS256 key needs at least (RFC 7518 section 3.2: a key as long as the hash output).</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>The <c>kid</c> tokens signed with this key carry; empty for a key used by tokens without <c>kid</c>.</summary>
    public string? Id { get; init; }

    /// <summary>The shared secret; its UTF-8 bytes are the HMAC key, as the token issuer (Cloudreve) uses it.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "{0} is not set: the function needs the key that signs refresh tokens.")]
    public string Secret { get; init; } = string.Empty;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(Secret) && Encoding.UTF8.GetByteCount(Secret) < MinimumKeyBytes)
        {
            // Names the key by its kid, never by its value.
            yield return new ValidationResult(
                $"RefreshToken__SigningKeys secret '{Id ?? "(no kid)"}' is shorter than {MinimumKeyBytes} bytes.");
        }
    }
}
