using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using VideoConf.Server.Storage.Sql;

namespace VideoConf.Server.Storage.Sqlite;

/// <summary>
/// One SQLite file in WAL mode. Reads run on pooled connections in parallel; writes go through one in-process
/// writer (SQLite has one writer anyway) that commits them in groups, which also makes every read-modify-write
/// exact. Every connection stays open and keeps its prepared statements (<see cref="StatementCache"/>). The writer
/// leaves checkpoints to the <see cref="SqliteCheckpointer"/>, a hosted service of its own, and only raises
/// <see cref="Commits"/>; a tool that writes without the host runs the checkpointer itself.
/// </summary>
internal sealed class SqliteDatabase : SqlDatabase, IDisposable
{
    private readonly SqliteConnectionPool _readers;
    private readonly SqliteGroupWriter _writer;
    private readonly int _busyTimeoutMs;

    public SqliteDatabase(string connectionString, int commandTimeoutSeconds)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            // Connections are kept open by this class (readers in a pool, one writer), with their prepared statements.
            Pooling = false,
            DefaultTimeout = Math.Max(1, commandTimeoutSeconds),
        };
        ConnectionString = builder.ToString();
        _busyTimeoutMs = builder.DefaultTimeout * 1000;
        DataSource = builder.DataSource;
        _readers = new SqliteConnectionPool(ConnectionString);
        _writer = new SqliteGroupWriter(ct => OpenConnectionAsync(forWrite: true, ct), Commits.Raise);
    }

    public string DataSource { get; }

    /// <summary>The connection string every connection of this store opens with.</summary>
    public string ConnectionString { get; }

    /// <summary>Raised after every commit, for the <see cref="SqliteCheckpointer"/>.</summary>
    public SqliteCommitSignal Commits { get; } = new();

    public override string Description => $"SQLite file {Path.GetFullPath(DataSource)}";

    public override string ForUpdate => string.Empty;

    public override IReadOnlyList<(int Version, string Sql)> Migrations { get; } = SqlSchema.For("BLOB");

    protected override async Task<DbConnection> OpenConnectionAsync(bool forWrite, CancellationToken cancellationToken)
    {
        if (!forWrite)
        {
            return await _readers.RentAsync(cancellationToken);
        }
        // Per-connection settings that only writes need; readers skip the extra statements. The writer leaves
        // checkpoints to the checkpointer, and waits inside SQLite (not in 150 ms sleeps) while the checkpointer
        // briefly holds the write lock to start the log over.
        var connection = await SqliteConnections.OpenAsync(ConnectionString,
            $"PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA wal_autocheckpoint=0; PRAGMA busy_timeout={_busyTimeoutMs};",
            cancellationToken);
        StatementCache.Register(connection);
        return connection;
    }

    protected internal override ValueTask ReleaseConnectionAsync(DbConnection connection) => _readers.ReturnAsync((SqliteConnection)connection);

    /// <summary>Reads each row's BLOB where SQLite holds it, through a statement prepared once per pooled connection.</summary>
    public override async Task ReadBlobRowsAsync(string sql, (string Name, object Value)[] parameters, BlobRowHandler onRow,
        CancellationToken cancellationToken)
    {
        var connection = await _readers.RentAsync(cancellationToken);
        try
        {
            var statement = SqliteRawStatements.Prepare(connection, sql);
            try
            {
                foreach (var (name, value) in parameters)
                {
                    var index = raw.sqlite3_bind_parameter_index(statement, name);
                    SqliteRawStatements.Check(value switch
                    {
                        string text => raw.sqlite3_bind_text(statement, index, SqlCommands.StoredText(text)),
                        long number => raw.sqlite3_bind_int64(statement, index, number),
                        _ => throw new ArgumentException($"Unsupported parameter type {value.GetType()}", nameof(parameters)),
                    }, connection);
                }
                int step;
                while ((step = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
                {
                    onRow(raw.sqlite3_column_int64(statement, 0), raw.sqlite3_column_blob(statement, 1));
                }
                SqliteRawStatements.Check(step, connection);
            }
            finally
            {
                raw.sqlite3_reset(statement);
                raw.sqlite3_clear_bindings(statement);
            }
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            throw Unavailable(ex);
        }
        finally
        {
            await _readers.ReturnAsync(connection);
        }
    }

    protected override Task<T> ExecuteWriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        _writer.EnqueueAsync(work, cancellationToken);

    public override async Task ApplyStoreSettingsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        await connection.OneOffCommand("PRAGMA journal_mode=WAL;").ExecuteNonQueryAsync(cancellationToken);
    }

    public override bool IsUnavailable(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 5 /* BUSY */ or 6 /* LOCKED */ or 10 /* IOERR */ or 13 /* FULL */ or 14 /* CANTOPEN */ };

    public void Dispose()
    {
        _writer.Dispose();
        _readers.Dispose();
    }
}
