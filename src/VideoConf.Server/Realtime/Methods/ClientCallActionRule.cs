using System.Text.Json;
using VideoConf.Server.Realtime.Fanout;
using VideoConf.Server.Rooms;
using VideoConf.Server.Storage;

namespace VideoConf.Server.Realtime.Methods;

/// <summary>A user-stream action a client wrote: who it is for, what it says.</summary>
internal sealed record ClientCallAction(string TargetUserId, string Action, string CallId, string ParamsUserId, string RoomId);

/// <summary>What Rocket.Chat's rule decided about a client-written action.</summary>
internal enum ClientActionVerdict
{
    /// <summary>Relayed to the target.</summary>
    Relay,

    /// <summary>Dropped silently.</summary>
    Drop,

    /// <summary>Dropped, and the writer (the call's creator still ringing an ended call) is sent <c>end</c>.</summary>
    EndToCreator,
}

/// <summary>
/// Rocket.Chat's rule for video-conference actions written on <c>stream-notify-user</c> (contract §9.4):
/// <c>callId</c>, <c>uid</c> and <c>rid</c> present; the writer and the target may access the room; the call exists
/// in that room; <c>end</c> always passes, anything else only while the call has no end and its status is at most 1.
/// </summary>
internal sealed class ClientCallActionRule(ICallStore calls, IUserStore users, RoomAccess access)
{
    /// <summary>The action in <c>[{"action","params":{"callId","uid","rid"}}]</c>, or null when a part is missing.</summary>
    public static ClientCallAction? Read(string targetUserId, JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object || Text(payload, "action") is not { } action
            || !payload.TryGetProperty("params", out var parameters) || parameters.ValueKind != JsonValueKind.Object
            || Text(parameters, "callId") is not { } callId || Text(parameters, "uid") is not { } uid || Text(parameters, "rid") is not { } rid)
        {
            return null;
        }
        return new ClientCallAction(targetUserId, action, callId, uid, rid);
    }

    public async Task<ClientActionVerdict> JudgeAsync(UserRecord writer, ClientCallAction action, CancellationToken cancellationToken)
    {
        if (!await access.CanAccessAsync(action.RoomId, writer, cancellationToken))
        {
            return ClientActionVerdict.Drop;
        }
        if (action.TargetUserId != writer.Id)
        {
            var target = await users.FindByIdAsync(action.TargetUserId, cancellationToken);
            if (target is null || !await access.CanAccessAsync(action.RoomId, target, cancellationToken))
            {
                return ClientActionVerdict.Drop;
            }
        }
        var call = await calls.FindByIdAsync(action.CallId, cancellationToken);
        if (call is null || call.RoomId != action.RoomId)
        {
            return ClientActionVerdict.Drop;
        }
        if (action.Action == VideoConferenceAction.End)
        {
            return ClientActionVerdict.Relay;
        }
        if (call.IsEnded || call.Status > CallStatus.Started)
        {
            return action.Action == "call" && call.CreatedBy.Id == writer.Id ? ClientActionVerdict.EndToCreator : ClientActionVerdict.Drop;
        }
        return ClientActionVerdict.Relay;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
