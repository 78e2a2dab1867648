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
    public void The_readme_code_table_lists_every_code_with_http_200()
    {
        // Every code is answered with HTTP 200, as the origin API answers: the Cloudreve client reads no body otherwise.
        var codes = typeof(ApiCode).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(int))
            .Select(f => (int)f.GetRawConstantValue()!)
            .Select(code => $"{code} 200")
            .Order(StringComparer.Ordinal);

        var documented = CodeRow().Matches(Readme).Select(m => $"{m.Groups["code"].Value} {m.Groups["status"].Value}").Order(StringComparer.Ordinal);

        Assert.Equal(codes, documented);
    }

    [Fact]
    public void The_readme_message_table_is_the_message_table()
    {
        var table = Messages().Select(m => $"{m.Code} {m.Text}");

        var documented = MessageRow().Matches(Readme).Select(m => $"{m.Groups["code"].Value} {m.Groups["msg"].Value}");

        Assert.Equal(table, documented);
    }

    [Fact]
    public void Every_message_is_written_once_with_a_code_the_api_has()
    {
        var messages = Messages().ToList();

        Assert.Equal(messages.Count, messages.Select(m => m.Text).Distinct(StringComparer.Ordinal).Count());
        Assert.All(messages, m => Assert.Contains(m.Code, new[] { ApiCode.ParameterError, ApiCode.CredentialInvalid, ApiCode.StorageUnavailable, ApiCode.InternalError }));
    }

    [Fact]
    public async Task A_refusal_answers_with_a_message_from_the_table()
    {
        using var host = SignOutHost.Create(store: new InMemoryRevocationStore());

        var response = await host.DeleteJsonAsync(new Dictionary<string, object> { ["refresh_token"] = 7 });

        Assert.Equal(ApiMessages.FieldNotString.Code, response.Code);
        Assert.Equal(ApiMessages.FieldNotString.ForField("refresh_token").Text, response.Msg);
    }

    /// <summary>The table in declaration order, which is the README's order.</summary>
    private static IEnumerable<ApiMessage> Messages() =>
        typeof(ApiMessages).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(ApiMessage))
            .OrderBy(f => f.MetadataToken)
            .Select(f => (ApiMessage)f.GetValue(null)!);

    // "| 40001 | 200 | parameter error | ..." in the code table.
    [GeneratedRegex(@"^\| (?<code>\d+) \| (?<status>\d{3}) \|", RegexOptions.Multiline)]
    private static partial Regex CodeRow();

    // "| 40001 | `refresh_token is required.` |" in the message table.
    [GeneratedRegex(@"^\| (?<code>\d+) \| `(?<msg>[^`]+)` \|$", RegexOptions.Multiline)]
    private static partial Regex MessageRow();
}
