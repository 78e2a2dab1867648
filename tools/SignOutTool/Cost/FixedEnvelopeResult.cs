using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace SignOutTool.Cost;

/// <summary>
/// The success envelope as fixed bytes. Not a <see cref="ContentResult"/>: its executor logs every response at
/// Information, which the worker ships to Application Insights as a trace, and a floor must not pay for a trace the
/// product does not send.
/// </summary>
internal sealed class FixedEnvelopeResult : IActionResult
{
    public static readonly FixedEnvelopeResult Success = new();

    private static readonly byte[] Envelope = """{"data":null,"code":0,"msg":""}"""u8.ToArray();

    private FixedEnvelopeResult()
    {
    }

    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.ContentLength = Envelope.Length;
        return response.Body.WriteAsync(Envelope).AsTask();
    }
}
