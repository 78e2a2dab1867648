using System.Reflection;
using System.Text.RegularExpressions;
using SessionFunctions.SignOut;

namespace SessionFunctions.Tests.SignOut;

/// <summary>
/// The codes and messages a client can receive are written once (<see cref="ApiCode"/>, <see cref="ApiMessages"/>),
/// and the README's tables say the same: a message or code added, changed or removed on one side fails here.
/// </summary>
public sealed partial class ApiMessagesTests
{
    private static readonly string Readme = File.ReadAllText(RepositoryRoot.Combine("README.md"));

    [Fact]
    public void The_readme_code_table_lists_every_code_with_its_http_status()
    {
        var codes = typeof(ApiCode).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(int))
            .Select(f => (int)f.GetRawConstantValue()!)
            .Select(code => $"{code} {ApiCode.HttpStatus(code)}")
            .Order(StringComparer.Ordinal);

        var documented = CodeRow().Matches(Readme).Select(m => $"{m.Groups["code"].Value} {m.Groups["status"].Value}").Order(StringComparer.Ordinal);

        Assert.Equal(codes, documented);
    }

    [Fact]
    public void The_readme_message_table_is_the_message_table()
    {
        var table = ApiMessages.All.Select(m => $"{m.Code} {m.Message}");

        var documented = MessageRow().Matches(Readme).Select(m => $"{m.Groups["code"].Value} {m.Groups["msg"].Value}");

        Assert.Equal(table, documented);
    }

    [Fact]
    public void Every_message_is_in_the_table_once()
    {
        var declared = typeof(ApiMessages).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(string) && f.Name != nameof(ApiMessages.FieldPlaceholder))
            .Select(f => (string)f.GetValue(null)!)
            .Order(StringComparer.Ordinal);

        Assert.Equal(declared, ApiMessages.All.Select(m => m.Message).Order(StringComparer.Ordinal));
        Assert.Equal(ApiMessages.All.Count, ApiMessages.All.Select(m => m.Message).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task A_refusal_answers_with_a_message_from_the_table()
    {
        using var host = SignOutHost.Create(store: new InMemoryRevocationStore());

        var response = await host.DeleteJsonAsync(new Dictionary<string, object> { ["refresh_token"] = 7 });

        Assert.Equal(ApiCode.ParameterError, response.Code);
        Assert.Equal(ApiMessages.ForField(ApiMessages.FieldNotString, "refresh_token"), response.Msg);
        Assert.Contains((ApiCode.ParameterError, ApiMessages.FieldNotString), ApiMessages.All);
    }

    // "| 40001 | 200 | parameter error | ..." in the code table.
    [GeneratedRegex(@"^\| (?<code>\d+) \| (?<status>\d{3}) \|", RegexOptions.Multiline)]
    private static partial Regex CodeRow();

    // "| 40001 | `refresh_token is required.` |" in the message table.
    [GeneratedRegex(@"^\| (?<code>\d+) \| `(?<msg>[^`]+)` \|$", RegexOptions.Multiline)]
    private static partial Regex MessageRow();
}
