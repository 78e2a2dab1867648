using SessionFunctions.SignOut;

namespace SessionFunctions.Tests.SignOut;

/// <summary>Several keys at once: the state during a rotation.</summary>
public sealed class KeyRotationTests : IDisposable
{
    private const string LongKey = "test-signing-key-for-hs512-0123456789abcdef0123456789abcdef012345";
    private readonly SignOutHost _host = SignOutHost.Create(store: new InMemoryRevocationStore());

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData(TestTokens.KeyOneId, TestTokens.KeyOne)]
    [InlineData(TestTokens.KeyTwoId, TestTokens.KeyTwo)]
    public async Task Both_active_keys_are_accepted_by_kid(string kid, string secret) =>
        Assert.Equal(ApiCode.Success, (await _host.SignOutAsync(TestTokens.Refresh(kid: kid, secret: secret))).Code);

    [Theory]
    [InlineData(TestTokens.KeyOne)]
    [InlineData(TestTokens.KeyTwo)]
    public async Task Token_without_kid_is_checked_against_every_active_key(string secret) =>
        Assert.Equal(ApiCode.Success, (await _host.SignOutAsync(TestTokens.Refresh(kid: null, secret: secret))).Code);

    [Fact]
    public async Task Retired_key_is_refused_with_or_without_its_old_kid()
    {
        Assert.Equal(ApiCode.CredentialInvalid, (await _host.SignOutAsync(TestTokens.Refresh(kid: "k0", secret: TestTokens.RetiredKey))).Code);
        Assert.Equal(ApiCode.CredentialInvalid, (await _host.SignOutAsync(TestTokens.Refresh(kid: null, secret: TestTokens.RetiredKey))).Code);
    }

    [Fact]
    public async Task Configured_algorithm_list_is_honoured()
    {
        // HS512 takes a key at least as long as its 64-byte hash (IdentityModel refuses shorter ones).
        var hs512 = TestTokens.Mint(TestTokens.RefreshClaims(), LongKey, "k3", alg: "HS512");
        using var hs256Only = SignOutHost.Create(s => AddLongKey(s), store: new InMemoryRevocationStore());
        using var withHs512 = SignOutHost.Create(s => { AddLongKey(s); s["RefreshToken:Algorithms:0"] = "HS256"; s["RefreshToken:Algorithms:1"] = "HS512"; }, store: new InMemoryRevocationStore());

        Assert.Equal(ApiCode.CredentialInvalid, (await hs256Only.SignOutAsync(hs512)).Code);
        Assert.Equal(ApiCode.Success, (await withHs512.SignOutAsync(hs512)).Code);
    }

    private static void AddLongKey(Dictionary<string, string?> settings)
    {
        settings["RefreshToken:SigningKeys:2:Id"] = "k3";
        settings["RefreshToken:SigningKeys:2:Secret"] = LongKey;
    }
}
