namespace VideoConf.Server.Tests.Infrastructure;

/// <summary>Where rate-limit windows live; a rate-limit store case runs on each (<see cref="InMemoryAttribute"/>, <see cref="OnRedisAttribute"/>).</summary>
public enum RateLimitBackend
{
    Memory,
    Redis,
}
