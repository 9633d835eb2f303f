using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Accounts;

/// <summary>Accounts that tests need to exist before the request under test, created through the API as the admin.</summary>
internal static class AccountSetup
{
    /// <summary>
    /// Creates <paramref name="username"/> with e-mail <c>&lt;username&gt;@videoconf.test</c> and password
    /// <see cref="VideoConfFactory.PasswordOf"/>; returns the new user's id.
    /// </summary>
    public static async Task<string> CreateUserAsync(VideoConfFactory factory, string username, string name, bool active = true, params string[] roles)
    {
        var admin = await factory.LoginAdminAsync();
        var body = new JsonObject
        {
            ["username"] = username,
            ["email"] = EmailOf(username),
            ["password"] = VideoConfFactory.PasswordOf(username),
            ["name"] = name,
            ["roles"] = new JsonArray((roles.Length == 0 ? ["user"] : roles).Select(r => (JsonNode?)JsonValue.Create(r)).ToArray()),
            ["active"] = active,
        };
        var response = await admin.PostAsync("users.create", body.ToJsonString());
        response.AssertOk();
        return response.Json["user"]!["_id"]!.GetValue<string>();
    }

    public static string EmailOf(string username) => $"{username}@videoconf.test";

    /// <summary>The lowercase SHA-256 hex of a password, the digest form a client may send instead of the password.</summary>
    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The only form in which a token may be stored: <c>base64(sha256(token))</c>.</summary>
    public static string StoredTokenForm(string token) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
