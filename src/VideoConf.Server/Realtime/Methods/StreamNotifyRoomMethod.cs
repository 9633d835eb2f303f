using System.Text.Json;
using VideoConf.Server.Events;
using VideoConf.Server.Realtime.Fanout;
using VideoConf.Server.Realtime.Sessions;
using VideoConf.Server.Realtime.Streams;
using VideoConf.Server.Rooms;

namespace VideoConf.Server.Realtime.Methods;

/// <summary>
/// <c>stream-notify-room</c> written by a client: only the events Rocket.Chat lets clients send
/// (<c>&lt;rid&gt;/typing</c>, <c>&lt;rid&gt;/user-activity</c>), from a user who may access the room, are relayed to
/// the room's other listeners on every instance; anything else is dropped silently. Never a result.
/// </summary>
internal sealed class StreamNotifyRoomMethod(RoomAccess access, EventHub events) : IDdpMethod
{
    private static readonly HashSet<string> ClientEvents = new(StringComparer.Ordinal) { "typing", "user-activity" };

    public string Name => StreamNames.NotifyRoom;

    public async Task<MethodResult> InvokeAsync(DdpSession session, JsonElement parameters, CancellationToken cancellationToken)
    {
        if (session.User is not { } writer || parameters.GetArrayLength() < 1 || parameters[0].ValueKind != JsonValueKind.String
            || !StreamNames.TrySplit(parameters[0].GetString()!, out var roomId, out var eventName) || !ClientEvents.Contains(eventName)
            || !await access.CanAccessAsync(roomId, writer, cancellationToken))
        {
            return MethodResult.Nothing;
        }
        var args = JsonSerializer.Serialize(parameters.EnumerateArray().Skip(1));
        events.Publish(new RealtimeEmitted(StreamNames.NotifyRoom, parameters[0].GetString()!, args, session.Id));
        return MethodResult.Nothing;
    }
}
