using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SessionFunctions.RevocationStorage;

/// <summary>Where and how revocations are written. Section <c>Revocation</c>.</summary>
public sealed class RevocationOptions : IValidatableObject
{
    public const string Section = "Revocation";

    /// <summary>The Table Storage table; created on the first write if it is missing.</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$", ErrorMessage = "Revocation__TableName must be 3-63 letters or digits, starting with a letter.")]
    public string TableName { get; init; } = "RevokedTokenFamilies";

    /// <summary>
    /// The longest a refresh token may live. A record is kept until this long after the later of the revoked
    /// token's expiry and the revocation, since a token of the family issued just before sign-out lives that long.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan MaxRefreshTokenLifetime { get; init; } = TimeSpan.FromDays(30);

    /// <summary>
    /// The most one sign-out waits for storage, retries included; past it the answer is 50001. It must leave room
    /// for every try the retry policy may make (<see cref="MinimumStorageTimeout"/>), or the last retry could never
    /// finish; it still bounds what the policy cannot, such as a server's <c>Retry-After</c>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan StorageTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries of one storage request after a transient failure (the Azure SDK's retry policy).</summary>
    [Range(0, 5)]
    public int MaxRetries { get; init; } = 2;

    /// <summary>Time one try may take before the SDK gives up on it and retries.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan NetworkTimeout { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>
    /// Writes this instance sends to storage at once. More wait in a bounded queue; past it a sign-out is shed
    /// (50001 with <c>Retry-After</c>) without touching storage, so slow storage cannot turn into a pile of requests
    /// that all time out together.
    /// </summary>
    [Range(1, 1024)]
    public int MaxConcurrentWrites { get; init; } = 16;

    /// <summary>Writes that may wait for a free slot; one more is shed at once.</summary>
    [Range(0, 10_000)]
    public int MaxQueuedWrites { get; init; } = 64;

    /// <summary>The most a write waits for a slot before it is shed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:30")]
    public TimeSpan MaxQueueWait { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The shortest <see cref="StorageTimeout"/> that lets every try finish: <see cref="MaxRetries"/> + 1 tries of
    /// <see cref="NetworkTimeout"/> each, plus the retry policy's longest back-off.
    /// </summary>
    public TimeSpan MinimumStorageTimeout => (MaxRetries + 1) * NetworkTimeout + StorageRetryPolicy.WorstCaseBackOff(MaxRetries);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (StorageTimeout < MinimumStorageTimeout)
        {
            yield return new ValidationResult(
                $"Revocation__StorageTimeout ({StorageTimeout}) is shorter than the tries it must cover: (Revocation__MaxRetries {MaxRetries} + 1) x "
                + $"Revocation__NetworkTimeout ({NetworkTimeout}) + the storage client's longest back-off ({StorageRetryPolicy.WorstCaseBackOff(MaxRetries)}) = {MinimumStorageTimeout}; "
                + "the last retry could never finish. Raise Revocation__StorageTimeout or lower the others.",
                [nameof(StorageTimeout), nameof(MaxRetries), nameof(NetworkTimeout)]);
        }
    }
}

[OptionsValidator]
public sealed partial class RevocationOptionsValidator : IValidateOptions<RevocationOptions>;
