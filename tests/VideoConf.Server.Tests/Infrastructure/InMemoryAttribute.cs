using System.Reflection;
using Xunit.Sdk;

namespace VideoConf.Server.Tests.Infrastructure;

/// <summary>Runs a <c>[Theory]</c> taking a <see cref="RateLimitBackend"/> on this process's own windows.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class InMemoryAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[RateLimitBackend.Memory]];
}
