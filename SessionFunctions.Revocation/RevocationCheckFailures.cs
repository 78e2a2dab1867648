using System.Net.Sockets;
using System.Security.Authentication;
using Azure;

namespace SessionFunctions.Revocation;

/// <summary>Maps what the Azure SDK threw to the reason a check reports, so the message can name the likely fix.</summary>
internal static class RevocationCheckFailures
{
    public static RevocationCheckFailure Classify(Exception error) => error switch
    {
        RequestFailedException { Status: 404, ErrorCode: "TableNotFound" } => RevocationCheckFailure.TableNotFound,
        RequestFailedException { Status: 401 or 403 } => RevocationCheckFailure.AccessDenied,
        RequestFailedException { Status: 408 } => RevocationCheckFailure.Timeout,
        RequestFailedException { Status: 429 or >= 500 } => RevocationCheckFailure.StorageBusy,
        // Status 0: no answer at all; the transport's exception is inside.
        RequestFailedException { Status: 0, InnerException: { } inner } => Classify(inner),
        // The retry policy gave up after more than one failed try: the last one says the most.
        AggregateException { InnerExceptions.Count: > 0 } all => Classify(all.InnerExceptions[^1]),
        // Not the caller's token and not the deadline: the SDK's per-try network timeout.
        OperationCanceledException => RevocationCheckFailure.Timeout,
        HttpRequestException or IOException or SocketException or AuthenticationException => RevocationCheckFailure.Unreachable,
        // Azure.Identity's failures share no base type with a dependency this library takes.
        _ when error.GetType().Namespace == "Azure.Identity" => RevocationCheckFailure.CredentialFailed,
        _ => RevocationCheckFailure.Other,
    };
}
