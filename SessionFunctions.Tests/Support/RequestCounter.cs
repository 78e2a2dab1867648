using Azure.Core;
using Azure.Core.Pipeline;

namespace SessionFunctions.Tests.Support;

/// <summary>An Azure SDK pipeline policy that counts the HTTP requests a client sends (each retry included).</summary>
public sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private int _count;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _methods = new();

    public int Count => Volatile.Read(ref _count);

    public IReadOnlyCollection<string> Methods => _methods;

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Interlocked.Increment(ref _count);
        _methods.Enqueue(message.Request.Method.ToString());
    }
}
