using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace SignOutTool.Cost;

/// <summary>
/// The function floor of <c>cost</c>: one table insert and a fixed success envelope, nothing else (no body read, no
/// token, no log line). The family to write comes in a header so the request costs nothing to read.
/// </summary>
public sealed class InsertFunction(TableClient table)
{
    public const string FamilyHeader = "x-family";

    public async Task<IActionResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var response = await table.AddEntityAsync(FloorRecord.For(request.Headers[FamilyHeader].ToString()), cancellationToken).ConfigureAwait(false);
        return FixedEnvelopeResult.Success;
    }
}
