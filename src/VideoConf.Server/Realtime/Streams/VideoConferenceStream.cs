using VideoConf.Server.Realtime.Sessions;
using VideoConf.Server.Rooms;
using VideoConf.Server.Storage;

namespace VideoConf.Server.Realtime.Streams;

/// <summary><c>stream-video-conference</c>, event <c>&lt;callId&gt;/updated</c>: for a user who may access the call's room.</summary>
internal sealed class VideoConferenceStream(ICallStore calls, RoomAccess access) : IStreamHandler
{
    public string Name => StreamNames.VideoConference;

    public async Task<StreamGrant> AuthorizeAsync(DdpSession session, string eventName, CancellationToken cancellationToken)
    {
        if (!StreamNames.TrySplit(eventName, out var callId, out var name) || name != "updated")
        {
            return StreamGrant.InvalidEventName;
        }
        var call = await calls.FindByIdAsync(callId, cancellationToken);
        if (call is null || !await access.CanAccessAsync(call.RoomId, session.User, cancellationToken))
        {
            return StreamGrant.NotAllowed;
        }
        return StreamGrant.Granted(call.RoomId);
    }
}
