using Microsoft.Extensions.Options;

namespace SessionFunctions;

/// <summary>
/// Makes every start-up error name the app setting an operator sets (<c>Revocation__StorageTimeout</c>), not the
/// class member (<c>RevocationOptions.StorageTimeout</c>). The options source generator's copy of
/// <c>RangeAttribute</c> ignores <c>ErrorMessage</c> and always says "The field {Type}.{Member} must be between ...",
/// so the names are rewritten here, once, for every rule of every section.
/// </summary>
internal sealed class SettingNamedValidator<TOptions>(IValidateOptions<TOptions> inner, string section) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var result = inner.Validate(name, options);
        return result.Failed
            ? ValidateOptionsResult.Fail(result.Failures.Select(f => SettingNames.Rename(f, typeof(TOptions).Name, section)))
            : result;
    }
}
