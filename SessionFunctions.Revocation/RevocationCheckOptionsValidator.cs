using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace SessionFunctions.Revocation;

/// <summary>
/// Checks <see cref="RevocationCheckOptions"/>: a valid table name, positive bounds, and every try with its
/// back-off fitting inside <see cref="RevocationCheckOptions.Timeout"/> (otherwise the retries configured could
/// never all run, and the numbers would promise a budget the check does not have).
/// </summary>
public sealed partial class RevocationCheckOptionsValidator : IValidateOptions<RevocationCheckOptions>
{
    /// <summary>The most retries allowed: a check in front of every refresh must stay short.</summary>
    public const int MaxRetriesLimit = 5;

    private static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, RevocationCheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrEmpty(options.TableName) || !TableNamePattern().IsMatch(options.TableName))
        {
            failures.Add($"TableName '{options.TableName}' is not a table name: 3-63 letters or digits, starting with a letter.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > MaxTimeout)
        {
            failures.Add($"Timeout must be more than 0 and at most {MaxTimeout}; it is {options.Timeout}.");
        }

        if (options.MaxRetries is < 0 or > MaxRetriesLimit)
        {
            failures.Add($"MaxRetries must be 0 to {MaxRetriesLimit}; it is {options.MaxRetries}.");
        }

        if (options.NetworkTimeout <= TimeSpan.Zero)
        {
            failures.Add($"NetworkTimeout must be more than 0; it is {options.NetworkTimeout}.");
        }

        if (options.RetryDelay < TimeSpan.Zero)
        {
            failures.Add($"RetryDelay must not be negative; it is {options.RetryDelay}.");
        }

        if (failures.Count == 0 && options.WorstCaseRetryBudget > options.Timeout)
        {
            failures.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{options.MaxRetries + 1} tries of NetworkTimeout {options.NetworkTimeout.TotalMilliseconds} ms plus up to {options.WorstCaseBackOff.TotalMilliseconds} ms of back-off need {options.WorstCaseRetryBudget.TotalMilliseconds} ms, more than Timeout {options.Timeout.TotalMilliseconds} ms: lower MaxRetries, NetworkTimeout or RetryDelay, or raise Timeout."));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex TableNamePattern();
}
