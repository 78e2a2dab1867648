using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace SessionFunctions.SignOut;

/// <summary>
/// Reads the sign-out body: at most <see cref="SignOutOptions.MaxRequestBodyBytes"/> bytes into a pooled buffer
/// (never the whole of a larger body), then one source-generated JSON parse.
/// </summary>
public sealed class SignOutRequestReader(IOptions<SignOutOptions> options, TimeProvider time)
{
    private readonly int _limit = options.Value.MaxRequestBodyBytes;
    private readonly TimeSpan _readTimeout = options.Value.BodyReadTimeout;

    public async Task<(SignOutRequest? Request, Rejection? Rejection)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > _limit)
        {
            return Refuse("The request body is too large.", $"Content-Length {request.ContentLength} exceeds {_limit} bytes.");
        }

        var buffer = ArrayPool<byte>.Shared.Rent(_limit + 1);
        using var deadline = new CancellationTokenSource(_readTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var length = 0;
            while (length <= _limit)
            {
                var read = await request.Body.ReadAsync(buffer.AsMemory(length, _limit + 1 - length), linked.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            return length > _limit
                ? Refuse("The request body is too large.", $"The body exceeds {_limit} bytes.")
                : Parse(buffer.AsSpan(0, length));
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Refuse("The request body was not received in time.", $"The body did not arrive within {_readTimeout}.");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static (SignOutRequest?, Rejection?) Parse(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return Refuse("The request body is empty; send {\"refresh_token\": \"...\"}.", "Empty body.");
        }

        SignOutRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(body, SignOutJsonContext.Default.SignOutRequest);
        }
        catch (JsonException exception) when (exception.Message.StartsWith("Duplicate", StringComparison.Ordinal) && exception.Path is { Length: > 2 } path)
        {
            return Refuse($"{path[2..]} must appear only once.", exception.Message);
        }
        catch (JsonException exception) when (exception.Path is "$.refresh_token" or "$.post_logout_redirect_uri" or "$.state" or "$.ui_locales")
        {
            return Refuse($"{exception.Path[2..]} must be a string.", exception.Message);
        }
        catch (JsonException exception)
        {
            return Refuse("The request body must be a JSON object.", exception.Message);
        }

        return string.IsNullOrEmpty(request?.RefreshToken)
            ? Refuse("refresh_token is required.", "refresh_token is missing, null or empty.")
            : (request, null);
    }

    private static (SignOutRequest?, Rejection?) Refuse(string message, string detail) =>
        (null, new Rejection(ApiCode.ParameterError, message, detail));
}
