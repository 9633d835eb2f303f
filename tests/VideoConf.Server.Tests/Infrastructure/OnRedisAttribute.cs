using System.Reflection;
using Xunit.Sdk;

namespace VideoConf.Server.Tests.Infrastructure;

/// <summary>
/// Runs a <c>[Theory]</c> taking a <see cref="RateLimitBackend"/> on the shared throwaway <c>redis-server</c>. Skipped
/// when it is not installed, unless it is required (<see cref="ExternalServices"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnRedisAttribute : DataAttribute
{
    public OnRedisAttribute() => Skip = ExternalServices.RedisSkipReason;

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[RateLimitBackend.Redis]];
}
