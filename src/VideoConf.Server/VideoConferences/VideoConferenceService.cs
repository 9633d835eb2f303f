using System.Text.Json;
using VideoConf.Server.Accounts;
using VideoConf.Server.Http;
using VideoConf.Server.Http.Validation;
using VideoConf.Server.Outcomes;
using VideoConf.Server.Providers;
using VideoConf.Server.Rooms;
using VideoConf.Server.Settings;
using VideoConf.Server.Storage;

namespace VideoConf.Server.VideoConferences;

/// <summary>What <c>start</c> was asked for.</summary>
internal sealed record StartRequest(string RoomId, string? Title, bool AllowRinging);

/// <summary>A call the caller may join, and their own URL for it.</summary>
internal sealed record CallJoin(string Url, string ProviderName);

/// <summary>A call with what its provider can do; null capabilities when that provider is no longer enabled.</summary>
internal sealed record CallInfo(CallRecord Call, ProviderCapabilities? Capabilities);

/// <summary>
/// The video-conference actions with their checks in the contract's order. Each returns what happened, or the
/// <see cref="Failure"/> saying why not; the endpoints render both. Every "not found" and "not allowed to see" is
/// the same <see cref="VideoConferenceFailures.UnknownOrHidden"/>, so the existence of rooms and calls is not revealed.
/// </summary>
internal sealed class VideoConferenceService(
    ICallStore calls,
    CallListReader lists,
    RoomAccess access,
    ProviderRegistry providers,
    MeetingCreator meetings,
    SettingsService settings,
    CallEvents events,
    TimeProvider time)
{
    private const int GroupRingingMaxMembers = 10;

    /// <summary>Starts a call; the stored call (with its callee when it rings a direct room).</summary>
    public async Task<Outcome<CallRecord>> StartAsync(UserRecord user, StartRequest request, CancellationToken cancellationToken)
    {
        // An empty title still means "the room's name"; only a title over the limit is refused.
        if (request.Title is { Length: > TextLimits.TitleMax })
        {
            return VideoConferenceFailures.UnknownOrHidden;
        }
        var accessible = await access.CheckAsync(request.RoomId, user, cancellationToken);
        if (accessible is null)
        {
            return VideoConferenceFailures.UnknownOrHidden;
        }
        var (room, subscription) = (accessible.Room, accessible.Subscription);
        if (!Permissions.Has(user, Permissions.CallManagement, subscription))
        {
            return Failure.Forbidden;
        }
        if (room.ReadOnly && !(subscription?.Roles.Any(r => r is "owner" or "moderator") ?? false))
        {
            return VideoConferenceFailures.NotAllowedToStart;
        }
        var (provider, noProvider) = providers.Active();
        if (provider is null)
        {
            return noProvider!;
        }

        var now = time.GetUtcNow();
        var callId = Ids.NewObjectId(now);
        var canRing = request.AllowRinging && Permissions.Has(user, Permissions.RingUsers, subscription);
        var calleeId = room.Type == RoomTypes.Direct && room.Uids is { Count: 2 } uids && uids.Contains(user.Id) ? uids.First(id => id != user.Id) : null;
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
        var stored = await calls.InsertAsync(call, message, cancellationToken);
        events.Started(stored, message);
        return stored;
    }

    /// <summary>Adds the caller (or an anonymous guest) to the call's users; their URL for it.</summary>
    public async Task<Outcome<CallJoin>> JoinAsync(UserRecord? user, string callId, MediaState state, CancellationToken cancellationToken)
    {
        var call = await calls.FindByIdAsync(callId, cancellationToken);
        if (call is null || !await access.CanAccessAsync(call.RoomId, user, cancellationToken))
        {
            return VideoConferenceFailures.UnknownOrHidden;
        }
        if (call.IsEnded)
        {
            return VideoConferenceFailures.InvalidCall;
        }
        var provider = providers.FindEnabled(call.ProviderName);
        if (provider is null)
        {
            return VideoConferenceFailures.ProviderUnavailable;
        }
        var url = await JoinUrlAsync(provider, call, user, state, cancellationToken);
        if (url is null)
        {
            return VideoConferenceFailures.FailedToGetUrl;
        }
        var joiner = user is null ? null : new CallUser(user.Id, user.Username, user.Name, user.AvatarETag, default);
        var now = time.GetUtcNow().UtcDateTime;
        var result = await calls.UpdateAsync(callId, c => CallLifecycle.Join(c, joiner, now), cancellationToken);
        if (result is null)
        {
            return VideoConferenceFailures.UnknownOrHidden;
        }
        if (result.Outcome == JoinOutcome.CallEnded)
        {
            return VideoConferenceFailures.InvalidCall;
        }
        if (result.Changed)
        {
            // A user joining again changes nothing, and nothing is announced.
            events.Joined(result.Call);
        }
        return new CallJoin(url, provider.Key);
    }

    /// <summary>Declines a ringing direct call; null when it was cancelled (or already was).</summary>
    public async Task<Failure?> CancelAsync(UserRecord user, string callId, CancellationToken cancellationToken)
    {
        var call = await calls.FindByIdAsync(callId, cancellationToken);
        if (call is null || !await access.CanAccessAsync(call.RoomId, user, cancellationToken))
        {
            return VideoConferenceFailures.UnknownOrHidden;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var result = await calls.UpdateAsync(callId, c => CallLifecycle.Cancel(c, Actor(user), now), cancellationToken);
        if (result is { Changed: true })
        {
            events.Changed(result.Call);
        }
        return result?.Outcome switch
        {
            null => VideoConferenceFailures.UnknownOrHidden,
            CancelOutcome.NotDirect => VideoConferenceFailures.InvalidCall,
            CancelOutcome.NotCalling => VideoConferenceFailures.InvalidCallStatus,
            _ => null,
        };
    }

    /// <summary>The call with its provider's capabilities.</summary>
    public async Task<Outcome<CallInfo>> InfoAsync(UserRecord user, string callId, CancellationToken cancellationToken)
    {
        var call = await calls.FindByIdAsync(callId, cancellationToken);
        if (call is null || !await access.CanAccessAsync(call.RoomId, user, cancellationToken))
        {
            return VideoConferenceFailures.UnknownOrHidden;
        }
        return new CallInfo(call, providers.FindEnabled(call.ProviderName)?.Capabilities(settings));
    }

    /// <summary>
    /// A page of the room's calls, newest first, read here from the store (or the room's kept newest page); with
    /// <c>count=0</c> a stream that reads every call while it is sent.
    /// </summary>
    public async Task<Outcome<CallListPage>> ListAsync(UserRecord user, string roomId, Paging paging, CancellationToken cancellationToken)
    {
        if (!await access.CanAccessAsync(roomId, user, cancellationToken))
        {
            return VideoConferenceFailures.UnknownOrHidden;
        }
        return paging.Limit is { } limit
            ? await lists.ReadPageAsync(roomId, paging.Offset, limit, cancellationToken)
            : lists.StreamAll(roomId, paging.Offset);
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
}
