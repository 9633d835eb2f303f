namespace VideoConf.Server.Realtime.Limits;

/// <summary>
/// One connection's fixed windows, one per rule it has used. Only the connection's receive loop touches them, one
/// message at a time, so they need no lock.
/// </summary>
internal sealed class ConnectionRateLimits
{
    private Dictionary<string, (DateTimeOffset Start, int Count)>? _windows;

    /// <summary>Counts one call against <paramref name="rule"/>; the time until its window resets when it is over the limit, else null.</summary>
    public TimeSpan? Count(RateRule rule, DateTimeOffset now)
    {
        _windows ??= new Dictionary<string, (DateTimeOffset, int)>(StringComparer.Ordinal);
        var (start, count) = _windows.TryGetValue(rule.Key, out var window) && now - window.Start < rule.Window ? window : (now, 0);
        _windows[rule.Key] = (start, count + 1);
        return count + 1 > rule.Limit ? start + rule.Window - now : null;
    }
}
