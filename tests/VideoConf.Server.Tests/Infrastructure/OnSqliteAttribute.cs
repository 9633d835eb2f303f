using System.Reflection;
using Xunit.Sdk;

namespace VideoConf.Server.Tests.Infrastructure;

/// <summary>Runs a <c>[Theory]</c> taking a <see cref="StoreBackend"/> on SQLite (a new file per case).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnSqliteAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[StoreBackend.Sqlite]];
}
