using System.Text;
using SessionFunctions.Revocation;
using SessionFunctions.RevocationStorage;
using Microsoft.Extensions.Logging;
using SessionFunctions.SignOut;

namespace SessionFunctions.Tests.SignOut;

/// <summary>The HTTP function end to end with an in-memory store: request in, status + headers + envelope out.</summary>
public sealed class SignOutFunctionTests : IDisposable
{
    private readonly InMemoryRevocationStore _store = new();
    private readonly SignOutHost _host;

    public SignOutFunctionTests() => _host = SignOutHost.Create(store: _store);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Genuine_token_without_connector_revokes_its_family_and_answers_null_data()
    {
        var rootId = Guid.NewGuid().ToString();
        var response = await _host.SignOutAsync(TestTokens.Refresh(rootId: rootId));

        Assert.Equal(200, response.Status);
        Assert.Equal(ApiCode.Success, response.Code);
        Assert.Equal(string.Empty, response.Msg);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, response.Data.ValueKind);
        Assert.Equal(["data", "code", "msg"], response.PropertyNames);
        var record = Assert.Single(_store.Records.Values);
        Assert.Equal(TokenFamily.FromRootId(rootId), record.PartitionKey);
        Assert.Equal("lpua", record.Subject);
        Assert.Equal(TestTokens.Now, record.RevokedAt);
        Assert.Equal("root", record.FamilySource);
        Assert.Equal(TestTokens.Now.AddDays(14), record.TokenExpiresAt);
        Assert.Equal(TestTokens.Now.AddDays(30), record.RetainUntil);
        Assert.Equal(response.Headers["x-correlation-id"].ToString(), record.CorrelationId);
    }

    [Fact]
    public async Task Genuine_token_from_a_connector_answers_the_providers_sign_out_url()
    {
        var response = await _host.SignOutAsync(TestTokens.Refresh(rootId: Guid.NewGuid().ToString(), connector: "logto"));

        Assert.Equal(ApiCode.Success, response.Code);
        Assert.Equal(
            "https://kqyhaj.logto.app/oidc/session/end?client_id=web-client&post_logout_redirect_uri=https%3A%2F%2Fcloud.example.com%2Fsession",
            response.Data.GetString());
        Assert.Equal("logto", Assert.Single(_store.Records.Values).Connector);
    }

    [Fact]
    public async Task Unknown_connector_still_revokes_and_answers_null_data_with_a_warning()
    {
        var response = await _host.SignOutAsync(TestTokens.Refresh(connector: "no-such-connector"));

        Assert.Equal(ApiCode.Success, response.Code);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, response.Data.ValueKind);
        Assert.Single(_store.Records);
        Assert.Contains(_host.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains("no-such-connector", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Default_connector_applies_to_tokens_that_name_none()
    {
        using var host = SignOutHost.Create(s => s["Sso:DefaultConnector"] = "logto", store: new InMemoryRevocationStore());
        var response = await host.SignOutAsync(TestTokens.Refresh());
        Assert.StartsWith("https://kqyhaj.logto.app/oidc/session/end?", response.Data.GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expired_but_genuine_token_still_signs_out()
    {
        var claims = TestTokens.RefreshClaims(rootId: Guid.NewGuid().ToString());
        claims["exp"] = TestTokens.Now.AddDays(-30).ToUnixTimeSeconds();
        claims["nbf"] = TestTokens.Now.AddDays(-44).ToUnixTimeSeconds();

        var response = await _host.SignOutAsync(TestTokens.Mint(claims));

        Assert.Equal(ApiCode.Success, response.Code);
        Assert.Single(_store.Records);
    }

    [Fact]
    public async Task Token_shaped_like_the_seed_example_signs_out_as_a_family_of_its_own()
    {
        // The seed's example has token_type, sub, exp, nbf, state_hash and no kid, jti, iss or root id.
        var claims = new Dictionary<string, object?>
        {
            ["token_type"] = "refresh",
            ["sub"] = "lpua",
            ["exp"] = 1761203978L,
            ["nbf"] = 1745651978L,
            ["state_hash"] = "I58+Rnk+LuiNLAn0jzOJ4n99J+Wxj/Jsn2hEV+QpazQ=",
        };
        var token = TestTokens.Mint(claims, kid: null);

        var response = await _host.SignOutAsync(token);

        Assert.Equal(ApiCode.Success, response.Code);
        var record = Assert.Single(_store.Records.Values);
        Assert.Equal(TokenFamily.FromToken(token), record.PartitionKey);
        Assert.Equal("token", record.FamilySource);
    }

    [Fact]
    public async Task Repeated_sign_out_of_a_family_succeeds_and_keeps_the_first_record()
    {
        var rootId = Guid.NewGuid().ToString();
        var first = await _host.SignOutAsync(TestTokens.Refresh(rootId: rootId));
        _host.Time.Advance(TimeSpan.FromMinutes(10));
        var second = await _host.SignOutAsync(TestTokens.Refresh(rootId: rootId));

        Assert.Equal(ApiCode.Success, first.Code);
        Assert.Equal(ApiCode.Success, second.Code);
        Assert.Equal(TestTokens.Now, Assert.Single(_store.Records.Values).RevokedAt);
    }

    [Fact]
    public async Task Every_answer_carries_no_store_and_the_correlation_header()
    {
        var ok = await _host.SignOutAsync(TestTokens.Refresh());
        var bad = await _host.DeleteAsync("{}");

        foreach (var response in new[] { ok, bad })
        {
            Assert.Equal("no-store", response.Headers.CacheControl.ToString());
            Assert.True(Guid.TryParse(response.Headers["x-correlation-id"], out _));
            Assert.StartsWith("application/json", response.Headers.ContentType.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(bad.Headers["x-correlation-id"].ToString(), bad.CorrelationId);
    }

    [Fact]
    public async Task A_valid_incoming_correlation_id_is_used_and_an_invalid_one_is_replaced()
    {
        var supplied = Guid.NewGuid().ToString();
        var kept = await _host.DeleteAsync("{}", new Dictionary<string, string> { ["x-correlation-id"] = supplied });
        var replaced = await _host.DeleteAsync("{}", new Dictionary<string, string> { ["x-correlation-id"] = "<script>\r\nlog-injection" });

        Assert.Equal(supplied, kept.CorrelationId);
        Assert.True(Guid.TryParse(replaced.CorrelationId, out _));
    }

    public static TheoryData<string, string?> BadBodies => new()
    {
        { "empty body", "" },
        { "not JSON", "refresh_token=abc" },
        { "truncated JSON", "{\"refresh_token\": \"abc" },
        { "JSON array", "[\"abc\"]" },
        { "JSON string", "\"abc\"" },
        { "JSON null", "null" },
        { "missing refresh_token", "{\"token\": \"abc\"}" },
        { "null refresh_token", "{\"refresh_token\": null}" },
        { "empty refresh_token", "{\"refresh_token\": \"\"}" },
        { "number refresh_token", "{\"refresh_token\": 42}" },
        { "object refresh_token", "{\"refresh_token\": {\"a\": 1}}" },
        { "array refresh_token", "{\"refresh_token\": [\"abc\"]}" },
        { "duplicate refresh_token", "{\"refresh_token\": \"a.b.c\", \"refresh_token\": \"d.e.f\"}" },
        { "too deep", new string('[', 200) + new string(']', 200) },
    };

    [Fact]
    public async Task A_duplicated_refresh_token_is_named_as_such()
    {
        var response = await _host.DeleteAsync("{\"refresh_token\": \"a.b.c\", \"refresh_token\": \"d.e.f\"}");

        Assert.Equal(ApiCode.ParameterError, response.Code);
        Assert.Equal("refresh_token must appear only once.", response.Msg);
    }

    [Fact]
    public async Task A_token_without_kid_whose_signature_matches_no_key_is_a_bad_signature_not_an_unknown_key()
    {
        // test.http's invalid token: no kid, so every key is tried (docs/token-family.md, "Token contract"), and none
        // verifies it.
        var withoutKid = await _host.SignOutAsync("eyJhbGciOiJIUzI1NiJ9.e30.invalid");
        var unknownKid = await _host.SignOutAsync(TestTokens.Refresh(kid: "k9"));

        Assert.Equal(ApiCode.CredentialInvalid, withoutKid.Code);
        Assert.Equal("The refresh token's signature is invalid.", withoutKid.Msg);
        Assert.Equal("The refresh token was signed with an unknown key.", unknownKid.Msg);
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_body_is_40001_and_writes_nothing(string because, string? body)
    {
        var response = await _host.DeleteAsync(body);

        Assert.True(response.Status == 200, because);
        Assert.Equal(ApiCode.ParameterError, response.Code);
        AssertFailureEnvelope(response);
        Assert.Equal(0, _store.Writes);
    }

    [Fact]
    public async Task Body_over_the_limit_is_40001_even_without_content_length()
    {
        var limit = _host.Options<SignOutOptions>().MaxRequestBodyBytes;
        var body = "{\"refresh_token\": \"" + new string('a', limit) + "\"}";
        var response = await _host.DeleteAsync(new NonSeekableStream(Encoding.UTF8.GetBytes(body)), contentLength: null);

        Assert.Equal(ApiCode.ParameterError, response.Code);
        Assert.Contains("too large", response.Msg, StringComparison.Ordinal);
        Assert.Equal(0, _store.Writes);
    }

    [Fact]
    public async Task Declared_content_length_over_the_limit_is_refused_before_reading()
    {
        var body = new NonSeekableStream(new byte[16]);
        var response = await _host.DeleteAsync(body, contentLength: 10_000_000);

        Assert.Equal(ApiCode.ParameterError, response.Code);
        Assert.Equal(0, body.BytesRead);
    }

    public static TheoryData<string, string> BadTokens()
    {
        var claims = TestTokens.RefreshClaims();
        var valid = TestTokens.Refresh();
        var parts = valid.Split('.');
        var wrongType = TestTokens.RefreshClaims();
        wrongType[RefreshTokenClaims.TokenType] = "access";
        var noType = TestTokens.RefreshClaims();
        noType.Remove(RefreshTokenClaims.TokenType);
        var noSub = TestTokens.RefreshClaims();
        noSub.Remove("sub");
        var emptySub = TestTokens.RefreshClaims();
        emptySub["sub"] = "";
        var future = TestTokens.RefreshClaims();
        future["nbf"] = TestTokens.Now.AddMinutes(10).ToUnixTimeSeconds();
        var numberRoot = TestTokens.RefreshClaims();
        numberRoot[RefreshTokenClaims.RootId] = 7;
        return new TheoryData<string, string>
        {
            { "not a JWT", "not-a-jwt" },
            { "two parts", parts[0] + "." + parts[1] },
            { "bad base64 in header", "!!!." + parts[1] + "." + parts[2] },
            { "bad base64 in payload", parts[0] + ".%%%." + parts[2] },
            { "header not JSON", Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode("nope") + "." + parts[1] + "." + parts[2] },
            { "bad signature", parts[0] + "." + parts[1] + "." + RefreshTokens.Sign("x.y", TestTokens.KeyOne, "HS256") },
            { "signed with an unknown key", TestTokens.Refresh(kid: null, secret: TestTokens.RetiredKey) },
            { "unknown kid", TestTokens.Refresh(kid: "k9") },
            { "kid of another key", TestTokens.Mint(claims, TestTokens.KeyOne, TestTokens.KeyTwoId) },
            { "alg none", TestTokens.Mint(claims, alg: "none") },
            { "alg HS512 not allowed", TestTokens.Mint(claims, alg: "HS512") },
            { "alg RS256", TestTokens.Mint(claims, alg: "RS256") },
            { "wrong token_type", TestTokens.Mint(wrongType) },
            { "missing token_type", TestTokens.Mint(noType) },
            { "missing sub", TestTokens.Mint(noSub) },
            { "empty sub", TestTokens.Mint(emptySub) },
            { "nbf in the future", TestTokens.Mint(future) },
            { "root id not a string", TestTokens.Mint(numberRoot) },
            { "crit header", TestTokens.Mint(claims, extraHeader: new Dictionary<string, object?> { ["crit"] = new[] { "exp" } }) },
        };
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Bad_token_is_40020_and_writes_nothing(string because, string token)
    {
        var response = await _host.SignOutAsync(token);

        Assert.True(response.Status == 200, because);
        Assert.True(response.Code == ApiCode.CredentialInvalid, $"{because}: {response.Body}");
        AssertFailureEnvelope(response);
        Assert.Equal(0, _store.Writes);
    }

    [Fact]
    public async Task Nbf_within_the_clock_skew_is_accepted()
    {
        var claims = TestTokens.RefreshClaims();
        claims["nbf"] = TestTokens.Now.AddSeconds(30).ToUnixTimeSeconds();
        Assert.Equal(ApiCode.Success, (await _host.SignOutAsync(TestTokens.Mint(claims))).Code);
    }

    [Fact]
    public async Task Storage_unavailable_is_200_with_50001_and_retry_after_and_never_success()
    {
        _store.FailWith = new RevocationStoreUnavailableException("down");
        var response = await _host.SignOutAsync(TestTokens.Refresh());

        Assert.Equal(200, response.Status);
        Assert.Equal(ApiCode.StorageUnavailable, response.Code);
        Assert.Equal("2", response.Headers.RetryAfter.ToString());
        AssertFailureEnvelope(response);
        var warning = Assert.Single(_host.Logs.GetSnapshot(), r => r.Level >= LogLevel.Warning);
        Assert.Equal((LogLevel.Warning, "StorageUnavailable"), (warning.Level, warning.Id.Name));
    }

    [Fact]
    public async Task A_shed_write_is_200_50001_with_the_configured_retry_after_and_logged_as_a_warning()
    {
        var store = new InMemoryRevocationStore { FailWith = new RevocationWriteShedException("The write queue is full.") };
        using var host = SignOutHost.Create(s => s["SignOut:RetryAfterSeconds"] = "7", store: store);

        var response = await host.SignOutAsync(TestTokens.Refresh());

        Assert.Equal(200, response.Status);
        Assert.Equal(ApiCode.StorageUnavailable, response.Code);
        Assert.Equal("7", response.Headers.RetryAfter.ToString());
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains("shed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Answers_other_than_50001_carry_no_retry_after()
    {
        var response = await _host.SignOutAsync(TestTokens.Refresh());

        Assert.Equal(ApiCode.Success, response.Code);
        Assert.False(response.Headers.ContainsKey("Retry-After"));
    }

    [Fact]
    public async Task Unexpected_fault_is_a_200_envelope_without_stack_trace()
    {
        _store.FailWith = new InvalidOperationException("secret internals at Foo.Bar()");
        var response = await _host.SignOutAsync(TestTokens.Refresh());

        Assert.Equal(200, response.Status);
        Assert.Equal(ApiCode.InternalError, response.Code);
        Assert.DoesNotContain("Foo.Bar", response.Body, StringComparison.Ordinal);
        AssertFailureEnvelope(response);
    }

    [Fact]
    public async Task An_invocation_cancelled_before_the_write_is_a_50001_envelope_that_writes_nothing_and_warns_nobody()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var body = new MemoryStream(Encoding.UTF8.GetBytes($"{{\"refresh_token\":\"{TestTokens.Refresh()}\"}}"));

        var response = await _host.DeleteAsync(body, cancellationToken: cancelled.Token);

        Assert.Equal(200, response.Status);
        Assert.Equal(ApiCode.StorageUnavailable, response.Code);
        Assert.Equal("2", response.Headers.RetryAfter.ToString());
        AssertFailureEnvelope(response);
        Assert.Equal(0, _store.Writes);
        // The host cancels for a caller who hung up as well as for its own stop: no warning, no storage alert.
        Assert.DoesNotContain(_host.Logs.GetSnapshot(), r => r.Level >= LogLevel.Warning);
        Assert.Contains(_host.Logs.GetSnapshot(), r => r.Level == LogLevel.Debug && r.Id.Name == "Cancelled");
    }

    [Fact]
    public async Task An_invocation_cancelled_during_the_write_still_records_the_sign_out()
    {
        using var invocation = new CancellationTokenSource();
        var store = new InMemoryRevocationStore { OnWrite = token => { invocation.Cancel(); return token; } };
        using var host = SignOutHost.Create(store: store);
        var rootId = Guid.NewGuid().ToString();

        var response = await host.DeleteAsync(
            new MemoryStream(Encoding.UTF8.GetBytes($"{{\"refresh_token\":\"{TestTokens.Refresh(rootId: rootId)}\"}}")),
            cancellationToken: invocation.Token);

        Assert.True(invocation.IsCancellationRequested, "the store was never asked to write");
        Assert.False(store.LastToken.IsCancellationRequested, "the write was handed a token the invocation cancelled");
        Assert.Equal(ApiCode.Success, response.Code);
        Assert.Equal(TokenFamily.FromRootId(rootId), Assert.Single(store.Records.Values).PartitionKey);
        Assert.DoesNotContain(host.Logs.GetSnapshot(), r => r.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task A_body_the_caller_cuts_short_is_40001_logged_as_a_refusal_not_a_fault()
    {
        var response = await _host.DeleteAsync(new FailingStream(new IOException("Unexpected end of request content.")));

        Assert.Equal(200, response.Status);
        Assert.Equal(ApiMessages.BodyUnreadable.Text, response.Msg);
        Assert.Equal(0, _store.Writes);
        Assert.DoesNotContain(_host.Logs.GetSnapshot(), r => r.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task A_caller_who_hangs_up_after_sending_the_body_is_still_signed_out_and_nothing_is_logged_as_a_fault()
    {
        var rootId = Guid.NewGuid().ToString();
        var token = TestTokens.Refresh(rootId: rootId);

        var answer = await FunctionInvocation.SignOutAsync(_host.Services, request =>
        {
            request.ContentType = "application/json";
            request.Body = new MemoryStream(Encoding.UTF8.GetBytes($"{{\"refresh_token\":\"{token}\"}}"));
            request.HttpContext.RequestAborted = new CancellationToken(canceled: true);
        });

        Assert.Equal(200, answer.Status);
        Assert.Equal(TokenFamily.FromRootId(rootId), Assert.Single(_store.Records.Values).PartitionKey);
        Assert.Contains(_host.Logs.GetSnapshot(), r => r.Id.Name == "SignedOut");
        Assert.DoesNotContain(_host.Logs.GetSnapshot(), r => r.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task Error_detail_appears_only_when_the_debug_option_is_on()
    {
        const string detail = "table endpoint 10.0.0.7:10002 refused the connection";
        var failing = new InMemoryRevocationStore { FailWith = new RevocationStoreUnavailableException(detail) };
        using var on = SignOutHost.Create(s => s["SignOut:IncludeErrorDetail"] = "true", store: failing);
        using var off = SignOutHost.Create(s => s["SignOut:IncludeErrorDetail"] = "false", store: failing);

        var withDetail = await on.SignOutAsync(TestTokens.Refresh());
        var without = await off.SignOutAsync(TestTokens.Refresh());

        Assert.Equal(ApiCode.StorageUnavailable, withDetail.Code);
        Assert.Equal(ApiCode.StorageUnavailable, without.Code);
        Assert.Equal(detail, withDetail.Json.GetProperty("error").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, without.Json.GetProperty("error").ValueKind);
        Assert.DoesNotContain("10.0.0.7", without.Body, StringComparison.Ordinal);
    }

    private static void AssertFailureEnvelope(SignOutResponse response)
    {
        Assert.Equal(["data", "code", "msg", "error", "correlation_id"], response.PropertyNames);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, response.Data.ValueKind);
        Assert.False(string.IsNullOrWhiteSpace(response.Msg));
        Assert.True(Guid.TryParse(response.CorrelationId, out _));
        Assert.DoesNotContain("   at ", response.Body, StringComparison.Ordinal);
    }
}
