// Mints a refresh token shaped like Cloudreve v4's, signed with the first key in local.settings.json, for local calls:
//   dotnet run --project tools/MintToken -- [--sub alice] [--root <uuid>|--no-root] [--connector logto] [--settings path]
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

var options = MintOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: MintToken [--sub SUBJECT] [--root UUID | --no-root] [--connector ID] [--settings local.settings.json]");
    return 2;
}

if (!File.Exists(options.SettingsPath))
{
    Console.Error.WriteLine($"{options.SettingsPath} not found: copy local.settings.sample.json to local.settings.json first.");
    return 1;
}

using var settings = JsonDocument.Parse(File.ReadAllText(options.SettingsPath));
var values = settings.RootElement.GetProperty("Values");
string? Setting(string name) => values.TryGetProperty(name, out var v) ? v.GetString() : null;

var secret = Setting("RefreshToken__SigningKeys__0__Secret");
if (string.IsNullOrEmpty(secret))
{
    Console.Error.WriteLine("RefreshToken__SigningKeys__0__Secret is not set in " + options.SettingsPath);
    return 1;
}

var now = DateTimeOffset.UtcNow;
var claims = new Dictionary<string, object>
{
    ["token_type"] = "refresh",
    ["sub"] = options.Subject,
    ["state_hash"] = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(options.Subject))),
};
if (options.RootId is not null)
{
    claims[Setting("RefreshToken__RootIdClaim") ?? "root_token_id"] = options.RootId;
}

if (options.Connector is not null)
{
    claims[Setting("RefreshToken__ConnectorClaim") ?? "sso_connector"] = options.Connector;
}

var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)) { KeyId = Setting("RefreshToken__SigningKeys__0__Id") };
var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
{
    Claims = claims,
    NotBefore = now.UtcDateTime,
    Expires = now.AddDays(14).UtcDateTime,
    SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
});
Console.WriteLine(token);
return 0;

internal sealed record MintOptions(string Subject, string? RootId, string? Connector, string SettingsPath)
{
    public static MintOptions? Parse(string[] args)
    {
        var subject = "lpua";
        string? root = Guid.NewGuid().ToString();
        string? connector = null;
        var settings = "local.settings.json";
        for (var i = 0; i < args.Length; i++)
        {
            string? Next() => i + 1 < args.Length ? args[++i] : null;
            switch (args[i])
            {
                case "--sub": subject = Next() ?? subject; break;
                case "--root": root = Next(); break;
                case "--no-root": root = null; break;
                case "--connector": connector = Next(); break;
                case "--settings": settings = Next() ?? settings; break;
                default: return null;
            }
        }

        return new MintOptions(subject, root, connector, settings);
    }
}
