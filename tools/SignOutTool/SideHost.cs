using Azure.Data.Tables;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SessionFunctions;
using SignOutTool.Cost;

namespace SignOutTool;

/// <summary>
/// A side of <c>cost</c> or <c>startup</c> running as in the worker: the product as Program.cs composes it, or the
/// <see cref="InsertFunction"/> floor in the worker composed the same way, with every hosted service started (the
/// ASP.NET Core server the host proxies HTTP to, telemetry and the metric exporter, the app's own) except the
/// worker's gRPC link to the Functions host, which has no host to reach here.
/// </summary>
internal static class SideHost
{
    private const string GrpcLink = "Microsoft.Azure.Functions.Worker.WorkerHostedService";

    public static async Task<IHost> StartAsync(CostSide side, TableClient floorTable, Action<FunctionsApplicationBuilder>? configure, CancellationToken cancellationToken)
    {
        var builder = side == CostSide.Product ? SessionFunctionsApp.CreateBuilder([]) : SessionFunctionsApp.CreateWorkerBuilder([]);
        if (side == CostSide.Floor)
        {
            builder.Services.AddSingleton(floorTable);
        }

        configure?.Invoke(builder);
        foreach (var link in builder.Services.Where(d => d.ImplementationType?.FullName == GrpcLink).ToList())
        {
            builder.Services.Remove(link);
        }

        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>One call as the worker makes it: for the product a sign-out presenting <paramref name="input"/> (a refresh token), for the floor an insert of that family.</summary>
    public static Task<(int Status, int Code)> CallAsync(CostSide side, IServiceProvider services, string input, CancellationToken cancellationToken) =>
        side == CostSide.Product ? InProcessApp.SignOutAsync(services, input, cancellationToken) : InsertFunction.CallAsync(services, input, cancellationToken);
}
