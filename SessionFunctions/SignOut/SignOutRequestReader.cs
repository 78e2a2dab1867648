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

    public async Task<Checked<SignOutRequest>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > _limit)
        {
            return Refuse(ApiMessages.BodyTooLarge, $"Content-Length {request.ContentLength} exceeds {_limit} bytes.");
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
                ? Refuse(ApiMessages.BodyTooLarge, $"The body exceeds {_limit} bytes.")
                : Parse(buffer.AsSpan(0, length));
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Refuse(ApiMessages.BodyTooSlow, $"The body did not arrive within {_readTimeout}.");
        }
        catch (IOException exception)
        {
            // The caller hung up or cut the body short (Kestrel's BadHttpRequestException and connection resets are
            // IOExceptions): the caller's doing, refused like any other incomplete body, nothing written.
            return Refuse(ApiMessages.BodyUnreadable, exception.GetType().Name);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static Checked<SignOutRequest> Parse(ReadOnlySpan<byte> json)
    {
        if (json.IsEmpty)
        {
            return Refuse(ApiMessages.BodyEmpty, "Empty body.");
        }

        SignOutRequestBody? body;
        try
        {
            body = JsonSerializer.Deserialize(json, SignOutJsonContext.Default.SignOutRequestBody);
        }
        catch (JsonException exception) when (exception.Message.StartsWith("Duplicate", StringComparison.Ordinal) && exception.Path is { Length: > 2 } path)
        {
            return Refuse(ApiMessages.FieldDuplicated.ForField(path[2..]), exception.Message);
        }
        catch (JsonException exception) when (exception.Path is "$.refresh_token" or "$.post_logout_redirect_uri" or "$.state" or "$.ui_locales")
        {
            return Refuse(ApiMessages.FieldNotString.ForField(exception.Path[2..]), exception.Message);
        }
        catch (JsonException exception)
        {
            return Refuse(ApiMessages.BodyNotObject, exception.Message);
        }

        return body is { RefreshToken: { Length: > 0 } refreshToken }
            ? Checked.Accept(SignOutRequest.From(body, refreshToken))
            : Refuse(ApiMessages.RefreshTokenRequired, "refresh_token is missing, null or empty.");
    }

    private static Checked<SignOutRequest> Refuse(ApiMessage message, string detail) =>
        Checked.Reject<SignOutRequest>(new Rejection(message, detail));
}
