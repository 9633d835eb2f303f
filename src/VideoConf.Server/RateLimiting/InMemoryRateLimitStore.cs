using System.Collections.Concurrent;

namespace VideoConf.Server.RateLimiting;

/// <summary>
/// Windows in this process's memory. Each window is counted under its own lock (exact admission); windows that
/// have ended are reclaimed by <see cref="Sweep"/> (run by <see cref="RateLimitWindowSweeper"/>), so memory follows
/// the number of keys active in the last interval.
/// </summary>
internal sealed class InMemoryRateLimitStore(TimeProvider time) : IRateLimitStore
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly TimeProvider _time = time;

    /// <summary>How many windows are held right now.</summary>
    public int Count => _windows.Count;

    public ValueTask<RateLimitDecision> HitAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var entry = _windows.GetOrAdd(key, static _ => new Window());
            lock (entry)
            {
                if (entry.Reclaimed)
                {
                    // The sweep removed this window between the lookup and the lock; count on a fresh one.
                    continue;
                }
                var now = _time.GetUtcNow();
                if (entry.Count == 0 || now >= entry.EndsAt)
                {
                    entry.EndsAt = now + window;
                    entry.Count = 0;
                }
                if (entry.Count >= limit)
                {
                    return ValueTask.FromResult(new RateLimitDecision(false, 0, entry.EndsAt));
                }
                entry.Count++;
                return ValueTask.FromResult(new RateLimitDecision(true, limit - entry.Count, entry.EndsAt));
            }
        }
    }

    public ValueTask ReleaseAsync(string key, CancellationToken cancellationToken = default)
    {
        if (_windows.TryGetValue(key, out var entry))
        {
            lock (entry)
            {
                if (entry.Count > 0 && _time.GetUtcNow() < entry.EndsAt)
                {
                    entry.Count--;
                }
            }
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask ResetAsync(string key, CancellationToken cancellationToken = default)
    {
        if (_windows.TryGetValue(key, out var entry))
        {
            lock (entry)
            {
                // A count of zero makes the next hit open a fresh window; the sweep reclaims the entry as usual.
                entry.Count = 0;
            }
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Removes every window that has ended.</summary>
    public void Sweep()
    {
        var now = _time.GetUtcNow();
        foreach (var (key, entry) in _windows)
        {
            lock (entry)
            {
                if (entry.Reclaimed || now < entry.EndsAt)
                {
                    continue;
                }
                entry.Reclaimed = true;
            }
            _windows.TryRemove(new KeyValuePair<string, Window>(key, entry));
        }
    }

    private sealed class Window
    {
        public DateTimeOffset EndsAt;
        public int Count;
        public bool Reclaimed;
    }
}
