using StackExchange.Redis;
using VideoConf.Server.RateLimiting;

namespace VideoConf.Server.Cluster;

/// <summary>
/// Rate-limit windows shared by every instance: one Redis key per window, counted and given its lifetime by one
/// atomic script, so the allowance is global and exact. When Redis cannot be reached the limiter degrades to this
/// instance's own windows (logged), rather than failing requests.
/// </summary>
internal sealed partial class RedisRateLimitStore(
    IConnectionMultiplexer redis,
    InMemoryRateLimitStore fallback,
    TimeProvider time,
    ILogger<RedisRateLimitStore> logger) : IRateLimitStore
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

    private int _degraded;

    public async ValueTask ReleaseAsync(string key, CancellationToken cancellationToken = default)
    {
        await fallback.ReleaseAsync(key, cancellationToken);
        if (redis.IsConnected)
        {
            await RunAsync(db => db.ScriptEvaluateAsync(ReleaseScript, [WindowKey(key)]));
        }
    }

    public async ValueTask ResetAsync(string key, CancellationToken cancellationToken = default)
    {
        await fallback.ResetAsync(key, cancellationToken);
        if (redis.IsConnected)
        {
            await RunAsync(db => db.KeyDeleteAsync(WindowKey(key)));
        }
    }

    private static RedisKey WindowKey(string key) => new($"videoconf:rl:{key}");

    /// <summary>Runs a write that has no answer to give; a Redis failure is logged once, like a failed hit.</summary>
    private async Task RunAsync(Func<IDatabase, Task> write)
    {
        try
        {
            await write(redis.GetDatabase());
        }
        catch (RedisException ex)
        {
            if (Interlocked.Exchange(ref _degraded, 1) == 0)
            {
                LogDegraded(logger, ex.Message);
            }
        }
    }

    public async ValueTask<RateLimitDecision> HitAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken = default)
    {
        if (!redis.IsConnected)
        {
            return await DegradeAsync(key, limit, window, "not connected", cancellationToken);
        }
        try
        {
            var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(
                HitScript, [WindowKey(key)], [(long)window.TotalMilliseconds]))!;
            var count = (long)result[0];
            var ttl = (long)result[1];
            if (Interlocked.Exchange(ref _degraded, 0) == 1)
            {
                LogRecovered(logger);
            }
            var resetAt = time.GetUtcNow().AddMilliseconds(ttl);
            return count <= limit
                ? new RateLimitDecision(true, (int)(limit - count), resetAt)
                : new RateLimitDecision(false, 0, resetAt);
        }
        catch (RedisException ex)
        {
            return await DegradeAsync(key, limit, window, ex.Message, cancellationToken);
        }
    }

    private ValueTask<RateLimitDecision> DegradeAsync(string key, int limit, TimeSpan window, string reason, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _degraded, 1) == 0)
        {
            LogDegraded(logger, reason);
        }
        return fallback.HitAsync(key, limit, window, cancellationToken);
    }

    [LoggerMessage(EventId = 520, Level = LogLevel.Warning, Message = "Redis unavailable ({Reason}); rate limiting falls back to this instance's own windows")]
    private static partial void LogDegraded(ILogger logger, string reason);

    [LoggerMessage(EventId = 521, Level = LogLevel.Information, Message = "Redis reachable again; rate limiting is shared across instances")]
    private static partial void LogRecovered(ILogger logger);
}
