using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using VideoConf.Server.Cluster;
using VideoConf.Server.RateLimiting;

namespace VideoConf.Server.Tests.Infrastructure;

/// <summary>
/// A rate-limit store on one backend, on the real clock: in memory, or on the shared Redis server. The Redis store
/// falls back to its own memory when Redis cannot be used and logs it; disposing checks that it never did, so a case
/// on Redis cannot pass on the fallback.
/// </summary>
internal sealed class TestRateLimitStore : IAsyncDisposable
{
    private readonly IConnectionMultiplexer? _redis;
    private readonly LogCapture _logs = new();

    private TestRateLimitStore(InMemoryRateLimitStore memory, IConnectionMultiplexer? redis)
    {
        _redis = redis;
        Store = redis is null ? memory : new RedisRateLimitStore(new RedisLink(redis, _logs.LoggerFor<RedisLink>()), memory, TimeProvider.System);
    }

    public IRateLimitStore Store { get; }

    public static async Task<TestRateLimitStore> OpenAsync(RateLimitBackend backend)
    {
        var memory = new InMemoryRateLimitStore(TimeProvider.System);
        var redis = backend == RateLimitBackend.Redis
            ? await ConnectionMultiplexer.ConnectAsync((await RedisServer.Shared).ConnectionString)
            : null;
        return new TestRateLimitStore(memory, redis);
    }

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
            Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Warning);
        }
    }
}
