using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using SessionFunctions.SignOut;

namespace SessionFunctions.Tests.SignOut;

/// <summary>
/// The one path the service answers, <c>DELETE /session/token</c>: host.json, the only place the worker reads a
/// route prefix from, keeps it empty, and the function's own route is the seed's path.
/// </summary>
public sealed class RouteTests
{
    [Fact]
    public void Host_json_keeps_the_route_prefix_empty()
    {
        var host = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("host.json")))!;

        Assert.Equal(string.Empty, (string?)host["extensions"]?["http"]?["routePrefix"]);
    }

    [Fact]
    public void The_sign_out_function_answers_delete_session_token()
    {
        var trigger = typeof(SignOutFunction).GetMethod(nameof(SignOutFunction.RunAsync))!
            .GetParameters()
            .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>())
            .Single(a => a is not null)!;

        Assert.Equal("session/token", trigger.Route);
        Assert.Equal(["delete"], trigger.Methods ?? []);
        Assert.Contains("/session/token", SeedContract.Document.Paths.Keys);
    }
}
