using VideoConf.Server.Realtime.Sessions;
using VideoConf.Server.Rooms;

namespace VideoConf.Server.Realtime.Streams;

/// <summary>
/// <c>stream-notify-room</c>, events <c>&lt;rid&gt;/&lt;event&gt;</c> (<c>videoconf</c> from the server; <c>typing</c>
/// and <c>user-activity</c> relayed from clients): for a user who may access the room, by the REST rule.
/// </summary>
internal sealed class NotifyRoomStream(RoomAccess access) : IStreamHandler
{
    public string Name => StreamNames.NotifyRoom;

    public async Task<StreamGrant> AuthorizeAsync(DdpSession session, string eventName, CancellationToken cancellationToken)
    {
        if (!StreamNames.TrySplit(eventName, out var roomId, out _))
        {
            return StreamGrant.InvalidEventName;
        }
        return await access.CanAccessAsync(roomId, session.User, cancellationToken) ? StreamGrant.Granted(roomId) : StreamGrant.NotAllowed;
    }
}
