using SessionFunctions.SignOut;

namespace SessionFunctions.Tests.SignOut;

/// <summary>Oversized and slow bodies: refused without reading more than the limit and without waiting forever.</summary>
public sealed class RequestBodyLimitTests : IDisposable
{
    private readonly InMemoryRevocationStore _store = new();
    private readonly SignOutHost _host;

    public RequestBodyLimitTests() => _host = SignOutHost.Create(store: _store);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task An_endless_body_is_refused_after_reading_at_most_the_limit()
    {
        var limit = _host.Options<SignOutOptions>().MaxRequestBodyBytes;
        var endless = new EndlessStream();

        var response = await _host.DeleteAsync(endless, contentLength: null);

        Assert.Equal(ApiCode.ParameterError, response.Code);
        Assert.InRange(endless.BytesRead, limit + 1, limit + 1);
        Assert.Equal(0, _store.Writes);
    }

    [Fact]
    public async Task A_trickling_body_is_refused_when_the_read_timeout_passes()
    {
        var slow = new TricklingStream("{\"refresh_token\": \""u8.ToArray());
        var pending = _host.DeleteAsync(slow, contentLength: null);
        await slow.FirstReadDone.Task;

        _host.Time.Advance(_host.Options<SignOutOptions>().BodyReadTimeout);
        var response = await pending;

        Assert.Equal(ApiCode.ParameterError, response.Code);
        Assert.Contains("not received in time", response.Msg, StringComparison.Ordinal);
        Assert.Equal(0, _store.Writes);
    }

    [Fact]
    public async Task A_body_exactly_at_the_limit_is_read()
    {
        var limit = _host.Options<SignOutOptions>().MaxRequestBodyBytes;
        var token = TestTokens.Refresh();
        var json = "{\"refresh_token\": \"" + token + "\"}";
        var body = json + new string(' ', limit - json.Length);

        var response = await _host.DeleteAsync(body);

        Assert.Equal(ApiCode.Success, response.Code);
    }

    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            buffer.Span.Fill((byte)'a');
            BytesRead += buffer.Length;
            return ValueTask.FromResult(buffer.Length);
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
