using System.Data.Common;
using System.Threading.Channels;
using VideoConf.Server.Storage.Sql;

namespace VideoConf.Server.Storage.Sqlite;

/// <summary>
/// The single writer of a SQLite file. Writes queue up and are run one after another, each inside its own
/// savepoint, in one transaction per group of whatever was waiting (up to <see cref="MaxGroup"/>): a failing write
/// rolls back only itself, and each caller learns of success only once the group has committed. Under load this
/// turns many small commits into a few larger ones. The writer keeps its connection, and the statements it has
/// prepared, from group to group, and opens a new one only after a group failed.
/// </summary>
internal sealed class SqliteGroupWriter : IDisposable
{
    private const int MaxGroup = 64;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<CancellationToken, Task<DbConnection>> _open;

    public SqliteGroupWriter(Func<CancellationToken, Task<DbConnection>> open)
    {
        _open = open;
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
        var succeeded = new List<PendingWrite>(group.Count);
        try
        {
            connection ??= await _open(CancellationToken.None);
            await using var transaction = await connection.BeginTransactionAsync();
            foreach (var write in group)
            {
                if (write.CancellationToken.IsCancellationRequested)
                {
                    write.Fail(new OperationCanceledException(write.CancellationToken));
                    continue;
                }
                await connection.Command("SAVEPOINT write", transaction).ExecuteNonQueryAsync();
                try
                {
                    await write.RunAsync(connection, transaction);
                    await connection.Command("RELEASE write", transaction).ExecuteNonQueryAsync();
                    succeeded.Add(write);
                }
                catch (Exception ex)
                {
                    await connection.Command("ROLLBACK TO write", transaction).ExecuteNonQueryAsync();
                    await connection.Command("RELEASE write", transaction).ExecuteNonQueryAsync();
                    write.Fail(ex);
                }
            }
            await transaction.CommitAsync();
            succeeded.ForEach(write => write.Complete());
            return connection;
        }
        catch (Exception ex)
        {
            // The group could not be committed: nothing in it happened. The connection is opened afresh for the next.
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
