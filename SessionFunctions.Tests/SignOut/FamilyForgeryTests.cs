using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using SessionFunctions.Revocation;
using SessionFunctions.SignOut;

namespace SessionFunctions.Tests.SignOut;

/// <summary>An anonymous caller can revoke only the family of a token it genuinely holds.</summary>
public sealed class FamilyForgeryTests : IDisposable
{
    private readonly InMemoryRevocationStore _store = new();
    private readonly SignOutHost _host;

    public FamilyForgeryTests() => _host = SignOutHost.Create(store: _store);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task A_token_of_family_A_with_its_family_claim_changed_to_B_revokes_nothing()
    {
        var familyA = Guid.NewGuid().ToString();
        var familyB = Guid.NewGuid().ToString();
        var genuine = TestTokens.Refresh(rootId: familyA).Split('.');
        var forgedPayload = JsonSerializer.Serialize(TestTokens.RefreshClaims(rootId: familyB));
        var forged = $"{genuine[0]}.{Base64UrlEncoder.Encode(forgedPayload)}.{genuine[2]}";

        var response = await _host.SignOutAsync(forged);

        Assert.Equal(ApiCode.CredentialInvalid, response.Code);
        Assert.Empty(_store.Records);
    }

    [Fact]
    public async Task A_token_for_family_B_signed_with_any_key_but_the_issuers_revokes_nothing()
    {
        var familyB = Guid.NewGuid().ToString();
        foreach (var secret in new[] { TestTokens.RetiredKey, "attacker-chosen-key-0123456789abcdefgh" })
        {
            Assert.Equal(ApiCode.CredentialInvalid, (await _host.SignOutAsync(TestTokens.Refresh(rootId: familyB, kid: null, secret: secret))).Code);
        }

        Assert.False(_store.Records.ContainsKey(TokenFamily.FromRootId(familyB)));
        Assert.Equal(0, _store.Writes);
    }
}
