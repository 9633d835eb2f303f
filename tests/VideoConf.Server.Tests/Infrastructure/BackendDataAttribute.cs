using System.Reflection;
using Xunit.Sdk;

namespace VideoConf.Server.Tests.Infrastructure;

/// <summary>
/// One row of a <c>[Theory]</c> that takes a backend: stacking them (<c>[Theory, OnSqlite, OnPostgres]</c>) runs the
/// same case on each. A row whose server is missing is reported as skipped with <paramref name="skipReason"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public abstract class BackendDataAttribute(object backend, string? skipReason) : DataAttribute
{
    public override string? Skip { get; set; } = skipReason;

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[backend]];
}
