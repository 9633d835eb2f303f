using System.Text.Json;
using VideoConf.Server.Accounts;
using VideoConf.Server.Http;
using VideoConf.Server.Http.Validation;
using VideoConf.Server.Providers;
using VideoConf.Server.Rooms;
using VideoConf.Server.Settings;
using VideoConf.Server.Storage;

namespace VideoConf.Server.VideoConferences;

/// <summary>What <c>start</c> was asked for.</summary>
internal sealed record StartRequest(string RoomId, string? Title, bool AllowRinging);

/// <summary>
/// The video-conference actions with their checks in the contract's order. Every "not found" and "not allowed to
/// see" answers the same bare <c>invalid-params</c>, so the existence of rooms and calls is not revealed.
/// </summary>
internal sealed class VideoConferenceService(
    ICallStore calls,
    CallPageCache pageCache,
    RoomAccess access,
    ProviderRegistry providers,
    MeetingCreator meetings,
    SettingsService settings,
    CallEvents events,
    TimeProvider time)
{
    public static readonly IResult InvalidParams = ApiResults.Failure("invalid-params");

    private const int GroupRingingMaxMembers = 10;

    public async Task<IResult> StartAsync(UserRecord user, StartRequest request, CancellationToken cancellationToken)
    {
        // An empty title still means "the room's name"; only a title over the limit is refused.
        if (request.Title is { Length: > TextLimits.TitleMax })
        {
            return InvalidParams;
        }
        var accessible = await access.CheckAsync(request.RoomId, user, cancellationToken);
        if (accessible is null)
        {
            return InvalidParams;
        }
        var (room, subscription) = (accessible.Room, accessible.Subscription);
        if (!Permissions.Has(user, Permissions.CallManagement, subscription))
        {
            return ApiResults.Forbidden;
        }
        if (room.ReadOnly && !(subscription?.Roles.Any(r => r is "owner" or "moderator") ?? false))
        {
            return ApiResults.Failure("error-not-allowed-to-start-video-conference");
        }
        var (provider, providerError) = providers.Active();
        if (provider is null)
        {
            return providerError!;
        }

        var now = time.GetUtcNow();
        var callId = Ids.NewObjectId(now);
        var canRing = request.AllowRinging && Permissions.Has(user, Permissions.RingUsers, subscription);
        var calleeId = room.Type == "d" && room.Uids is { Count: 2 } uids && uids.Contains(user.Id) ? uids.First(id => id != user.Id) : null;
        var direct = canRing && calleeId is not null;
        var ringing = direct || (canRing && room.UsersCount <= GroupRingingMaxMembers);
        var title = direct ? null : TitleFor(request.Title, room);
        var startedAt = now.UtcDateTime;
        var message = StartMessage(callId, room.Id, user, startedAt);
        var call = new CallRecord(
            Id: callId,
            Type: direct ? CallType.Direct : CallType.Conference,
            RoomId: room.Id,
            Seq: 0,
            Users: [],
            StartedMessageId: message.Id,
            Status: direct ? CallStatus.Calling : CallStatus.Started,
            AnonymousUsers: 0,
            Title: title,
            CreatedAt: startedAt,
            CreatedBy: Actor(user),
            ProviderName: provider.Key,
            Ringing: ringing ? true : null,
            Url: provider.CallUrl(new ProviderCall(callId, room.Id, title, user.Id), settings),
            EndedAt: null,
            EndedBy: null,
            UpdatedAt: startedAt,
            CalleeId: direct ? calleeId : null,
            RingingUntil: ringing ? startedAt.AddSeconds(Math.Max(1, settings.GetInt(SettingIds.VideoConfRingingTimeout))) : null,
            ProviderData: null);
        await calls.InsertAsync(call, message, cancellationToken);
        await events.StartedAsync(call, cancellationToken);
        return direct
            ? ApiResults.Ok(new StartResponse<DirectStarted>(new DirectStarted(CallType.Direct, calleeId!, callId, provider.Key)))
            : ApiResults.Ok(new StartResponse<ConferenceStarted>(new ConferenceStarted(CallType.Conference, callId, room.Id, provider.Key)));
    }

    public async Task<IResult> JoinAsync(UserRecord? user, string callId, MediaState state, CancellationToken cancellationToken)
    {
        var call = await calls.FindByIdAsync(callId, cancellationToken);
        if (call is null || !await access.CanAccessAsync(call.RoomId, user, cancellationToken))
        {
            return InvalidParams;
        }
        if (call.IsEnded)
        {
            return ApiResults.Failure("invalid-call");
        }
        var provider = providers.FindEnabled(call.ProviderName);
        if (provider is null)
        {
            return ApiResults.Failure("video-conf-provider-unavailable");
        }
        var url = await JoinUrlAsync(provider, call, user, state, cancellationToken);
        if (url is null)
        {
            return ApiResults.Failure("failed-to-get-url");
        }
        var joiner = user is null ? null : new CallUser(user.Id, user.Username, user.Name, user.AvatarETag, default);
        var now = time.GetUtcNow().UtcDateTime;
        var result = await calls.UpdateAsync(callId, c => CallLifecycle.Join(c, joiner, now), cancellationToken);
        if (result is null)
        {
            return InvalidParams;
        }
        if (result.Outcome == JoinOutcome.CallEnded)
        {
            return ApiResults.Failure("invalid-call");
        }
        await events.JoinedAsync(result, cancellationToken);
        return ApiResults.Ok(new JoinResponse(url, provider.Key));
    }

    public async Task<IResult> CancelAsync(UserRecord user, string callId, CancellationToken cancellationToken)
    {
        var call = await calls.FindByIdAsync(callId, cancellationToken);
        if (call is null || !await access.CanAccessAsync(call.RoomId, user, cancellationToken))
        {
            return InvalidParams;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var result = await calls.UpdateAsync(callId, c => CallLifecycle.Cancel(c, Actor(user), now), cancellationToken);
        if (result is { Changed: true })
        {
            await events.ChangedAsync(result.Call, cancellationToken);
        }
        return result?.Outcome switch
        {
            null => InvalidParams,
            CancelOutcome.NotDirect => ApiResults.Failure("invalid-call"),
            CancelOutcome.NotCalling => ApiResults.Failure("invalid-call-status"),
            _ => ApiResults.Empty,
        };
    }

    public async Task<IResult> InfoAsync(UserRecord user, string callId, CancellationToken cancellationToken)
    {
        var call = await calls.FindByIdAsync(callId, cancellationToken);
        if (call is null || !await access.CanAccessAsync(call.RoomId, user, cancellationToken))
        {
            return InvalidParams;
        }
        var capabilities = providers.FindEnabled(call.ProviderName)?.Capabilities(settings);
        var body = ApiResults.Write(writer =>
        {
            CallJson.WriteProperties(writer, call);
            writer.WritePropertyName("capabilities");
            if (capabilities is null)
            {
                writer.WriteStartObject();
                writer.WriteEndObject();
            }
            else
            {
                JsonSerializer.Serialize(writer, capabilities, ApiJson.Options);
            }
        });
        return ApiResults.OkJson(body);
    }

    public async Task<IResult> ListAsync(UserRecord user, string roomId, Paging paging, CancellationToken cancellationToken)
    {
        if (!await access.CanAccessAsync(roomId, user, cancellationToken))
        {
            return InvalidParams;
        }
        return new CallPageResult(calls, pageCache, roomId, paging);
    }

    private async Task<string?> JoinUrlAsync(IVideoConfProvider provider, CallRecord call, UserRecord? user, MediaState state, CancellationToken cancellationToken)
    {
        if (!provider.IsConfigured(settings))
        {
            return null;
        }
        var joiner = user is null ? ProviderUser.Anonymous : new ProviderUser(user.Id, user.Username, user.Name, user.Email);
        var join = provider.JoinUrl(new ProviderCall(call.Id, call.RoomId, call.Title, call.CreatedBy.Id), joiner, state, time.GetUtcNow(), settings);
        if (join.CreateMeetingRequest is { } prepare && !await meetings.CreateAsync(prepare, cancellationToken))
        {
            return null;
        }
        return join.Url;
    }

    private static string TitleFor(string? requested, RoomRecord room) =>
        !string.IsNullOrEmpty(requested) ? requested
        : !string.IsNullOrEmpty(room.FName) ? room.FName
        : !string.IsNullOrEmpty(room.Name) ? room.Name
        : string.Join(", ", room.Usernames ?? []);

    private static CallActor Actor(UserRecord user) => new(user.Id, user.Name, user.Username);

    /// <summary>The <c>videoconf</c> system message Rocket.Chat clients render as the call's card.</summary>
    private static MessageRecord StartMessage(string callId, string roomId, UserRecord user, DateTime now)
    {
        var blocks = JsonSerializer.Serialize(new[] { new { type = "video_conf", blockId = callId, callId, appId = "videoconf-core" } });
        return new MessageRecord(Ids.NewId(), roomId, "videoconf", string.Empty, user.Id, user.Username, user.Name, blocks, now, now);
    }

    private sealed record StartResponse<T>(T Data);

    private sealed record ConferenceStarted(string Type, string CallId, string Rid, string ProviderName);

    private sealed record DirectStarted(string Type, string CalleeId, string CallId, string ProviderName);

    private sealed record JoinResponse(string Url, string ProviderName);
}
