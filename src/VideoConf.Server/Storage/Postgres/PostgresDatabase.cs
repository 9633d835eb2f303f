using System.Data.Common;
using Npgsql;
using VideoConf.Server.Storage.Sql;

namespace VideoConf.Server.Storage.Postgres;

/// <summary>
/// PostgreSQL through one shared <see cref="NpgsqlDataSource"/> (pooled connections). Each store call as a whole
/// (pool wait, connecting, its commands) is bounded by <c>Storage:CommandTimeoutSeconds</c>, so an outage or a frozen
/// server answers 503 in that time instead of hanging;
/// changes lock the rows they change (<c>FOR UPDATE</c>), so several instances stay exact.
/// </summary>
internal sealed class PostgresDatabase : SqlDatabase, IAsyncDisposable
{
    // An arbitrary key for the advisory lock that keeps two instances from migrating at once.
    private const long MigrationLockKey = 0x5643_6F6E_6600;

    /// <summary>
    /// Npgsql's own default (100) lets a burst of requests on an empty pool open that many connections at once; on a
    /// small machine some of those opens then outlast the connect timeout and the requests answer 503 although the
    /// database is up. A smaller pool makes the burst queue for connections that are reused within milliseconds.
    /// </summary>
    public const int DefaultMaxPoolSize = 20;

    public const int DefaultReadBufferSize = 64 * 1024;

    /// <summary>Statements kept prepared per connection, unless the connection string says otherwise.</summary>
    public const int DefaultMaxAutoPrepare = 64;

    private readonly NpgsqlDataSource _dataSource;

    public PostgresDatabase(string connectionString, int commandTimeoutSeconds, TimeProvider time)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Timeout = Math.Max(1, commandTimeoutSeconds),
            CommandTimeout = Math.Max(1, commandTimeoutSeconds),
            // A timed-out or cancelled command breaks its connection at once instead of waiting for the server to
            // confirm the cancellation: a frozen server never does, and the wait came on top of the timeout.
            CancellationTimeout = -1,
        };
        Deadline = new StoreCallDeadline(TimeSpan.FromSeconds(builder.CommandTimeout), time);
        var chosen = OptionsSetIn(connectionString);
        if (!chosen.Contains("maxpoolsize") && !chosen.Contains("maximumpoolsize"))
        {
            builder.MaxPoolSize = DefaultMaxPoolSize;
        }
        if (!chosen.Contains("readbuffersize"))
        {
            // A list page is about 30 KB: read in one or two receives rather than four, each of which arms the
            // command timeout anew.
            builder.ReadBufferSize = DefaultReadBufferSize;
        }
        if (!chosen.Contains("noresetonclose"))
        {
            // The stores leave no session state behind (no SET, temporary tables or session locks), so a connection
            // going back to the pool needs no reset — which would otherwise run with the next command, every time.
            builder.NoResetOnClose = true;
        }
        if (builder.MaxAutoPrepare == 0)
        {
            // The stores run a fixed set of statements: prepared once per physical connection, each then skips
            // parsing and planning on the server.
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }
        _dataSource = NpgsqlDataSource.Create(builder);
        Description = $"PostgreSQL database {builder.Database} on {builder.Host}:{builder.Port}";
    }

    /// <summary>The options the operator's connection string sets itself, lower-case and without spaces.</summary>
    private static HashSet<string> OptionsSetIn(string connectionString) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Waiting for a pooled connection, connecting and the commands of one call share one timeout.</summary>
    protected override StoreCallDeadline Deadline { get; }

    public override string ForUpdate => " FOR UPDATE";

    public override IReadOnlyList<(int Version, string Sql)> Migrations { get; } = SqlSchema.For("BYTEA");

    protected override async Task<DbConnection> OpenConnectionAsync(bool forWrite, CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public override Task BeforeMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        connection.Command("SELECT pg_advisory_xact_lock(@key)", transaction).With("@key", MigrationLockKey).ExecuteNonQueryAsync(cancellationToken);

    public override bool IsUnavailable(Exception exception) => exception switch
    {
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exception
            || pg.SqlState.StartsWith("57P", StringComparison.Ordinal) // operator intervention (shutdown)
            || pg.SqlState.StartsWith("53", StringComparison.Ordinal), // insufficient resources
        NpgsqlException => true, // connection refused, broken or timed out
        TimeoutException => true,
        _ => false,
    };

    public override string Description { get; }

    public override bool IsServer => true;

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
