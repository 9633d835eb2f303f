using VideoConf.Server.Realtime.Sessions;
using VideoConf.Server.Rooms;

namespace VideoConf.Server.Realtime.Streams;

/// <summary>
/// <c>stream-room-messages</c>: event <c>&lt;rid&gt;</c> for a user who may access the room, and
/// <c>__my_messages__</c> for any logged-in user (the messages of the rooms they are in).
/// </summary>
internal sealed class RoomMessagesStream(RoomAccess access) : IStreamHandler
{
    public string Name => StreamNames.RoomMessages;

    public async Task<StreamGrant> AuthorizeAsync(DdpSession session, string eventName, CancellationToken cancellationToken)
    {
        if (eventName == StreamNames.MyMessages)
        {
            return StreamGrant.Granted();
        }
        if (eventName.Contains('/', StringComparison.Ordinal))
        {
            return StreamGrant.InvalidEventName;
        }
        return await access.CanAccessAsync(eventName, session.User, cancellationToken) ? StreamGrant.Granted(eventName) : StreamGrant.NotAllowed;
    }
}
