using Azure.Core;

namespace SessionFunctions.RevocationStorage;

/// <summary>
/// A credential made on its first use. Microsoft.Extensions.Azure builds its fallback credential every time it
/// creates a client, even one that authenticates with a connection string and never asks for a token; building a
/// <c>DefaultAzureCredential</c> on the first sign-out's path costs a few hundred JIT-compiled methods for nothing.
/// </summary>
internal sealed class DeferredTokenCredential(Func<TokenCredential> create) : TokenCredential
{
    private readonly Lazy<TokenCredential> _credential = new(create);

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        _credential.Value.GetToken(requestContext, cancellationToken);

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        _credential.Value.GetTokenAsync(requestContext, cancellationToken);
}
