namespace VideoConf.Server.Tests.Infrastructure;

/// <summary>The SQL backends of the stores; a store contract case runs on each (<see cref="OnSqliteAttribute"/>, <see cref="OnPostgresAttribute"/>).</summary>
public enum StoreBackend
{
    Sqlite,
    Postgres,
}
