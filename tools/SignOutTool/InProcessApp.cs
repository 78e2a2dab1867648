using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using SessionFunctions;
using SessionFunctions.Revocation;
using SessionFunctions.SignOut;

namespace SignOutTool;

/// <summary>The app composed as Program.cs composes it, called the way the worker calls the function.</summary>
internal sealed class InProcessApp(ServiceProvider services, TableClient table) : IAsyncDisposable
{
    public IServiceProvider Services => services;

    public static InProcessApp Create(LocalSettings settings, string storage)
    {
        var values = settings.Values.ToDictionary(v => v.Key.Replace("__", ":", StringComparison.Ordinal), v => (string?)v.Value);
        values["RevocationStorage"] = storage;
        values["SignOut:IncludeErrorDetail"] = "false";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var provider = new ServiceCollection()
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = "Development" })
            .AddLogging()
            .AddSessionFunctions(configuration)
            .BuildServiceProvider();
        var tableName = configuration["Revocation:TableName"] ?? "RevokedTokenFamilies";
        return new InProcessApp(provider, new TableClient(storage, tableName));
    }

    public async Task PrefillAsync(int count)
    {
        await table.CreateIfNotExistsAsync().ConfigureAwait(false);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (_, ct) =>
            await table.AddEntityAsync(new RevocationRecord
            {
                PartitionKey = TokenFamily.FromRootId(Guid.NewGuid().ToString()),
                Subject = "prefill",
                RevokedAt = DateTimeOffset.UtcNow,
                Reason = "prefill",
                FamilySource = "root",
                RetainUntil = DateTimeOffset.UtcNow.AddDays(30),
                CorrelationId = Guid.NewGuid().ToString(),
            }, ct).ConfigureAwait(false)).ConfigureAwait(false);
    }

    public async Task<(int, int)> SignOutAsync(string token, CancellationToken cancellationToken)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = HttpMethods.Delete;
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["refresh_token"] = token });
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = body.Length;
        var response = new MemoryStream();
        context.Response.Body = response;
        var function = ActivatorUtilities.CreateInstance<SignOutFunction>(services);
        var result = await function.RunAsync(context.Request, cancellationToken).ConfigureAwait(false);
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor())).ConfigureAwait(false);
        return (context.Response.StatusCode, LoadCommand.CodeOf(response.ToArray()));
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
