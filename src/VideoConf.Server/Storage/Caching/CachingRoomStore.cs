using System.Collections.Concurrent;
using VideoConf.Server.Cluster;

namespace VideoConf.Server.Storage.Caching;

/// <summary>
/// Remembers room types (they never change) and memberships, so room access checks do not read the store. Used
/// only while this instance is the only one on its store (no Redis); every membership change passes through here
/// and forgets what it changed before and after writing, so the next read sees the write.
/// </summary>
internal sealed class CachingRoomStore(IRoomStore inner, IClusterBus bus) : IRoomStore
{
    private const int MaxEntries = 500_000;
    private readonly ConcurrentDictionary<string, string> _types = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RoomRecord> _rooms = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string RoomId, string UserId), SubscriptionRecord?> _subscriptions = new();
    private readonly StaleReadGuard _guard = new();

    public async Task<string?> FindTypeAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!bus.IsDistributed && _types.TryGetValue(id, out var cached))
        {
            return cached;
        }
        var type = await inner.FindTypeAsync(id, cancellationToken);
        if (type is not null && !bus.IsDistributed)
        {
            Bound(_types);
            _types[id] = type;
        }
        return type;
    }

    public async Task<RoomRecord?> FindForAccessAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!bus.IsDistributed && _rooms.TryGetValue(id, out var cached))
        {
            return cached;
        }
        var ticket = _guard.Ticket();
        var room = await inner.FindByIdAsync(id, cancellationToken);
        if (room is not null && !bus.IsDistributed)
        {
            _guard.StoreIfCurrent(ticket, () =>
            {
                Bound(_rooms);
                _rooms[id] = room;
            });
        }
        return room;
    }

    public async Task<SubscriptionRecord?> FindSubscriptionAsync(string roomId, string userId, CancellationToken cancellationToken = default)
    {
        if (bus.IsDistributed)
        {
            return await inner.FindSubscriptionAsync(roomId, userId, cancellationToken);
        }
        if (_subscriptions.TryGetValue((roomId, userId), out var cached))
        {
            return cached;
        }
        var ticket = _guard.Ticket();
        var subscription = await inner.FindSubscriptionAsync(roomId, userId, cancellationToken);
        _guard.StoreIfCurrent(ticket, () =>
        {
            Bound(_subscriptions);
            _subscriptions[(roomId, userId)] = subscription;
        });
        return subscription;
    }

    public async Task<CreateRoomOutcome> CreateAsync(RoomRecord room, IReadOnlyList<SubscriptionRecord> subscriptions, CancellationToken cancellationToken = default)
    {
        Forget(subscriptions);
        var outcome = await inner.CreateAsync(room, subscriptions, cancellationToken);
        Forget(subscriptions);
        return outcome;
    }

    public async Task<RoomRecord> GetOrCreateDirectAsync(RoomRecord room, IReadOnlyList<SubscriptionRecord> subscriptions, CancellationToken cancellationToken = default)
    {
        var result = await inner.GetOrCreateDirectAsync(room, subscriptions, cancellationToken);
        Forget(subscriptions);
        return result;
    }

    public async Task<bool> AddSubscriptionAsync(SubscriptionRecord subscription, CancellationToken cancellationToken = default)
    {
        Forget([subscription]);
        var added = await inner.AddSubscriptionAsync(subscription, cancellationToken);
        Forget([subscription]);
        return added;
    }

    public async Task<bool> RemoveSubscriptionAsync(string roomId, string userId, DateTime updatedAt, CancellationToken cancellationToken = default)
    {
        ForgetMember(roomId, userId);
        var removed = await inner.RemoveSubscriptionAsync(roomId, userId, updatedAt, cancellationToken);
        ForgetMember(roomId, userId);
        return removed;
    }

    public Task<RoomRecord?> FindByIdAsync(string id, CancellationToken cancellationToken = default) => inner.FindByIdAsync(id, cancellationToken);

    public Task<RoomRecord?> FindByNameAsync(string name, CancellationToken cancellationToken = default) => inner.FindByNameAsync(name, cancellationToken);

    private void Forget(IReadOnlyList<SubscriptionRecord> subscriptions) => _guard.Invalidate(() =>
    {
        foreach (var subscription in subscriptions)
        {
            _subscriptions.TryRemove((subscription.RoomId, subscription.UserId), out _);
            _rooms.TryRemove(subscription.RoomId, out _);
        }
    });

    private void ForgetMember(string roomId, string userId) => _guard.Invalidate(() =>
    {
        _subscriptions.TryRemove((roomId, userId), out _);
        _rooms.TryRemove(roomId, out _);
    });

    private static void Bound<TKey, TValue>(ConcurrentDictionary<TKey, TValue> cache)
        where TKey : notnull
    {
        if (cache.Count >= MaxEntries)
        {
            cache.Clear();
        }
    }
}
