using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Azure.Functions.Worker.Builder;
using SessionFunctions;
using SessionFunctions.Revocation;
using SessionFunctions.Testing;

namespace SignOutTool.Cost;

/// <summary>
/// The floor: one table insert (the entity a sign-out writes) and a fixed success envelope, nothing else (no body
/// read, no token, no log line), in the worker exactly as the app configures it. The family comes in a header so
/// the request costs nothing to read.
/// </summary>
public sealed class InsertFunction(TableClient table)
{
    public const string FamilyHeader = "x-family";

    private static readonly byte[] Envelope = """{"data":null,"code":0,"msg":""}"""u8.ToArray();

    public async Task<IActionResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = DateTimeOffset.UtcNow;
        var record = new RevocationRecord
        {
            PartitionKey = request.Headers[FamilyHeader].ToString(),
            Subject = "floor",
            RevokedAt = now,
            Reason = "sign-out",
            FamilySource = "root",
            TokenExpiresAt = now.AddDays(30),
            RetainUntil = now.AddDays(30),
            CorrelationId = Guid.NewGuid().ToString("D"),
        };
        using var inserted = await table.AddEntityAsync(record, cancellationToken).ConfigureAwait(false);

        // Written here, not by a ContentResult: its executor logs every response at Information, which the worker
        // ships as a trace, and the floor must not pay for a trace the product does not send.
        request.HttpContext.Response.ContentType = "application/json";
        await request.HttpContext.Response.Body.WriteAsync(Envelope, cancellationToken).ConfigureAwait(false);
        return new EmptyResult();
    }

    /// <summary>The worker as the app composes it (<see cref="SessionFunctionsApp.CreateWorkerBuilder"/>), holding only this function.</summary>
    public static FunctionsApplicationBuilder CreateBuilder(TableClient table)
    {
        var builder = SessionFunctionsApp.CreateWorkerBuilder([]);
        builder.Services.AddSingleton(table);
        return builder;
    }

    /// <summary>One call, made as the worker makes it (<see cref="FunctionInvocation"/>), as sign-out is called.</summary>
    public static async Task<(int Status, int Code)> CallAsync(IServiceProvider services, string family, CancellationToken cancellationToken)
    {
        var answer = await FunctionInvocation.InvokeAsync<InsertFunction>(
            services,
            request => request.Headers[FamilyHeader] = family,
            static (function, request, ct) => function.RunAsync(request, ct),
            cancellationToken).ConfigureAwait(false);
        return (answer.Status, LoadCommand.CodeOf(answer.Body));
    }
}
