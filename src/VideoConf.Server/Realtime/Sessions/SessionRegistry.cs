using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace VideoConf.Server.Realtime.Sessions;

/// <summary>
/// The open realtime connections of this instance: all of them (for the heartbeat), and the logged-in ones by
/// user (for logouts, kicks and user-stream events), with the cap on how many may be open at once.
/// </summary>
internal sealed class SessionRegistry
{
    private readonly ConcurrentDictionary<string, DdpSession> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ImmutableArray<DdpSession>> _byUser = new(StringComparer.Ordinal);
    private readonly Lock _userGate = new();
    private int _reserved;

    public int Count => _sessions.Count;

    /// <summary>Every open session; enumerated without copying the whole set (the heartbeat reads it every second).</summary>
    public IEnumerable<DdpSession> All => _sessions.Select(pair => pair.Value);

    /// <summary>Holds a place for a new connection; false when <paramref name="max"/> are already open.</summary>
    public bool TryReserve(int max)
    {
        if (Interlocked.Increment(ref _reserved) > max)
        {
            Interlocked.Decrement(ref _reserved);
            return false;
        }
        return true;
    }

    public void Release() => Interlocked.Decrement(ref _reserved);

    public void Add(DdpSession session) => _sessions[session.Id] = session;

    public void Remove(DdpSession session)
    {
        _sessions.TryRemove(session.Id, out _);
        if (session.User is { } user)
        {
            Unindex(session, user.Id);
        }
    }

    public ImmutableArray<DdpSession> OfUser(string userId) => _byUser.TryGetValue(userId, out var sessions) ? sessions : [];

    /// <summary>Files the session under its user after a login (and out from under a previous one).</summary>
    public void LoggedIn(DdpSession session, string? previousUserId, string userId)
    {
        if (previousUserId is not null && previousUserId != userId)
        {
            Unindex(session, previousUserId);
        }
        lock (_userGate)
        {
            var current = _byUser.TryGetValue(userId, out var existing) ? existing : [];
            if (!current.Contains(session))
            {
                _byUser[userId] = current.Add(session);
            }
        }
    }

    public void LoggedOut(DdpSession session, string userId) => Unindex(session, userId);

    private void Unindex(DdpSession session, string userId)
    {
        lock (_userGate)
        {
            if (!_byUser.TryGetValue(userId, out var current) || !current.Contains(session))
            {
                return;
            }
            var remaining = current.Remove(session);
            if (remaining.IsEmpty)
            {
                _byUser.TryRemove(userId, out _);
            }
            else
            {
                _byUser[userId] = remaining;
            }
        }
    }
}
