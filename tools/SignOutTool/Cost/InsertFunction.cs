using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using SessionFunctions;
using SessionFunctions.Revocation;
using SessionFunctions.Testing;

namespace SignOutTool.Cost;

/// <summary>
/// The floor: the entity a sign-out writes, inserted, and a fixed success envelope; no body read, token or log line.
/// The family comes in a header, so that the request costs nothing to read.
/// </summary>
public sealed class InsertFunction(TableClient table)
{
    private const string FamilyHeader = "x-family";

    private static readonly byte[] Envelope = """{"data":null,"code":0,"msg":""}"""u8.ToArray();

    public async Task<IActionResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = DateTimeOffset.UtcNow;
        var family = request.Headers[FamilyHeader].ToString();
        var record = new RevocationRecord { PartitionKey = family, Subject = "floor", RevokedAt = now, Reason = "sign-out", FamilySource = "root" };
        (record.TokenExpiresAt, record.RetainUntil, record.CorrelationId) = (now.AddDays(30), now.AddDays(30), Guid.NewGuid().ToString("D"));
        using var inserted = await table.AddEntityAsync(record, cancellationToken).ConfigureAwait(false);

        // Written here, not by a ContentResult, whose executor logs every response at Information: the worker would
        // ship that as a trace, which the product does not send.
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

    /// <summary>One call, made as the worker makes it, as sign-out is called; the status and the envelope's code.</summary>
    public static async Task<(int Status, int Code)> CallAsync(IServiceProvider services, string family, CancellationToken cancellationToken)
    {
        var answer = await FunctionInvocation.InvokeAsync<InsertFunction>(services, request => request.Headers[FamilyHeader] = family, static (function, request, ct) => function.RunAsync(request, ct), cancellationToken).ConfigureAwait(false);
        return (answer.Status, LoadCommand.CodeOf(answer.Body));
    }
}
