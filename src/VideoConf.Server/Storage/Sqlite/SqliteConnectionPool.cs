using System.Collections.Concurrent;
using System.Data;
using Microsoft.Data.Sqlite;
using VideoConf.Server.Storage.Sql;

namespace VideoConf.Server.Storage.Sqlite;

/// <summary>
/// Open read connections to one SQLite file, kept with the statements each has prepared. Renting and returning
/// take no lock (Microsoft.Data.Sqlite's own pool serializes both behind one monitor, and reopens every statement);
/// a connection that comes back broken, or beyond <see cref="MaxIdle"/>, is closed instead of kept.
/// </summary>
internal sealed class SqliteConnectionPool(string connectionString) : IDisposable
{
    private static readonly int MaxIdle = Math.Max(16, Environment.ProcessorCount * 4);

    private readonly ConcurrentStack<SqliteConnection> _idle = new();
    private int _idleCount;
    private volatile bool _disposed;

    public async Task<SqliteConnection> RentAsync(CancellationToken cancellationToken)
    {
        if (_idle.TryPop(out var pooled))
        {
            Interlocked.Decrement(ref _idleCount);
            return pooled;
        }
        var connection = await SqliteConnections.OpenAsync(connectionString, pragmas: null, cancellationToken);
        StatementCache.Register(connection);
        return connection;
    }

    public async ValueTask ReturnAsync(SqliteConnection connection)
    {
        if (!_disposed && connection.State == ConnectionState.Open)
        {
            if (Interlocked.Increment(ref _idleCount) <= MaxIdle)
            {
                _idle.Push(connection);
                return;
            }
            Interlocked.Decrement(ref _idleCount);
        }
        SqliteRawStatements.Release(connection);
        await connection.DisposeAsync();
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryPop(out var connection))
        {
            SqliteRawStatements.Release(connection);
            connection.Dispose();
        }
    }
}
