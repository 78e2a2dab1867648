using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace SessionFunctions.SignOut;

/// <summary>
/// Writes an envelope, always with HTTP 200, and the headers every sign-out answer carries. It writes the body
/// itself, so it needs no MVC services and a test can run it on a bare
/// <see cref="Microsoft.AspNetCore.Http.DefaultHttpContext"/>.
/// </summary>
public sealed class EnvelopeResult<T>(T envelope, JsonTypeInfo<T> typeInfo, string correlationId, int? retryAfterSeconds = null) : IActionResult
{
    public const string CorrelationHeader = "x-correlation-id";

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        // Sign-out answers are per user and per moment: no cache or proxy may keep one.
        response.Headers.CacheControl = "no-store";
        response.Headers[CorrelationHeader] = correlationId;
        if (retryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        // Not cancelled by RequestAborted: a few hundred bytes to a caller who hung up are simply discarded, where a
        // cancellation here would turn an answered sign-out into a failed invocation.
        await JsonSerializer.SerializeAsync(response.Body, envelope, typeInfo, CancellationToken.None).ConfigureAwait(false);
    }
}
