using System.Net;
using System.Net.WebSockets;
using VideoConf.Server.Realtime.Limits;
using VideoConf.Server.Storage;

namespace VideoConf.Server.Realtime.Sessions;

/// <summary>
/// One realtime connection's state: whether it has sent <c>connect</c>, its user and token hash after
/// <c>login</c>, its live subscriptions, its outbox and the times the heartbeat needs. The receive loop changes it
/// while handling messages; the fan-out and the heartbeat read it and may end subscriptions or close it, so the
/// parts they share are guarded by one lock or are single atomic fields.
/// </summary>
internal sealed class DdpSession(string id, IPAddress? address, DateTimeOffset openedAt, bool hasTransportHeartbeat) : IDisposable
{
    private readonly CancellationTokenSource _aborted = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StreamSubscription> _subscriptions = new(StringComparer.Ordinal);
    private long _lastReceivedTicks = openedAt.UtcTicks;
    private long _lastSentTicks = openedAt.UtcTicks;
    private long _pingSentTicks;
    private long _closeRequestedTicks;
    private UserRecord? _user;
    private string? _tokenHash;

    /// <summary>The 17-character id sent in <c>connected</c>.</summary>
    public string Id { get; } = id;

    public IPAddress? Address { get; } = address;

    public DateTimeOffset OpenedAt { get; } = openedAt;

    public Outbox Outbox { get; } = new();

    /// <summary>The connection's DDP rate-limit windows (only the receive loop uses them).</summary>
    public ConnectionRateLimits Limits { get; } = new();

    /// <summary>True when the transport wants its own heartbeat frame after a silence (SockJS).</summary>
    public bool HasTransportHeartbeat { get; } = hasTransportHeartbeat;

    /// <summary>Cancelled to cut the connection without a closing handshake (a peer that stopped reading or answering).</summary>
    public CancellationToken Aborted => _aborted.Token;

    public bool IsConnected { get; private set; }

    public UserRecord? User
    {
        get
        {
            lock (_gate)
            {
                return _user;
            }
        }
    }

    public string? TokenHash
    {
        get
        {
            lock (_gate)
            {
                return _tokenHash;
            }
        }
    }

    /// <summary>The close the writer sends once the outbox is drained; null while the connection is open.</summary>
    public (WebSocketCloseStatus Status, string Reason)? CloseRequest { get; private set; }

    public DateTimeOffset LastReceived => new(Interlocked.Read(ref _lastReceivedTicks), TimeSpan.Zero);

    public DateTimeOffset LastSent => new(Interlocked.Read(ref _lastSentTicks), TimeSpan.Zero);

    /// <summary>When the heartbeat pinged this silent connection; null when nothing is awaited.</summary>
    public DateTimeOffset? PingSent => Interlocked.Read(ref _pingSentTicks) is var t and > 0 ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    public DateTimeOffset? CloseRequested => Interlocked.Read(ref _closeRequestedTicks) is var t and > 0 ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    public void MarkConnected() => IsConnected = true;

    /// <summary>Anything from the client counts as a sign of life and answers a pending ping.</summary>
    public void Received(DateTimeOffset now)
    {
        Interlocked.Exchange(ref _lastReceivedTicks, now.UtcTicks);
        Interlocked.Exchange(ref _pingSentTicks, 0);
    }

    public void Wrote(DateTimeOffset now) => Interlocked.Exchange(ref _lastSentTicks, now.UtcTicks);

    public void Pinged(DateTimeOffset now) => Interlocked.Exchange(ref _pingSentTicks, now.UtcTicks);

    /// <summary>
    /// Queues a message. A connection that has fallen <see cref="Outbox.MaxQueuedBytes"/> behind is closed with 1013
    /// and loses what was queued: nobody else ever waits for it, and its memory stays bounded.
    /// </summary>
    public void Send(byte[] message, DateTimeOffset now)
    {
        if (!Outbox.TryEnqueue(message))
        {
            Close((WebSocketCloseStatus)1013, "Too much data waiting to be sent", now, dropQueued: true);
        }
    }

    /// <summary>Asks the writer to close the connection once it has written what is queued (or at once, dropping it).</summary>
    public void Close(WebSocketCloseStatus status, string reason, DateTimeOffset now, bool dropQueued = false)
    {
        lock (_gate)
        {
            if (CloseRequest is not null)
            {
                return;
            }
            CloseRequest = (status, reason);
            Interlocked.Exchange(ref _closeRequestedTicks, now.UtcTicks);
        }
        Outbox.Complete(dropQueued);
    }

    /// <summary>Sets the user after a login; the subscriptions that belonged to another user are returned to be stopped.</summary>
    public IReadOnlyList<StreamSubscription> LogIn(UserRecord user, string tokenHash)
    {
        lock (_gate)
        {
            var stale = _user is not null && _user.Id != user.Id ? RemoveAllLocked() : [];
            _user = user;
            _tokenHash = tokenHash;
            return stale;
        }
    }

    /// <summary>Makes the session anonymous again; returns its subscriptions (all of them need a user) to be stopped.</summary>
    public IReadOnlyList<StreamSubscription> LogOut()
    {
        lock (_gate)
        {
            _user = null;
            _tokenHash = null;
            return RemoveAllLocked();
        }
    }

    /// <summary>
    /// Logs out when the session is logged in as <paramref name="userId"/> with this token (any token when
    /// <paramref name="tokenHash"/> is null); null when it is not, else the subscriptions to stop.
    /// </summary>
    public IReadOnlyList<StreamSubscription>? LogOutIf(string userId, string? tokenHash)
    {
        lock (_gate)
        {
            if (_user?.Id != userId || (tokenHash is not null && _tokenHash != tokenHash))
            {
                return null;
            }
            _user = null;
            _tokenHash = null;
            return RemoveAllLocked();
        }
    }

    /// <summary>
    /// Adds a subscription of the session's current user and runs <paramref name="onAdded"/> (entering it in the
    /// stream index) under the same lock a logout takes, so a logout either sees it or happens before it. False
    /// when its id is already live (a re-sent <c>sub</c> is ignored) or the user is no longer logged in.
    /// </summary>
    public bool TryAdd(StreamSubscription subscription, Action<StreamSubscription> onAdded)
    {
        lock (_gate)
        {
            if (_user?.Id != subscription.UserId || !_subscriptions.TryAdd(subscription.Id, subscription))
            {
                return false;
            }
            onAdded(subscription);
            return true;
        }
    }

    /// <summary>True while this very subscription is live: the fan-out checks it just before sending.</summary>
    public bool IsLive(StreamSubscription subscription)
    {
        lock (_gate)
        {
            return _subscriptions.TryGetValue(subscription.Id, out var live) && ReferenceEquals(live, subscription);
        }
    }

    public bool HasSubscription(string subscriptionId)
    {
        lock (_gate)
        {
            return _subscriptions.ContainsKey(subscriptionId);
        }
    }

    public StreamSubscription? Remove(string subscriptionId)
    {
        lock (_gate)
        {
            return _subscriptions.Remove(subscriptionId, out var removed) ? removed : null;
        }
    }

    /// <summary>The live subscriptions that match, as a copy.</summary>
    public IReadOnlyList<StreamSubscription> Subscriptions(Func<StreamSubscription, bool> match)
    {
        lock (_gate)
        {
            return _subscriptions.Values.Where(match).ToList();
        }
    }

    public IReadOnlyList<StreamSubscription> RemoveAll()
    {
        lock (_gate)
        {
            return RemoveAllLocked();
        }
    }

    private List<StreamSubscription> RemoveAllLocked()
    {
        var all = _subscriptions.Values.ToList();
        _subscriptions.Clear();
        return all;
    }

    public void Abort()
    {
        try
        {
            _aborted.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The connection has already ended.
        }
    }

    public void Dispose() => _aborted.Dispose();
}
