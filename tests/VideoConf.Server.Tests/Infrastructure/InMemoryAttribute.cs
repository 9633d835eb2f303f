namespace VideoConf.Server.Tests.Infrastructure;

/// <summary>Runs a <c>[Theory]</c> taking a <see cref="RateLimitBackend"/> on this process's own windows.</summary>
public sealed class InMemoryAttribute() : BackendDataAttribute(RateLimitBackend.Memory, skipReason: null);
