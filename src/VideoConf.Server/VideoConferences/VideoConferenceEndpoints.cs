using System.Text.Json.Serialization;
using VideoConf.Server.Accounts;
using VideoConf.Server.Http;
using VideoConf.Server.Http.OpenApi;
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
        var group = routes.MapGroup("").WithTags(VideoConferenceDocs.Tag);
        group.MapApiPost("video-conference.start", (ApiParams p, Caller c, VideoConferenceService s, HttpContext h) =>
            s.StartAsync(c.Required, new StartRequest(p.String("roomId")!, p.String("title"), p.Bool("allowRinging") ?? false), h.RequestAborted), StartSchema)
            .RateLimited(3, 60000)
            .WithSummary("Start a Video Conference")
            .WithDescription("Starts a call in a room: a ringing direct call in a direct room of two users when allowRinging is true, a conference otherwise.")
            .Describes("roomId", "The room to start the call in; the caller must have access to it.")
            .Describes("title", $"The call's title, at most {TextLimits.TitleMax} characters (UTF-16 code units); the room's name when absent or empty.")
            .Describes("allowRinging", "Ring the room's members (needs videoconf-ring-users).")
            .Responds(VideoConferenceDocs.Start())
            .Fails([VideoConferenceDocs.InvalidParams, ApiErrorDoc.Bare("error-not-allowed-to-start-video-conference"), .. VideoConferenceDocs.ProviderErrors, ApiErrorDoc.Forbidden]);
        group.MapApiPost("video-conference.join", (ApiParams p, Caller c, VideoConferenceService s, HttpContext h) =>
            s.JoinAsync(c.User, p.String("callId")!, MediaStateOf(p), h.RequestAborted), JoinSchema, AuthMode.AnonymousReadAllowed)
            .RateLimited(2, 5000)
            .WithSummary("Join a Video Conference")
            .WithDescription("Adds the caller to the call's users and returns their own URL for it.")
            .Describes("callId", "The call to join.")
            .Describes("state", "The caller's microphone and camera at start, for providers that support them.")
            .Responds(VideoConferenceDocs.Join())
            .Fails(VideoConferenceDocs.InvalidParams, ApiErrorDoc.Bare("invalid-call"), ApiErrorDoc.Bare("video-conf-provider-unavailable"), ApiErrorDoc.Bare("failed-to-get-url"));
        group.MapApiPost("video-conference.cancel", (ApiParams p, Caller c, VideoConferenceService s, HttpContext h) =>
            s.CancelAsync(c.Required, p.String("callId")!, h.RequestAborted), CallIdSchema)
            .RateLimited(3, 60000)
            .WithSummary("Cancel a Video Conference")
            .WithDescription("Declines a ringing direct call; either of its two users may cancel it.")
            .Describes("callId", "The ringing direct call to cancel.")
            .Responds(DocSchema.Object())
            .Fails(VideoConferenceDocs.InvalidParams, ApiErrorDoc.Bare("invalid-call"), ApiErrorDoc.Bare("invalid-call-status"));
        group.MapApiGet("video-conference.info", (ApiParams p, Caller c, VideoConferenceService s, HttpContext h) =>
            s.InfoAsync(c.Required, p.String("callId")!, h.RequestAborted), CallIdSchema)
            .RateLimited(15, 3000)
            .WithSummary("Get Video Conference Information")
            .Describes("callId", "The call's ID.", "69786d0ac8b05330207814bd")
            .Responds(VideoConferenceDocs.Info())
            .Fails(VideoConferenceDocs.InvalidParams);
        group.MapApiGet("video-conference.list", (ApiParams p, Caller c, VideoConferenceService s, SettingsService settings, HttpContext h) =>
            s.ListAsync(c.Required, p.String("roomId")!, Paging.From(p, settings), h.RequestAborted), ListSchema)
            .RateLimited(3, 1000)
            .WithSummary("Get List of Video Conferences")
            .WithDescription("Use this endpoint to get the list of video calls for a specific room.")
            .Describes("roomId", "Enter the room ID for which you want to view the list of video conferences. Make sure that you have access to the room.", "674eca3e43725ce31dd9a2e8")
            .Responds(VideoConferenceDocs.List())
            .Fails(VideoConferenceDocs.InvalidParams);
        group.MapApiGet("video-conference.providers", Providers).RateLimited(3, 1000)
            .WithSummary("Get Video Conference Providers")
            .WithDescription("The enabled providers, in configuration order.")
            .Responds(VideoConferenceDocs.Providers());
        group.MapApiGet("video-conference.capabilities", Capabilities).RateLimited(3, 1000)
            .WithSummary("Get Video Conference Capabilities")
            .WithDescription("The active provider and what it supports.")
            .Responds(VideoConferenceDocs.ActiveCapabilities())
            .Fails(VideoConferenceDocs.ProviderErrors);
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
