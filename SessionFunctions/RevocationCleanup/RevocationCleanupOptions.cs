using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SessionFunctions.RevocationCleanup;

/// <summary>
/// How the clean-up deletes expired revocation records. Section <c>RevocationCleanup</c>; the timer's schedule is
/// the flat app setting <c>RevocationCleanupSchedule</c> (a binding expression cannot read a nested section).
/// </summary>
public sealed class RevocationCleanupOptions
{
    public const string Section = "RevocationCleanup";

    /// <summary>Records read per page, and deleted before the next page is read.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; init; } = 100;

    /// <summary>Deletes in flight at once (each record is its own partition, so they cannot share a transaction).</summary>
    [Range(1, 64)]
    public int Parallelism { get; init; } = 8;

    /// <summary>A run stops starting new pages after this long; the next run resumes from the continuation token.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:09:00")]
    public TimeSpan MaxRunTime { get; init; } = TimeSpan.FromMinutes(4);

    /// <summary>Extra time a record is kept past its <c>RetainUntil</c>, against clock differences between services.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan Grace { get; init; } = TimeSpan.FromDays(1);
}

[OptionsValidator]
public sealed partial class RevocationCleanupOptionsValidator : IValidateOptions<RevocationCleanupOptions>;
