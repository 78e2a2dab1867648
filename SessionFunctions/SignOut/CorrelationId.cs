using Microsoft.AspNetCore.Http;

namespace SessionFunctions.SignOut;

/// <summary>The id that ties a response, its logs and its revocation record together.</summary>
internal static class CorrelationId
{
    /// <summary>
    /// The caller's <c>x-correlation-id</c> when it is a UUID (so a caller cannot inject text into logs or
    /// records), otherwise a new one; always in the canonical lowercase form.
    /// </summary>
    public static string From(HttpRequest request)
    {
        var supplied = request.Headers[EnvelopeResult<object>.CorrelationHeader];
        return supplied.Count == 1 && Guid.TryParse(supplied[0], out var id) && id != Guid.Empty
            ? id.ToString("D")
            : Guid.NewGuid().ToString("D");
    }
}
