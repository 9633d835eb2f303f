using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace VideoConf.Server.Storage.Sqlite;

/// <summary>
/// Statements prepared straight on a pooled read connection's SQLite handle, for the one read where copying each
/// row's bytes out of SQLite is the main cost (a <c>list</c> page): a row's BLOB is read in place. Disposed with
/// their connection.
/// </summary>
internal sealed class SqliteRawStatements : IDisposable
{
    private static readonly ConditionalWeakTable<SqliteConnection, SqliteRawStatements> Caches = [];

    private readonly Dictionary<string, sqlite3_stmt> _statements = new(StringComparer.Ordinal);

    public static sqlite3_stmt Prepare(SqliteConnection connection, string sql)
    {
        var cache = Caches.GetValue(connection, _ => new SqliteRawStatements());
        if (!cache._statements.TryGetValue(sql, out var statement))
        {
            Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out statement), connection);
            cache._statements.Add(sql, statement);
        }
        return statement;
    }

    /// <summary>Finalizes the connection's statements; call before closing it.</summary>
    public static void Release(SqliteConnection connection)
    {
        if (Caches.TryGetValue(connection, out var cache))
        {
            cache.Dispose();
            Caches.Remove(connection);
        }
    }

    public static void Check(int resultCode, SqliteConnection connection)
    {
        if (resultCode is not (raw.SQLITE_OK or raw.SQLITE_ROW or raw.SQLITE_DONE))
        {
            SqliteException.ThrowExceptionForRC(resultCode, connection.Handle);
        }
    }

    public void Dispose()
    {
        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }
        _statements.Clear();
    }
}
