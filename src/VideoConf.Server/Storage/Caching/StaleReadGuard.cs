namespace VideoConf.Server.Storage.Caching;

/// <summary>
/// Keeps a cache from storing a value that was read from the store before an invalidation but arrives after it.
/// A reader takes a ticket before it reads the store and may store what it read only while no invalidation has
/// happened since; checking the ticket and storing are one step under the same lock as the invalidation, so a
/// writer's "forget after writing" can never be followed by a stale value put back.
/// </summary>
internal sealed class StaleReadGuard
{
    private readonly Lock _lock = new();
    private long _generation;

    /// <summary>The ticket a reader takes before it reads the store.</summary>
    public long Ticket() => Volatile.Read(ref _generation);

    /// <summary>Runs <paramref name="store"/> only if nothing was invalidated since <paramref name="ticket"/> was taken.</summary>
    public void StoreIfCurrent(long ticket, Action store)
    {
        lock (_lock)
        {
            if (_generation == ticket)
            {
                store();
            }
        }
    }

    /// <summary>Forgets cached values; every read whose ticket predates this call will not be stored.</summary>
    public void Invalidate(Action forget)
    {
        lock (_lock)
        {
            _generation++;
            forget();
        }
    }
}
