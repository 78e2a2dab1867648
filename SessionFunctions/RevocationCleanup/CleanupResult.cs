namespace SessionFunctions.RevocationCleanup;

/// <summary>What one clean-up run did; <see cref="ContinuationToken"/> is set when it stopped at its time budget.</summary>
public sealed record CleanupResult(long Removed, int Pages, string? ContinuationToken);
