using Microsoft.Data.Sqlite;
using VideoConf.Server.Storage.Sql;

namespace VideoConf.Server.Storage.Sqlite;

/// <summary>
/// Copies the write-ahead log back into the database file on a connection of its own, so the writer never does it.
/// SQLite's automatic checkpoint runs inside the commit that crosses the threshold, and a checkpoint ends with an
/// fsync of the database: under a steady stream of writes that stalled the single writer for most of its time.
/// Here the writer only signals after each commit; a passive checkpoint (it never blocks readers or the writer)
/// follows at most every <see cref="Interval"/>, and a restarting one when the log has grown past
/// <see cref="RestartAfterFrames"/>.
/// </summary>
internal sealed class SqliteCheckpointer : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// A passive checkpoint never catches up while writes keep coming, and SQLite starts the log over only once it
    /// has; past this size (16 MB of 4 KB pages) the checkpointer waits for the writer's current group, finishes the
    /// copy and lets the log start over, which keeps the file bounded.
    /// </summary>
    private const long RestartAfterFrames = 4096;

    /// <summary>How long a restarting checkpoint may hold writers up while it waits for readers to leave the log.</summary>
    private static readonly TimeSpan RestartWait = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan RestartBackOff = TimeSpan.FromSeconds(2);

    private readonly string _connectionString;
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public SqliteCheckpointer(string connectionString)
    {
        _connectionString = connectionString;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Called after a commit: a checkpoint will follow.</summary>
    public void Committed()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled by a commit racing this one.
            }
        }
    }

    private async Task RunAsync()
    {
        SqliteConnection? connection = null;
        var restartNotBefore = 0L;
        try
        {
            while (true)
            {
                await _signal.WaitAsync(_stop.Token);
                try
                {
                    connection ??= await SqliteConnections.OpenAsync(_connectionString,
                        $"PRAGMA busy_timeout={(int)RestartWait.TotalMilliseconds};", _stop.Token);
                    var (_, logFrames) = await CheckpointAsync(connection, "PASSIVE");
                    if (logFrames > RestartAfterFrames && Environment.TickCount64 >= restartNotBefore)
                    {
                        var (busy, _) = await CheckpointAsync(connection, "RESTART");
                        // A long read (a streamed list) keeps the log in use: stop holding writers up for a while.
                        restartNotBefore = busy ? Environment.TickCount64 + (long)RestartBackOff.TotalMilliseconds : 0;
                    }
                }
                catch (SqliteException)
                {
                    // A busy or failing checkpoint is retried after the next commit; the log only grows meanwhile.
                    connection?.Dispose();
                    connection = null;
                }
                await Task.Delay(Interval, _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            connection?.Dispose();
        }
    }

    /// <summary>Runs one checkpoint; returns whether it was kept from finishing, and how many frames the log held.</summary>
    private async Task<(bool Busy, long LogFrames)> CheckpointAsync(SqliteConnection connection, string mode)
    {
        await using var command = connection.OneOffCommand($"PRAGMA wal_checkpoint({mode});");
        await using var reader = await command.ExecuteReaderAsync(_stop.Token);
        return await reader.ReadAsync(_stop.Token) ? (reader.GetInt64(0) != 0, reader.GetInt64(1)) : (false, 0);
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
        _stop.Dispose();
    }
}
