using System.Reflection;
using Xunit.Sdk;

namespace VideoConf.Server.Tests.Infrastructure;

/// <summary>
/// Runs a <c>[Theory]</c> taking a <see cref="StoreBackend"/> on PostgreSQL (a new database per case on the shared
/// throwaway cluster). Skipped when the binaries are missing, unless they are required (<see cref="ExternalServices"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnPostgresAttribute : DataAttribute
{
    public OnPostgresAttribute() => Skip = ExternalServices.PostgresSkipReason;

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[StoreBackend.Postgres]];
}
