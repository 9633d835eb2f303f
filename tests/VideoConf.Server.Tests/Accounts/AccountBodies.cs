using System.Text.Json.Nodes;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Accounts;

/// <summary>The exact bodies of the accounts contract (§2), and the user object as it must appear.</summary>
internal static class AccountBodies
{
    public const string LoggedOut = """{"status":"success","data":{"message":"You've been logged out!"},"success":true}""";

    public const string UserNotFound = """{"success":false,"error":"User not found."}""";

    public const string UsernameTaken =
        """{"success":false,"error":"Username is already in use [error-field-unavailable]","errorType":"error-field-unavailable"}""";

    public const string EmailTaken =
        """{"success":false,"error":"Email already exists [error-field-unavailable]","errorType":"error-field-unavailable"}""";

    /// <summary>The fields of a user object, in the contract's order (<c>avatarETag</c> is absent for users without one).</summary>
    public static readonly string[] UserFields =
        ["_id", "type", "username", "name", "emails", "status", "roles", "active", "createdAt", "_updatedAt"];

    /// <summary>A user object exactly as the contract shows it.</summary>
    public static JsonObject User(
        string id,
        string username,
        string name,
        string email,
        DateTimeOffset createdAt,
        string status = "offline",
        string[]? roles = null,
        bool active = true,
        bool verified = false,
        string type = "user",
        DateTimeOffset? updatedAt = null) => new()
        {
            ["_id"] = id,
            ["type"] = type,
            ["username"] = username,
            ["name"] = name,
            ["emails"] = new JsonArray(new JsonObject { ["address"] = email, ["verified"] = verified }),
            ["status"] = status,
            ["roles"] = new JsonArray((roles ?? ["user"]).Select(r => (JsonNode?)JsonValue.Create(r)).ToArray()),
            ["active"] = active,
            ["createdAt"] = WireFormat.Date(createdAt),
            ["_updatedAt"] = WireFormat.Date(updatedAt ?? createdAt),
        };

    /// <summary><c>{"user":{…},"success":true}</c>.</summary>
    public static string UserEnvelope(JsonObject user) => new JsonObject { ["user"] = user, ["success"] = true }.ToJsonString();

    /// <summary>
    /// Asserts that no key anywhere in the body names a credential (<c>password</c>, <c>hash</c>, <c>services</c>, as
    /// in Rocket.Chat's <c>services.password.bcrypt</c>) and no value looks like a bcrypt hash.
    /// </summary>
    public static void AssertNoCredentialFields(ApiResponse response)
    {
        var keys = new List<string>();
        var strings = new List<string>();
        Walk(response.Json, keys, strings);
        Assert.DoesNotContain(keys, k => k.Contains("password", StringComparison.OrdinalIgnoreCase)
            || k.Contains("hash", StringComparison.OrdinalIgnoreCase)
            || k.Contains("services", StringComparison.OrdinalIgnoreCase)
            || k.Contains("bcrypt", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(strings, v => v.StartsWith("$2", StringComparison.Ordinal));
    }

    private static void Walk(JsonNode? node, List<string> keys, List<string> strings)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    keys.Add(key);
                    Walk(value, keys, strings);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Walk(item, keys, strings);
                }
                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                strings.Add(text);
                break;
        }
    }
}
