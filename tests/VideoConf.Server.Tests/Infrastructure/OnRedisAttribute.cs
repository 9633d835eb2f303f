namespace VideoConf.Server.Tests.Infrastructure;

/// <summary>
/// Runs a <c>[Theory]</c> taking a <see cref="RateLimitBackend"/> on the shared throwaway <c>redis-server</c>. Skipped
/// when it is not installed, unless it is required (<see cref="ExternalServices"/>).
/// </summary>
public sealed class OnRedisAttribute() : BackendDataAttribute(RateLimitBackend.Redis, ExternalServices.RedisSkipReason);
