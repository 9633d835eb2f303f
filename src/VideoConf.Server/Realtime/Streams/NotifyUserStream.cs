using VideoConf.Server.Realtime.Sessions;

namespace VideoConf.Server.Realtime.Streams;

/// <summary><c>stream-notify-user</c>, events <c>&lt;uid&gt;/&lt;event&gt;</c>: for that user only.</summary>
internal sealed class NotifyUserStream : IStreamHandler
{
    public string Name => StreamNames.NotifyUser;

    public Task<StreamGrant> AuthorizeAsync(DdpSession session, string eventName, CancellationToken cancellationToken)
    {
        if (!StreamNames.TrySplit(eventName, out var userId, out _))
        {
            return Task.FromResult(StreamGrant.InvalidEventName);
        }
        return Task.FromResult(userId == session.User?.Id ? StreamGrant.Granted() : StreamGrant.NotAllowed);
    }
}
