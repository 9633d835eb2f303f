using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace VideoConf.Server.Tests.Infrastructure;

/// <summary>
/// Accounts a test needs before the request under test: created through <c>users.create</c> as the bootstrap admin,
/// with e-mail <see cref="EmailOf"/> and password <see cref="PasswordOf"/>, on any <see cref="ITestServer"/>. Every
/// test server starts with the same admin (<see cref="ServerEnvironment.Defaults"/>).
/// </summary>
public static class TestAccounts
{
    public const string AdminUsername = "admin";
    public const string AdminPassword = "admin-password-1";
    public const string AdminEmail = "admin@videoconf.test";
    public const string AdminName = "Administrator";

    public static string PasswordOf(string username) => $"pw-{username}-secret";

    public static string EmailOf(string username) => $"{username}@videoconf.test";

    /// <summary>A client logged in as the bootstrap admin.</summary>
    public static Task<ApiClient> LoginAdminAsync(this ITestServer server) =>
        server.CreateApiClient().LoginAsync(AdminUsername, AdminPassword);

    /// <summary>A new client logged in as <paramref name="username"/>, created by this class.</summary>
    public static Task<ApiClient> LoginAsync(this ITestServer server, string username) =>
        server.CreateApiClient().LoginAsync(username, PasswordOf(username));

    /// <summary>
    /// Creates an account as the admin and returns its id; <paramref name="name"/> defaults to <c>Name of
    /// &lt;username&gt;</c>, <paramref name="roles"/> to <c>user</c>.
    /// </summary>
    public static async Task<string> CreateAccountAsync(this ITestServer server, string username, string? name = null, bool active = true, params string[] roles) =>
        await (await server.LoginAdminAsync()).CreateAccountAsync(username, name, active, roles);

    /// <summary>The same, with an admin client the caller already holds.</summary>
    public static async Task<string> CreateAccountAsync(this ApiClient admin, string username, string? name = null, bool active = true, params string[] roles)
    {
        var body = new JsonObject
        {
            ["username"] = username,
            ["email"] = EmailOf(username),
            ["password"] = PasswordOf(username),
            ["name"] = name ?? $"Name of {username}",
            ["roles"] = new JsonArray((roles.Length == 0 ? ["user"] : roles).Select(r => (JsonNode?)JsonValue.Create(r)).ToArray()),
            ["active"] = active,
        };
        var response = await admin.PostAsync("users.create", body.ToJsonString());
        response.AssertOk();
        return response.Json["user"]!["_id"]!.GetValue<string>();
    }

    /// <summary>Creates <paramref name="username"/> and returns a client logged in as them.</summary>
    public static async Task<ApiClient> CreateUserAsync(this ITestServer server, string username, params string[] roles)
    {
        await server.CreateAccountAsync(username, roles: roles);
        return await server.LoginAsync(username);
    }

    /// <summary>Creates a user with a unique name starting with <paramref name="prefix"/>, logged in.</summary>
    public static Task<ApiClient> NewUserAsync(this ITestServer server, string prefix, params string[] roles) =>
        server.CreateUserAsync(UniqueName.For(prefix), roles);

    /// <summary>Creates an account with a unique name starting with <paramref name="prefix"/>, not logged in; returns its username.</summary>
    public static async Task<string> NewAccountAsync(this ITestServer server, string prefix)
    {
        var username = UniqueName.For(prefix);
        await server.CreateAccountAsync(username);
        return username;
    }

    /// <summary>Creates users who never log in (room members only); returns their usernames.</summary>
    public static async Task<IReadOnlyList<string>> NewUsernamesAsync(this ITestServer server, int count)
    {
        var admin = await server.LoginAdminAsync();
        var names = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var username = UniqueName.For("member");
            await admin.CreateAccountAsync(username);
            names.Add(username);
        }
        return names;
    }

    /// <summary>The lowercase SHA-256 hex of a password, the digest form a client may send instead of the password.</summary>
    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The only form in which a token may be stored: <c>base64(sha256(token))</c>.</summary>
    public static string StoredTokenForm(string token) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
