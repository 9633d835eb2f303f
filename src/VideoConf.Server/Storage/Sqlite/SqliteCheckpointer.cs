using Microsoft.Data.Sqlite;
using VideoConf.Server.Storage.Sql;

namespace VideoConf.Server.Storage.Sqlite;

/// <summary>
/// Copies the write-ahead log back into the database file on a connection of its own, so the writer never does it.
/// SQLite's automatic checkpoint runs inside the commit that crosses the threshold, and a checkpoint ends with an
/// fsync of the database: under a steady stream of writes that stalled the single writer for most of its time.
/// Here the writer only raises <see cref="SqliteDatabase.Commits"/>; a passive checkpoint (it never blocks readers or
/// the writer) follows at most every <see cref="Interval"/> of <see cref="TimeProvider"/> time, and a restarting one
/// when the log has grown past <see cref="RestartAfterFrames"/>. A clean stop copies back what is left.
/// </summary>
internal sealed class SqliteCheckpointer : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// A passive checkpoint never catches up while writes keep coming, and SQLite starts the log over only once it
    /// has; past this size (16 MB of 4 KB pages) the checkpointer waits for the writer's current group, finishes the
    /// copy and lets the log start over, which keeps the file bounded.
    /// </summary>
    private const long RestartAfterFrames = 4096;

    /// <summary>How long a restarting checkpoint may hold writers up while it waits for readers to leave the log.</summary>
    private static readonly TimeSpan RestartWait = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan RestartBackOff = TimeSpan.FromSeconds(2);

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private SqliteConnection? _connection;
    private DateTimeOffset _restartNotBefore = DateTimeOffset.MinValue;

    /// <summary>
    /// On real time, whatever clock the rest of the service runs on (tests move theirs): the checkpoints keep the
    /// file bounded, as the store's own timeouts run on real time.
    /// </summary>
    public SqliteCheckpointer(SqliteDatabase database)
        : this(database, TimeProvider.System)
    {
    }

    internal SqliteCheckpointer(SqliteDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await _database.Commits.WaitAsync(stoppingToken);
                await CheckpointAsync(stoppingToken);
                await Task.Delay(Interval, _time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            if (_database.Commits.TryTake())
            {
                await CheckpointAsync(CancellationToken.None);
            }
        }
        finally
        {
            _connection?.Dispose();
            _connection = null;
        }
    }

    /// <summary>A passive checkpoint, then a restarting one if the log is still long and the last one was not kept from finishing.</summary>
    private async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        try
        {
            _connection ??= await SqliteConnections.OpenAsync(_database.ConnectionString,
                $"PRAGMA busy_timeout={(int)RestartWait.TotalMilliseconds};", cancellationToken);
            var (_, logFrames) = await RunAsync(_connection, "PASSIVE", cancellationToken);
            if (logFrames > RestartAfterFrames && _time.GetUtcNow() >= _restartNotBefore)
            {
                var (busy, _) = await RunAsync(_connection, "RESTART", cancellationToken);
                // A long read (a streamed list) keeps the log in use: stop holding writers up for a while.
                _restartNotBefore = busy ? _time.GetUtcNow() + RestartBackOff : DateTimeOffset.MinValue;
            }
        }
        catch (SqliteException)
        {
            // A busy or failing checkpoint is retried after the next commit; the log only grows meanwhile.
            _connection?.Dispose();
            _connection = null;
        }
    }

    /// <summary>Runs one checkpoint; returns whether it was kept from finishing, and how many frames the log held.</summary>
    private static async Task<(bool Busy, long LogFrames)> RunAsync(SqliteConnection connection, string mode, CancellationToken cancellationToken)
    {
        await using var command = connection.OneOffCommand($"PRAGMA wal_checkpoint({mode});");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0) != 0, reader.GetInt64(1)) : (false, 0);
    }
}
