using System.Text.Json.Serialization;
using VideoConf.Server.Accounts;
using VideoConf.Server.Http;
using VideoConf.Server.Http.Validation;
using VideoConf.Server.Providers;
using VideoConf.Server.RateLimiting;
using VideoConf.Server.Settings;

namespace VideoConf.Server.VideoConferences;

/// <summary>The seven <c>video-conference.*</c> endpoints.</summary>
internal static class VideoConferenceEndpoints
{
    private static readonly ObjectSchema StartSchema = new(
        SchemaProperty.String("roomId", required: true),
        SchemaProperty.String("title", nullable: true),
        SchemaProperty.Boolean("allowRinging", nullable: true));

    private static readonly ObjectSchema JoinSchema = new(
        SchemaProperty.String("callId", required: true),
        SchemaProperty.Object("state", new ObjectSchema(
            SchemaProperty.Boolean("mic", nullable: true),
            SchemaProperty.Boolean("cam", nullable: true)), nullable: true));

    private static readonly ObjectSchema CallIdSchema = new(SchemaProperty.String("callId", required: true));

    private static readonly ObjectSchema ListSchema = new(
        SchemaProperty.String("roomId", required: true),
        Paging.OffsetProperty,
        Paging.CountProperty);

    public static IEndpointRouteBuilder MapVideoConferenceEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapApiPost("video-conference.start", (ApiParams p, Caller c, VideoConferenceService s, HttpContext h) =>
            s.StartAsync(c.Required, new StartRequest(p.String("roomId")!, p.String("title"), p.Bool("allowRinging") ?? false), h.RequestAborted), StartSchema)
            .RateLimited(3, 60000);
        routes.MapApiPost("video-conference.join", (ApiParams p, Caller c, VideoConferenceService s, HttpContext h) =>
            s.JoinAsync(c.User, p.String("callId")!, MediaStateOf(p), h.RequestAborted), JoinSchema, AuthMode.AnonymousReadAllowed)
            .RateLimited(2, 5000);
        routes.MapApiPost("video-conference.cancel", (ApiParams p, Caller c, VideoConferenceService s, HttpContext h) =>
            s.CancelAsync(c.Required, p.String("callId")!, h.RequestAborted), CallIdSchema)
            .RateLimited(3, 60000);
        routes.MapApiGet("video-conference.info", (ApiParams p, Caller c, VideoConferenceService s, HttpContext h) =>
            s.InfoAsync(c.Required, p.String("callId")!, h.RequestAborted), CallIdSchema)
            .RateLimited(15, 3000);
        routes.MapApiGet("video-conference.list", (ApiParams p, Caller c, VideoConferenceService s, SettingsService settings, HttpContext h) =>
            s.ListAsync(c.Required, p.String("roomId")!, Paging.From(p, settings), h.RequestAborted), ListSchema)
            .RateLimited(3, 1000);
        routes.MapApiGet("video-conference.providers", Providers).RateLimited(3, 1000);
        routes.MapApiGet("video-conference.capabilities", Capabilities).RateLimited(3, 1000);
        return routes;
    }

    private static MediaState MediaStateOf(ApiParams p) =>
        p.Object("state") is { } state ? new MediaState(state.Bool("mic"), state.Bool("cam")) : new MediaState(null, null);

    private static IResult Providers(ProviderRegistry providers) =>
        ApiResults.Ok(new ProvidersResponse(providers.Enabled().Select(p => new ProviderDto(p.Key, p.Label(providers.Settings))).ToList()));

    private static IResult Capabilities(ProviderRegistry providers)
    {
        var (provider, error) = providers.Active();
        return provider is null ? error! : ApiResults.Ok(new CapabilitiesResponse(provider.Key, provider.Capabilities(providers.Settings)));
    }

    private sealed record ProviderDto(string Key, string Label);

    private sealed record ProvidersResponse(IReadOnlyList<ProviderDto> Data);

    private sealed record CapabilitiesResponse(string ProviderName, [property: JsonPropertyName("capabilities")] ProviderCapabilities Capabilities);
}
