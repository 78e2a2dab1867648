namespace SessionFunctions.RevocationCleanup;

/// <summary>Deletes expired revocation records on the <c>RevocationCleanupSchedule</c> schedule (NCRONTAB).</summary>
public sealed class RevocationCleanupFunction(RevocationCleaner cleaner)
{
    public const string ScheduleSetting = "RevocationCleanupSchedule";

    [Function("RevocationCleanup")]
    public async Task RunAsync([TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        await cleaner.RunAsync(cancellationToken).ConfigureAwait(false);
}
