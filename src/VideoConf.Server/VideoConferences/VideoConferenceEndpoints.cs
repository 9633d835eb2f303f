using System.Text.Json;
using System.Text.Json.Serialization;
using VideoConf.Server.Accounts;
using VideoConf.Server.Http;
using VideoConf.Server.Http.OpenApi;
using VideoConf.Server.Http.Validation;
using VideoConf.Server.Outcomes;
using VideoConf.Server.Providers;
using VideoConf.Server.RateLimiting;
using VideoConf.Server.Settings;
using VideoConf.Server.Storage;

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
        group.MapApiPost("video-conference.start", Start, StartSchema)
            .RateLimited(3, TimeSpan.FromMinutes(1))
            .WithSummary("Start a Video Conference")
            .WithDescription("Starts a call in a room: a ringing direct call in a direct room of two users when allowRinging is true, a conference otherwise.")
            .Describes("roomId", "The room to start the call in; the caller must have access to it.")
            .Describes("title", $"The call's title, at most {TextLimits.TitleMax} characters (UTF-16 code units); the room's name when absent or empty.")
            .Describes("allowRinging", "Ring the room's members (needs videoconf-ring-users).")
            .Responds(VideoConferenceDocs.Start())
            .Fails([VideoConferenceFailures.UnknownOrHidden, VideoConferenceFailures.NotAllowedToStart, .. ProviderFailures.All, Failure.Forbidden]);
        group.MapApiPost("video-conference.join", Join, JoinSchema, AuthMode.AnonymousReadAllowed)
            .RateLimited(2, TimeSpan.FromSeconds(5))
            .WithSummary("Join a Video Conference")
            .WithDescription("Adds the caller to the call's users and returns their own URL for it.")
            .Describes("callId", "The call to join.")
            .Describes("state", "The caller's microphone and camera at start, for providers that support them.")
            .Responds(VideoConferenceDocs.Join())
            .Fails(VideoConferenceFailures.UnknownOrHidden, VideoConferenceFailures.InvalidCall, VideoConferenceFailures.ProviderUnavailable, VideoConferenceFailures.FailedToGetUrl);
        group.MapApiPost("video-conference.cancel", Cancel, CallIdSchema)
            .RateLimited(3, TimeSpan.FromMinutes(1))
            .WithSummary("Cancel a Video Conference")
            .WithDescription("Declines a ringing direct call; either of its two users may cancel it.")
            .Describes("callId", "The ringing direct call to cancel.")
            .Responds(DocSchema.Object())
            .Fails(VideoConferenceFailures.UnknownOrHidden, VideoConferenceFailures.InvalidCall, VideoConferenceFailures.InvalidCallStatus);
        group.MapApiGet("video-conference.info", Info, CallIdSchema)
            .RateLimited(15, TimeSpan.FromSeconds(3))
            .WithSummary("Get Video Conference Information")
            .Describes("callId", "The call's ID.", "69786d0ac8b05330207814bd")
            .Responds(VideoConferenceDocs.Info())
            .Fails(VideoConferenceFailures.UnknownOrHidden);
        group.MapApiGet("video-conference.list", List, ListSchema)
            .RateLimited(3, TimeSpan.FromSeconds(1))
            .WithSummary("Get List of Video Conferences")
            .WithDescription("Use this endpoint to get the list of video calls for a specific room.")
            .Describes("roomId", "Enter the room ID for which you want to view the list of video conferences. Make sure that you have access to the room.", "674eca3e43725ce31dd9a2e8")
            .Responds(VideoConferenceDocs.List())
            .Fails(VideoConferenceFailures.UnknownOrHidden);
        group.MapApiGet("video-conference.providers", Providers)
            .RateLimited(3, TimeSpan.FromSeconds(1))
            .WithSummary("Get Video Conference Providers")
            .WithDescription("The enabled providers, in configuration order.")
            .Responds(VideoConferenceDocs.Providers());
        group.MapApiGet("video-conference.capabilities", Capabilities)
            .RateLimited(3, TimeSpan.FromSeconds(1))
            .WithSummary("Get Video Conference Capabilities")
            .WithDescription("The active provider and what it supports.")
            .Responds(VideoConferenceDocs.ActiveCapabilities())
            .Fails([.. ProviderFailures.All]);
        return routes;
    }

    private static async Task<IResult> Start(ApiParams p, Caller caller, VideoConferenceService conferences, CancellationToken cancellationToken)
    {
        var request = new StartRequest(p.String("roomId")!, p.String("title"), p.Bool("allowRinging") ?? false);
        return ApiResults.From(await conferences.StartAsync(caller.Required, request, cancellationToken), StartedResponse);
    }

    private static async Task<IResult> Join(ApiParams p, Caller caller, VideoConferenceService conferences, CancellationToken cancellationToken) =>
        ApiResults.From(await conferences.JoinAsync(caller.User, p.String("callId")!, MediaStateOf(p), cancellationToken), ApiResults.Ok);

    private static async Task<IResult> Cancel(ApiParams p, Caller caller, VideoConferenceService conferences, CancellationToken cancellationToken) =>
        ApiResults.From(await conferences.CancelAsync(caller.Required, p.String("callId")!, cancellationToken));

    private static async Task<IResult> Info(ApiParams p, Caller caller, VideoConferenceService conferences, CancellationToken cancellationToken) =>
        ApiResults.From(await conferences.InfoAsync(caller.Required, p.String("callId")!, cancellationToken), InfoResponse);

    private static async Task<IResult> List(ApiParams p, Caller caller, VideoConferenceService conferences, SettingsService settings, CancellationToken cancellationToken)
    {
        var listed = await conferences.ListAsync(caller.Required, p.String("roomId")!, Paging.From(p, settings), cancellationToken);
        return ApiResults.From(listed, static page => new CallListResult(page));
    }

    private static MediaState MediaStateOf(ApiParams p) =>
        p.Object("state") is { } state ? new MediaState(state.Bool("mic"), state.Bool("cam")) : new MediaState(null, null);

    /// <summary>Rocket.Chat's two start answers: a ringing direct call names its callee, a conference its room.</summary>
    private static IResult StartedResponse(CallRecord call) => call.CalleeId is { } calleeId
        ? ApiResults.Ok(new StartResponse<DirectStarted>(new DirectStarted(CallType.Direct, calleeId, call.Id, call.ProviderName)))
        : ApiResults.Ok(new StartResponse<ConferenceStarted>(new ConferenceStarted(CallType.Conference, call.Id, call.RoomId, call.ProviderName)));

    /// <summary>The call record as <c>list</c> writes it, followed by its provider's capabilities (<c>{}</c> when none).</summary>
    private static IResult InfoResponse(CallInfo info) => ApiResults.OkJson(ApiResults.Write(writer =>
    {
        CallJson.WriteProperties(writer, info.Call);
        writer.WritePropertyName("capabilities");
        if (info.Capabilities is null)
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
        }
        else
        {
            JsonSerializer.Serialize(writer, info.Capabilities, ApiJson.Options);
        }
    }));

    private static IResult Providers(ProviderRegistry providers) =>
        ApiResults.Ok(new ProvidersResponse(providers.Enabled().Select(p => new ProviderDto(p.Key, p.Label(providers.Settings))).ToList()));

    private static IResult Capabilities(ProviderRegistry providers)
    {
        var (provider, noProvider) = providers.Active();
        return provider is null ? ApiResults.Error(noProvider!) : ApiResults.Ok(new CapabilitiesResponse(provider.Key, provider.Capabilities(providers.Settings)));
    }

    private sealed record ProviderDto(string Key, string Label);

    private sealed record ProvidersResponse(IReadOnlyList<ProviderDto> Data);

    private sealed record StartResponse<T>(T Data);

    private sealed record ConferenceStarted(string Type, string CallId, string Rid, string ProviderName);

    private sealed record DirectStarted(string Type, string CalleeId, string CallId, string ProviderName);

    private sealed record CapabilitiesResponse(string ProviderName, [property: JsonPropertyName("capabilities")] ProviderCapabilities Capabilities);
}
