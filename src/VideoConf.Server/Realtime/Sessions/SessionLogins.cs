using VideoConf.Server.Realtime.Streams;
using VideoConf.Server.Storage;

namespace VideoConf.Server.Realtime.Sessions;

/// <summary>
/// Changes who a session is logged in as, keeping the user index and the subscriptions in step: a session that
/// logs out, or is logged out by the server, loses every subscription (each needs a user) with a <c>nosub</c>.
/// </summary>
internal sealed class SessionLogins(SessionRegistry sessions, StreamSubscriptions subscriptions)
{
    public void LogIn(DdpSession session, UserRecord user, string tokenHash)
    {
        var previous = session.User?.Id;
        var stale = session.LogIn(user, tokenHash);
        sessions.LoggedIn(session, previous, user.Id);
        subscriptions.Stop(session, stale);
    }

    public void LogOut(DdpSession session)
    {
        var previous = session.User?.Id;
        var ended = session.LogOut();
        if (previous is not null)
        {
            sessions.LoggedOut(session, previous);
        }
        subscriptions.Stop(session, ended);
    }

    /// <summary>
    /// A token stopped working (<paramref name="tokenHash"/>; null: every token of the user): the user's sessions
    /// on this instance that used it are logged out. Returns how many were.
    /// </summary>
    public int EndSessions(string userId, string? tokenHash)
    {
        var ended = 0;
        foreach (var session in sessions.OfUser(userId))
        {
            if (session.LogOutIf(userId, tokenHash) is { } stopped)
            {
                sessions.LoggedOut(session, userId);
                subscriptions.Stop(session, stopped);
                ended++;
            }
        }
        return ended;
    }
}
