using SessionFunctions.Revocation;

namespace SessionFunctions.Tests.Revocation;

public sealed class TokenFamilyTests
{
    private static readonly char[] ForbiddenInTableKeys = ['/', '\\', '#', '?'];

    [Fact]
    public void Root_id_key_is_the_documented_digest()
    {
        // sha256("root:6f1e2c9a-1b8e-4a55-9b7b-0c3c9e1f2a10"), computed with `printf %s ... | sha256sum`.
        Assert.Equal(
            "root-" + Sha256Hex("root:6f1e2c9a-1b8e-4a55-9b7b-0c3c9e1f2a10"),
            TokenFamily.FromRootId("6f1e2c9a-1b8e-4a55-9b7b-0c3c9e1f2a10"));
    }

    [Fact]
    public void Tokens_of_one_family_share_a_key_and_other_families_do_not()
    {
        var root = Guid.NewGuid().ToString();
        Assert.Equal(TokenFamily.For(root, "a.b.c"), TokenFamily.For(root, "d.e.f"));
        Assert.NotEqual(TokenFamily.For(root, "a.b.c"), TokenFamily.For(Guid.NewGuid().ToString(), "a.b.c"));
    }

    [Fact]
    public void Token_without_root_id_is_a_family_of_its_own()
    {
        Assert.NotEqual(TokenFamily.For(null, "a.b.c"), TokenFamily.For(null, "a.b.d"));
        Assert.Equal(TokenFamily.FromToken("a.b.c"), TokenFamily.For("", "a.b.c"));
        Assert.StartsWith(TokenFamily.TokenPrefix, TokenFamily.For(null, "a.b.c"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_root_id_and_a_token_with_the_same_text_never_collide()
    {
        Assert.NotEqual(TokenFamily.FromRootId("x"), TokenFamily.FromToken("x"));
    }

    [Theory]
    [InlineData("6f1e2c9a-1b8e-4a55-9b7b-0c3c9e1f2a10")]
    [InlineData("a/b\\c#d?e\u0001\u007f\u0085")]
    [InlineData("日本語のルートID")]
    public void Key_is_safe_as_a_table_key_bounded_and_leaks_no_claim(string rootId)
    {
        var key = TokenFamily.FromRootId(rootId);
        var longKey = TokenFamily.FromToken(new string('x', 100_000));

        foreach (var k in new[] { key, longKey })
        {
            Assert.True(TokenFamily.IsWellFormed(k));
            Assert.True(k.Length <= 70);
            Assert.Equal(-1, k.IndexOfAny(ForbiddenInTableKeys));
            Assert.All(k, c => Assert.False(char.IsControl(c)));
        }

        Assert.DoesNotContain(rootId, key, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("root-abc")]
    [InlineData("other-0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("root-000000000000000000000000000000000000000000000000000000000000000G")]
    public void Malformed_keys_are_recognised(string? key) => Assert.False(TokenFamily.IsWellFormed(key));

    private static string Sha256Hex(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
