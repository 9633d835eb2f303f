using VideoConf.Server.Events;
using VideoConf.Server.Realtime.Sessions;
using VideoConf.Server.Realtime.Streams;

namespace VideoConf.Server.Realtime.Fanout;

/// <summary>
/// Access that ended: a token that stopped working logs its sessions out (their subscriptions end with
/// <c>nosub</c>); a user who lost a room has the subscriptions resting on that room checked again, and those no
/// longer allowed end with <c>nosub</c>. Each instance does this for its own connections.
/// </summary>
internal sealed class AccessFanout(SessionRegistry sessions, SessionLogins logins, StreamSubscriptions subscriptions)
{
    public void Handle(SessionEnded ended) => logins.EndSessions(ended.UserId, ended.TokenHash);

    public async Task HandleAsync(RoomAccessRemoved removed, CancellationToken cancellationToken)
    {
        foreach (var session in sessions.OfUser(removed.UserId))
        {
            foreach (var subscription in session.Subscriptions(s => s.RoomId == removed.RoomId))
            {
                await subscriptions.RecheckAsync(session, subscription, cancellationToken);
            }
        }
    }
}
