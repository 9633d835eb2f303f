using StackExchange.Redis;
using VideoConf.Server.RateLimiting;

namespace VideoConf.Server.Cluster;

/// <summary>
/// Rate-limit windows shared by every instance: one Redis key per window, counted and given its lifetime by one
/// atomic script, so the allowance is global and exact. While Redis is gone the limiter counts in this instance's own
/// windows at once, without trying Redis first (so no request waits for it; <see cref="RedisLink"/> logs the loss
/// once), and goes back to the shared windows when Redis is back. Requests are never failed for want of Redis.
/// </summary>
internal sealed class RedisRateLimitStore(
    RedisLink link,
    InMemoryRateLimitStore fallback,
    TimeProvider time) : IRateLimitStore
{
    // The window opens with the first counted request: only that request sets the key's lifetime.
    private const string HitScript = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
        end
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
          ttl = tonumber(ARGV[1])
        end
        return {count, ttl}
        """;

    // Only a live window gives a hit back; at zero the next hit opens a new window, as in memory.
    private const string ReleaseScript = """
        local count = tonumber(redis.call('GET', KEYS[1]) or '0')
        if count > 0 then
          redis.call('DECR', KEYS[1])
        end
        return count
        """;

    public async ValueTask ReleaseAsync(string key, CancellationToken cancellationToken = default)
    {
        await fallback.ReleaseAsync(key, cancellationToken);
        await RunAsync(db => db.ScriptEvaluateAsync(ReleaseScript, [WindowKey(key)]));
    }

    public async ValueTask ResetAsync(string key, CancellationToken cancellationToken = default)
    {
        await fallback.ResetAsync(key, cancellationToken);
        await RunAsync(db => db.KeyDeleteAsync(WindowKey(key)));
    }

    private static RedisKey WindowKey(string key) => new($"videoconf:rl:{key}");

    /// <summary>Runs a write that has no answer to give, only while Redis is usable; a failure is a lost link.</summary>
    private async Task RunAsync(Func<IDatabase, Task> write)
    {
        if (!link.IsUsable())
        {
            return;
        }
        try
        {
            await write(link.Redis.GetDatabase());
            link.ReportReachable();
        }
        catch (RedisException ex)
        {
            link.ReportLost(ex.Message);
        }
    }

    public async ValueTask<RateLimitDecision> HitAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken = default)
    {
        if (!link.IsUsable())
        {
            return await fallback.HitAsync(key, limit, window, cancellationToken);
        }
        try
        {
            var result = (RedisResult[])(await link.Redis.GetDatabase().ScriptEvaluateAsync(
                HitScript, [WindowKey(key)], [(long)window.TotalMilliseconds]))!;
            var count = (long)result[0];
            var ttl = (long)result[1];
            link.ReportReachable();
            var resetAt = time.GetUtcNow().AddMilliseconds(ttl);
            return count <= limit
                ? new RateLimitDecision(true, (int)(limit - count), resetAt)
                : new RateLimitDecision(false, 0, resetAt);
        }
        catch (RedisException ex)
        {
            link.ReportLost(ex.Message);
            return await fallback.HitAsync(key, limit, window, cancellationToken);
        }
    }
}
