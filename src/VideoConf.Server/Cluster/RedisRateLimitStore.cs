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

    private int _degraded;

    public async ValueTask<RateLimitDecision> HitAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken = default)
    {
        if (!redis.IsConnected)
        {
            return await DegradeAsync(key, limit, window, "not connected", cancellationToken);
        }
        try
        {
            var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(
                HitScript, [new RedisKey($"videoconf:rl:{key}")], [(long)window.TotalMilliseconds]))!;
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
