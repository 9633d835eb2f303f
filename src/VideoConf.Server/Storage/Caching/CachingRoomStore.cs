using System.Collections.Concurrent;

namespace VideoConf.Server.Storage.Caching;

/// <summary>
/// Remembers room types (they never change) and memberships, so the access checks of <c>list</c>, <c>info</c>,
/// <c>join</c> and <c>cancel</c> do not read the store. Registered only when this instance is the only one on its
/// store (no Redis); every membership change passes through here and forgets what it changed before and after
/// writing, so the next read sees the write. Whole rooms are not kept: their message counters change with every
/// call started, through the call store.
/// </summary>
internal sealed class CachingRoomStore(IRoomStore inner) : IRoomStore
{
    private const int MaxEntries = 500_000;
    private readonly ConcurrentDictionary<string, string> _types = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string RoomId, string UserId), SubscriptionRecord?> _subscriptions = new();
    private readonly StaleReadGuard _guard = new();

    public async Task<string?> FindTypeAsync(string id, CancellationToken cancellationToken = default)
    {
        if (_types.TryGetValue(id, out var cached))
        {
            return cached;
        }
        var type = await inner.FindTypeAsync(id, cancellationToken);
        if (type is not null)
        {
            Bound(_types);
            _types[id] = type;
        }
        return type;
    }

    public async Task<SubscriptionRecord?> FindSubscriptionAsync(string roomId, string userId, CancellationToken cancellationToken = default)
    {
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

    public Task<IReadOnlyList<string>> FindMemberIdsAsync(string roomId, int max, CancellationToken cancellationToken = default) =>
        inner.FindMemberIdsAsync(roomId, max, cancellationToken);

    public Task<RoomPage> ListAsync(string type, string? memberId, int offset, int? limit, CancellationToken cancellationToken = default) =>
        inner.ListAsync(type, memberId, offset, limit, cancellationToken);

    public Task<RoomRecord?> FindByIdAsync(string id, CancellationToken cancellationToken = default) => inner.FindByIdAsync(id, cancellationToken);

    public Task<RoomRecord?> FindByNameAsync(string name, CancellationToken cancellationToken = default) => inner.FindByNameAsync(name, cancellationToken);

    private void Forget(IReadOnlyList<SubscriptionRecord> subscriptions) => _guard.Invalidate(() =>
    {
        foreach (var subscription in subscriptions)
        {
            _subscriptions.TryRemove((subscription.RoomId, subscription.UserId), out _);
        }
    });

    private void ForgetMember(string roomId, string userId) => _guard.Invalidate(() =>
    {
        _subscriptions.TryRemove((roomId, userId), out _);
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
