namespace VideoConf.Server.Tests.Infrastructure;

/// <summary>Runs a <c>[Theory]</c> taking a <see cref="StoreBackend"/> on SQLite (a new file per case).</summary>
public sealed class OnSqliteAttribute() : BackendDataAttribute(StoreBackend.Sqlite, skipReason: null);
