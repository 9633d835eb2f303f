using System.Data.Common;
using Microsoft.Data.Sqlite;
using VideoConf.Server.Storage.Sql;

namespace VideoConf.Server.Storage.Sqlite;

/// <summary>
/// One SQLite file in WAL mode. Reads run on pooled connections in parallel; writes go through one in-process
/// writer (SQLite has one writer anyway) that commits them in groups, which also makes every read-modify-write
/// exact.
/// </summary>
internal sealed class SqliteDatabase : SqlDatabase, IDisposable
{
    private readonly string _connectionString;
    private readonly SqliteGroupWriter _writer;

    public SqliteDatabase(string connectionString, int commandTimeoutSeconds)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            Pooling = true,
            DefaultTimeout = Math.Max(1, commandTimeoutSeconds),
        };
        _connectionString = builder.ToString();
        DataSource = builder.DataSource;
        _writer = new SqliteGroupWriter(ct => OpenConnectionAsync(forWrite: true, ct));
    }

    public string DataSource { get; }

    public override string ForUpdate => string.Empty;

    public override IReadOnlyList<(int Version, string Sql)> Migrations { get; } = SqlSchema.For("BLOB");

    protected override async Task<DbConnection> OpenConnectionAsync(bool forWrite, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (forWrite)
            {
                // Per-connection settings that only writes need; reads skip the extra statements.
                await connection.Command("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;").ExecuteNonQueryAsync(cancellationToken);
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    protected override Task<T> ExecuteWriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        _writer.EnqueueAsync(work, cancellationToken);

    public override async Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        await connection.Command("PRAGMA journal_mode=WAL;").ExecuteNonQueryAsync(cancellationToken);
    }

    public override bool IsUnavailable(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 5 /* BUSY */ or 6 /* LOCKED */ or 10 /* IOERR */ or 13 /* FULL */ or 14 /* CANTOPEN */ };

    public void Dispose() => _writer.Dispose();
}
