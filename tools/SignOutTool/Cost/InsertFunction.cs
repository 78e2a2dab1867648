using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using SessionFunctions.Revocation;
using SessionFunctions.Testing;

namespace SignOutTool.Cost;

/// <summary>
/// The floor: the entity a sign-out writes, inserted, and a fixed success envelope; no body read, token or log line.
/// The family comes in a header, so that the request costs nothing to read. It runs in the worker as the app composes
/// it (<c>SessionFunctionsApp.CreateWorkerBuilder</c>) with the <see cref="TableClient"/> it writes to.
/// </summary>
public sealed class InsertFunction(TableClient table)
{
    private const string FamilyHeader = "x-family";

    private static readonly byte[] Envelope = """{"data":null,"code":0,"msg":""}"""u8.ToArray();

    public async Task<IActionResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = DateTimeOffset.UtcNow;
        var record = new RevocationRecord { PartitionKey = request.Headers[FamilyHeader].ToString(), Subject = "floor", RevokedAt = now, Reason = "sign-out", FamilySource = "root" };
        (record.TokenExpiresAt, record.RetainUntil, record.CorrelationId) = (now.AddDays(30), now.AddDays(30), Guid.NewGuid().ToString("D"));
        using var inserted = await table.AddEntityAsync(record, cancellationToken).ConfigureAwait(false);

        // Written here, not by a ContentResult, whose executor logs every response at Information: the worker would
        // ship that as a trace, which the product does not send.
        request.HttpContext.Response.ContentType = "application/json";
        await request.HttpContext.Response.Body.WriteAsync(Envelope, cancellationToken).ConfigureAwait(false);
        return new EmptyResult();
    }

    /// <summary>One call, made as the worker makes it, as sign-out is called; the status and the envelope's code.</summary>
    public static async Task<(int Status, int Code)> CallAsync(IServiceProvider services, string family, CancellationToken cancellationToken)
    {
        var answer = await FunctionInvocation.InvokeAsync<InsertFunction>(services, request => request.Headers[FamilyHeader] = family, static (function, request, ct) => function.RunAsync(request, ct), cancellationToken).ConfigureAwait(false);
        return (answer.Status, LoadCommand.CodeOf(answer.Body));
    }
}
