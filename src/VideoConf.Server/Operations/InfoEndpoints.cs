using System.Reflection;
using System.Text.Json.Serialization;
using VideoConf.Server.Accounts;
using VideoConf.Server.Http;
using VideoConf.Server.Http.OpenApi;

namespace VideoConf.Server.Operations;

/// <summary><c>GET /api/info</c>: the Rocket.Chat API level served, and VideoConf's own version for admins.</summary>
internal static class InfoEndpoints
{
    public const string ApiLevel = "8.0";

    public static readonly string ServerVersion =
        typeof(InfoEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static IEndpointRouteBuilder MapInfoEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapApiGetAt("/api/info", "info", (Caller caller) =>
                ApiResults.Ok(new InfoResponse(ApiLevel, caller.User?.Roles.Contains("admin") == true ? new VideoConfInfo(ServerVersion) : null)),
                auth: AuthMode.Optional)
            .WithTags("Server")
            .WithSummary("Get server information")
            .WithDescription("The Rocket.Chat API level served; admins also see VideoConf's own version.")
            .Responds(DocSchema.Object(("version", DocSchema.String()), ("videoconf?", DocSchema.Object(("version", DocSchema.String())))));
        return routes;
    }

    private sealed record InfoResponse(string Version, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] VideoConfInfo? Videoconf);

    private sealed record VideoConfInfo(string Version);
}
