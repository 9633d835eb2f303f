using Microsoft.OpenApi;
using static VideoConf.Server.Http.OpenApi.DocSchema;

namespace VideoConf.Server.Accounts;

/// <summary>Response bodies of the account and user endpoints, for the OpenAPI document.</summary>
internal static class AccountDocs
{
    public const string Tag = "Accounts";

    /// <summary>A user as <see cref="UserDto"/> writes it.</summary>
    public static OpenApiSchema User() => Object(
        ("_id", String()),
        ("type", Enum("user", "bot")),
        ("username", String()),
        ("name", String()),
        ("emails?", ArrayOf(Object(("address", String()), ("verified", Boolean())))),
        ("status", Enum("online", "away", "offline", "busy", "disabled")),
        ("roles", ArrayOf(String())),
        ("active", Boolean()),
        ("createdAt", Date()),
        ("_updatedAt", Date()),
        ("avatarETag?", String()));

    public static OpenApiSchema UserEnvelope() => Object(("user", User()));

    public static OpenApiSchema Login() => Object(
        ("status", Enum("success")),
        ("data", Object(("userId", String()), ("authToken", String()), ("me", User()))));

    public static OpenApiSchema Logout() => Object(
        ("status", Enum("success")),
        ("data", Object(("message", String()))));

    public static OpenApiSchema Token() => Object(("token", String()));
}
