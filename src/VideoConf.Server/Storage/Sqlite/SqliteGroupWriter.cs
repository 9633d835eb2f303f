using System.Data.Common;
using System.Threading.Channels;
using VideoConf.Server.Storage.Sql;

namespace VideoConf.Server.Storage.Sqlite;

/// <summary>
/// The single writer of a SQLite file. Writes queue up and are run one after another, in one transaction per group
/// of whatever was waiting (up to <see cref="MaxGroup"/>); each caller learns of success only once its group has
/// committed. When a write fails, its group is rolled back and each of its writes run again alone, so a failing
/// write never takes the others with it. Under load this turns many small commits into a few larger ones. The
/// writer keeps its connection, and the statements it has prepared, from group to group, and opens a new one only
/// after a failure of the connection itself. Its loop starts with the store, not as a hosted service: migrations
/// and host-less tools write before any hosted service runs, and it waits on its queue, never on a clock.
/// </summary>
internal sealed class SqliteGroupWriter : IDisposable
{
    private const int MaxGroup = 64;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<CancellationToken, Task<DbConnection>> _open;
    private readonly Action _committed;

    public SqliteGroupWriter(Func<CancellationToken, Task<DbConnection>> open, Action committed)
    {
        _open = open;
        _committed = committed;
        _ = Task.Run(RunAsync);
    }

    public Task<T> EnqueueAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        var pending = new PendingWrite<T>(work, cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new StoreUnavailableException("The SQLite writer has stopped.");
        }
        return pending.Task;
    }

    private async Task RunAsync()
    {
        var group = new List<PendingWrite>(MaxGroup);
        DbConnection? connection = null;
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < MaxGroup && _queue.Reader.TryRead(out var next))
            {
                group.Add(next);
            }
            connection = await CommitGroupAsync(connection, group);
        }
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }

    /// <summary>Runs and commits one group on the writer's connection; returns the connection to keep, or null after a failure.</summary>
    private async Task<DbConnection?> CommitGroupAsync(DbConnection? connection, List<PendingWrite> group)
    {
        try
        {
            connection ??= await _open(CancellationToken.None);
            var runnable = new List<PendingWrite>(group.Count);
            foreach (var write in group)
            {
                if (write.CancellationToken.IsCancellationRequested)
                {
                    write.Fail(new OperationCanceledException(write.CancellationToken));
                }
                else
                {
                    runnable.Add(write);
                }
            }
            if (runnable.Count > 1 && await TryTogetherAsync(connection, runnable))
            {
                return connection;
            }
            foreach (var write in runnable)
            {
                await RunAloneAsync(connection, write);
            }
            return connection;
        }
        catch (Exception ex)
        {
            // The connection failed (a commit or rollback could not be done): what was not committed did not
            // happen. A new connection is opened for the next group.
            foreach (var write in group)
            {
                write.Fail(ex);
            }
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
            return null;
        }
    }

    /// <summary>
    /// All writes in one transaction, the fast path. When one of them fails the whole group is rolled back and false
    /// returned, and each write is then run alone, so a failing write never takes the others with it.
    /// </summary>
    private async Task<bool> TryTogetherAsync(DbConnection connection, List<PendingWrite> writes)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var write in writes)
        {
            try
            {
                await write.RunAsync(connection, transaction);
            }
            catch (Exception)
            {
                await transaction.RollbackAsync();
                return false;
            }
        }
        await transaction.CommitAsync();
        _committed();
        writes.ForEach(write => write.Complete());
        return true;
    }

    private async Task RunAloneAsync(DbConnection connection, PendingWrite write)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        try
        {
            await write.RunAsync(connection, transaction);
        }
        catch (Exception ex)
        {
            await transaction.RollbackAsync();
            write.Fail(ex);
            return;
        }
        await transaction.CommitAsync();
        _committed();
        write.Complete();
    }

    public void Dispose() => _queue.Writer.TryComplete();

    private abstract class PendingWrite(CancellationToken cancellationToken)
    {
        public CancellationToken CancellationToken { get; } = cancellationToken;

        public abstract Task RunAsync(DbConnection connection, DbTransaction transaction);

        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class PendingWrite<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
        : PendingWrite(cancellationToken)
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Task => _completion.Task;

        public override async Task RunAsync(DbConnection connection, DbTransaction transaction) => _result = await work(connection, transaction);

        public override void Complete() => _completion.TrySetResult(_result!);

        public override void Fail(Exception exception) => _completion.TrySetException(exception);
    }
}
