using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SessionFunctions.RevocationCleanup;
using SessionFunctions.RevocationStorage;
using SessionFunctions.SignOut;
using SessionFunctions.SsoSignOut;

namespace SessionFunctions.Tests;

/// <summary>
/// Every range and required rule of every settings section, broken one at a time in the composition the worker runs
/// (<see cref="SessionFunctionsApp.CreateBuilder"/>): start-up fails with a message that names the app setting as the
/// README writes it (<c>Section__Name</c>).
/// </summary>
public sealed class StartUpErrorSettingNameTests
{
    private static readonly (Type Options, string Section)[] Sections =
    [
        (typeof(RefreshTokenOptions), RefreshTokenOptions.Section),
        (typeof(SignOutOptions), SignOutOptions.Section),
        (typeof(RevocationOptions), RevocationOptions.Section),
        (typeof(SsoOptions), SsoOptions.Section),
        (typeof(RevocationCleanupOptions), RevocationCleanupOptions.Section),
        (typeof(SigningKeyOptions), RefreshTokenOptions.Section + "__SigningKeys__0"),
    ];

    public static TheoryData<string, string> BrokenSettings()
    {
        var data = new TheoryData<string, string>();
        foreach (var (options, section) in Sections)
        {
            foreach (var property in options.GetProperties())
            {
                if (property.GetCustomAttribute<RangeAttribute>() is { } range)
                {
                    data.Add($"{section}__{property.Name}", AboveMaximum(range));
                }
                else if (property.GetCustomAttribute<RequiredAttribute>() is not null && property.PropertyType == typeof(string))
                {
                    data.Add($"{section}__{property.Name}", string.Empty);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BrokenSettings))]
    public void A_broken_setting_stops_start_up_naming_the_setting(string setting, string value)
    {
        var values = SampleSettingsTests.SampleValues();
        values[setting] = value;
        var builder = SessionFunctionsApp.CreateBuilder([]);
        builder.Environment.EnvironmentName = values["AZURE_FUNCTIONS_ENVIRONMENT"];
        builder.Configuration.AddInMemoryCollection(LocalSettings.AsConfiguration(values));
        using var host = builder.Build();

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Options.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_rule_is_covered() =>
        Assert.True(BrokenSettings().Count >= 20, $"{BrokenSettings().Count} rules found");

    private static string AboveMaximum(RangeAttribute range) => range.OperandType == typeof(TimeSpan)
        ? (TimeSpan.Parse((string)range.Maximum, CultureInfo.InvariantCulture) + TimeSpan.FromDays(1)).ToString("c", CultureInfo.InvariantCulture)
        : (Convert.ToInt64(range.Maximum, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
}
