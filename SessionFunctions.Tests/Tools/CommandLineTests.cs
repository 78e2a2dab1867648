using SignOutTool;

namespace SessionFunctions.Tests.Tools;

/// <summary>SignOutTool's command line: refused with a message and exit code 2, or parsed into the values given.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task An_unknown_option_is_refused_with_exit_code_2_and_named()
    {
        var (exit, _, error) = await InvokeAsync("mint", "--conector", "logto");

        Assert.Equal(2, exit);
        Assert.Contains("--conector", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_that_is_not_a_number_is_refused_with_exit_code_2_and_named()
    {
        var (exit, _, error) = await InvokeAsync("load", "--url", "http://localhost:7071/session/token", "--concurrency", "abc");

        Assert.Equal(2, exit);
        Assert.Contains("abc", error, StringComparison.Ordinal);
        Assert.Contains("--concurrency", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("signout")]
    [InlineData("cost")]
    [InlineData("startup")]
    public async Task A_command_without_its_storage_is_refused_with_exit_code_2(string command)
    {
        var (exit, _, error) = await InvokeAsync(command, "--settings", "local.settings.sample.json");

        Assert.Equal(2, exit);
        Assert.Contains($"{command} needs --storage CONNECTION", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_command_is_refused_with_exit_code_2()
    {
        var (exit, _, _) = await InvokeAsync();

        Assert.Equal(2, exit);
    }

    [Fact]
    public async Task Help_lists_the_options_and_exits_0()
    {
        var (exit, output, _) = await InvokeAsync("load", "--help");

        Assert.Equal(0, exit);
        foreach (var option in new[] { "--url", "--in-process", "--storage", "--prefill", "--requests", "--concurrency", "--families", "--settings" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Help_on_the_tool_lists_every_command_but_not_the_child_processes()
    {
        var (exit, output, _) = await InvokeAsync("--help");

        Assert.Equal(0, exit);
        foreach (var command in new[] { "mint", "signout", "load", "startup", "cost" })
        {
            Assert.Contains(command, output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("cost-side", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_command_line_parses_into_its_values_and_defaults()
    {
        var parsed = ToolCommandLine.Create().Parse(["cost", "--storage", "UseDevelopmentStorage=true", "--concurrency", "4"]);

        Assert.Empty(parsed.Errors);
        Assert.Equal("UseDevelopmentStorage=true", parsed.GetValue(ToolOptions.Storage));
        Assert.Equal(4, parsed.GetValue(ToolOptions.Concurrency));
        Assert.Equal(2000, parsed.GetValue(ToolOptions.Requests));
        Assert.Equal("local.settings.json", parsed.GetValue(ToolOptions.Settings));
    }

    [Fact]
    public void A_url_parses_into_the_uri_the_load_sends_to()
    {
        var parsed = ToolCommandLine.Create().Parse(["load", "--url", "http://localhost:7071/session/token"]);

        Assert.Empty(parsed.Errors);
        Assert.Equal(new Uri("http://localhost:7071/session/token"), parsed.GetValue<Uri?>("--url"));
    }

    [Theory]
    [InlineData("localhost:7071/session/token")]
    [InlineData("/session/token")]
    [InlineData("ftp://localhost/session/token")]
    public async Task A_url_that_is_not_absolute_http_is_refused_with_exit_code_2_and_named(string url)
    {
        var (exit, _, error) = await InvokeAsync("load", "--url", url);

        Assert.Equal(2, exit);
        Assert.Contains($"--url must be an absolute http or https URL, not '{url}'", error, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> InvokeAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ToolCommandLine.InvokeAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
