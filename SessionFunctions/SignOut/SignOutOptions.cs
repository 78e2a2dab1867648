using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SessionFunctions.SignOut;

/// <summary>How the sign-out endpoint treats requests. Section <c>SignOut</c>.</summary>
public sealed class SignOutOptions
{
    public const string Section = "SignOut";

    /// <summary>Largest request body read; a larger one is refused with 40001 before it is parsed.</summary>
    [Range(256, 1_048_576)]
    public int MaxRequestBodyBytes { get; init; } = 16 * 1024;

    /// <summary>The most a client may take to send the body; a slower one is refused, so trickling bodies cannot hold a worker.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:02:00")]
    public TimeSpan BodyReadTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Puts internal detail in the envelope's <c>error</c> field, as the origin API does outside release mode.
    /// Off in production: detail helps an attacker more than a user.
    /// </summary>
    public bool IncludeErrorDetail { get; init; }

    /// <summary>
    /// The <c>Retry-After</c> (seconds) on a 50001 answer: when a client should try again after storage was
    /// unavailable or this instance shed the write (RFC 7009 section 2.2.1 suggests it for a revocation endpoint).
    /// </summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; init; } = 2;
}

[OptionsValidator]
public sealed partial class SignOutOptionsValidator : IValidateOptions<SignOutOptions>;
