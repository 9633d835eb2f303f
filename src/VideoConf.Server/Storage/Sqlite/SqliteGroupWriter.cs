using System.Data.Common;
using System.Threading.Channels;

namespace VideoConf.Server.Storage.Sqlite;

/// <summary>
/// The single writer of a SQLite file. Writes queue up and are run one after another, each inside its own
/// savepoint, in one transaction per group of whatever was waiting (up to <see cref="MaxGroup"/>): a failing write
/// rolls back only itself, and each caller learns of success only once the group has committed. Under load this
/// turns many small commits into a few larger ones.
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
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < MaxGroup && _queue.Reader.TryRead(out var next))
            {
                group.Add(next);
            }
            await CommitGroupAsync(group);
        }
    }

    private async Task CommitGroupAsync(List<PendingWrite> group)
    {
        var succeeded = new List<PendingWrite>(group.Count);
        try
        {
            await using var connection = await _open(CancellationToken.None);
            await using var transaction = await connection.BeginTransactionAsync();
            foreach (var write in group)
            {
                if (write.CancellationToken.IsCancellationRequested)
                {
                    write.Fail(new OperationCanceledException(write.CancellationToken));
                    continue;
                }
                await transaction.SaveAsync("write");
                try
                {
                    await write.RunAsync(connection, transaction);
                    await transaction.ReleaseAsync("write");
                    succeeded.Add(write);
                }
                catch (Exception ex)
                {
                    await transaction.RollbackAsync("write");
                    await transaction.ReleaseAsync("write");
                    write.Fail(ex);
                }
            }
            await transaction.CommitAsync();
            succeeded.ForEach(write => write.Complete());
        }
        catch (Exception ex)
        {
            // The group could not be committed: nothing in it happened.
            foreach (var write in group)
            {
                write.Fail(ex);
            }
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
