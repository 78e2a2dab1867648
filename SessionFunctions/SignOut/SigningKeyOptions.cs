using System.ComponentModel.DataAnnotations;
using System.Text;

namespace SessionFunctions.SignOut;

/// <summary>One HMAC key that may have signed refresh tokens.</summary>
public sealed class SigningKeyOptions : IValidatableObject
{
    /// <summary>Bytes an HS256 key needs at least (RFC 7518 section 3.2: a key as long as the hash output).</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>
    /// How an app setting that is a Key Vault reference begins. The platform passes the reference through as literal
    /// text when it cannot resolve it, and that text is long enough to pass as an HMAC key.
    /// </summary>
    public const string UnresolvedKeyVaultReferencePrefix = "@Microsoft.KeyVault(";

    /// <summary>The <c>kid</c> tokens signed with this key carry; empty for a key used by tokens without <c>kid</c>.</summary>
    public string? Id { get; init; }

    /// <summary>The shared secret; its UTF-8 bytes are the HMAC key, as the token issuer (Cloudreve) uses it.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "{0} is not set: the function needs the key that signs refresh tokens.")]
    public string Secret { get; init; } = string.Empty;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Messages name the key by its kid, never by its value.
        if (Secret.StartsWith(UnresolvedKeyVaultReferencePrefix, StringComparison.OrdinalIgnoreCase))
        {
            var kid = string.IsNullOrEmpty(Id) ? "<kid>" : Id;
            yield return new ValidationResult(
                $"RefreshToken__SigningKeys secret '{Id ?? "(no kid)"}' is an unresolved Key Vault reference: the platform could not read the "
                + "secret, so every token would be refused. Check that the app's identity holds Key Vault Secrets User on the vault and that "
                + $"the secret signing-key-{kid} exists (docs/operations.md, \"Rotating the signing key\").");
            yield break;
        }

        if (!string.IsNullOrEmpty(Secret) && Encoding.UTF8.GetByteCount(Secret) < MinimumKeyBytes)
        {
            yield return new ValidationResult(
                $"RefreshToken__SigningKeys secret '{Id ?? "(no kid)"}' is shorter than {MinimumKeyBytes} bytes.");
        }
    }
}
