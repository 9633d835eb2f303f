using System.Buffers;
using System.Data.Common;

namespace VideoConf.Server.Storage.Sql;

/// <summary>
/// A relational store reached through ADO.NET. The stores in this folder hold the SQL, written once in the dialect
/// SQLite and PostgreSQL share (<c>@</c> parameters, <c>ON CONFLICT</c>, <c>RETURNING</c>, expression indexes);
/// subclasses supply connections, the schema and the few things that differ.
/// </summary>
internal abstract class SqlDatabase
{
    /// <summary>Appended to a single-row SELECT that is about to be changed in the same transaction.</summary>
    public abstract string ForUpdate { get; }

    /// <summary>The schema as an append-only list of migrations: never edit a shipped one, add the next.</summary>
    public abstract IReadOnlyList<(int Version, string Sql)> Migrations { get; }

    /// <summary>
    /// Lends a connection ready for commands, given back when the lease is disposed; failures surface as
    /// <see cref="StoreUnavailableException"/>.
    /// </summary>
    public async Task<SqlLease> OpenAsync(CancellationToken cancellationToken)
    {
        if (Deadline is not { } deadline)
        {
            return await OpenLeaseAsync(cancellationToken);
        }
        // Only the open is bounded here: the lease's commands (a long stream among them) have their own timeout. Never
        // abandoned, or a connection opened late would never go back to the pool.
        try
        {
            SqlLease lease = default;
            await deadline.RunToEndAsync(async ct => lease = await OpenLeaseAsync(ct), cancellationToken);
            return lease;
        }
        catch (TimeoutException ex)
        {
            throw Unavailable(ex);
        }
    }

    private async Task<SqlLease> OpenLeaseAsync(CancellationToken cancellationToken)
    {
        try
        {
            return new SqlLease(this, await OpenConnectionAsync(forWrite: false, cancellationToken));
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            throw Unavailable(ex);
        }
    }

    public Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken) =>
        Bounded(ct => ReadOnLeaseAsync((connection, _) => work(connection), ct), cancellationToken);

    /// <summary>How long one store call may take in all (<see cref="StoreCallDeadline"/>); null leaves each step to the driver's timeouts.</summary>
    protected virtual StoreCallDeadline? Deadline => null;

    private async Task<T> ReadOnLeaseAsync<T>(Func<DbConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var lease = await OpenLeaseAsync(cancellationToken);
        try
        {
            return await work(lease.Connection, cancellationToken);
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            throw Unavailable(ex);
        }
    }

    /// <summary>Runs a whole store call under <see cref="Deadline"/>, if there is one; its expiry is a 503 like any outage.</summary>
    private async Task<T> Bounded<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        if (Deadline is not { } deadline)
        {
            return await call(cancellationToken);
        }
        try
        {
            return await deadline.RunAsync(call, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw Unavailable(ex);
        }
    }

    /// <summary>
    /// Runs a query whose rows are (BIGINT, BLOB), neither NULL, and hands each row to <paramref name="onRow"/>; the
    /// bytes are valid only during that call, so a row costs no allocation.
    /// </summary>
    public virtual async Task ReadBlobRowsAsync(string sql, (string Name, object Value)[] parameters, BlobRowHandler onRow,
        CancellationToken cancellationToken)
    {
        // The rows go to a callback that must not run once the caller has been answered: this call is never
        // abandoned, its token reaches every step instead.
        if (Deadline is { } deadline)
        {
            try
            {
                await deadline.RunToEndAsync(ct => ReadBlobRowsOnLeaseAsync(sql, parameters, onRow, ct), cancellationToken);
            }
            catch (TimeoutException ex)
            {
                throw Unavailable(ex);
            }
            return;
        }
        await ReadBlobRowsOnLeaseAsync(sql, parameters, onRow, cancellationToken);
    }

    private Task ReadBlobRowsOnLeaseAsync(string sql, (string Name, object Value)[] parameters, BlobRowHandler onRow,
        CancellationToken cancellationToken) =>
        ReadOnLeaseAsync(async (connection, _) =>
        {
            var command = connection.Command(sql);
            foreach (var (name, value) in parameters)
            {
                command.With(name, value);
            }
            var buffer = ArrayPool<byte>.Shared.Rent(4096);
            try
            {
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var length = (int)reader.GetBytes(1, 0, null, 0, 0);
                    if (length > buffer.Length)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = ArrayPool<byte>.Shared.Rent(length);
                    }
                    reader.GetBytes(1, 0, buffer, 0, length);
                    onRow(reader.GetInt64(0), buffer.AsSpan(0, length));
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
            return true;
        }, cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one transaction, committed when it returns.</summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            return await Bounded(ct => ExecuteWriteAsync(work, ct), cancellationToken);
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            throw Unavailable(ex);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction without the store-call deadline, for the schema migrations
    /// (bounded by their own timeout, through <paramref name="cancellationToken"/> and their commands' timeouts).
    /// </summary>
    public async Task MigrationWriteAsync(Func<DbConnection, DbTransaction, Task> work, CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteWriteAsync(async (c, t) =>
            {
                await work(c, t);
                return true;
            }, cancellationToken);
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            throw Unavailable(ex);
        }
    }

    /// <summary>Whether the store is a server the start waits for (<c>Storage:StartupWaitSeconds</c>) when it is unreachable.</summary>
    public virtual bool IsServer => false;

    public Task WriteAsync(Func<DbConnection, DbTransaction, Task> work, CancellationToken cancellationToken) =>
        WriteAsync<bool>(async (c, t) =>
        {
            await work(c, t);
            return true;
        }, cancellationToken);

    /// <summary>Opens a connection; <paramref name="forWrite"/> says it will run a write transaction.</summary>
    protected abstract Task<DbConnection> OpenConnectionAsync(bool forWrite, CancellationToken cancellationToken);

    /// <summary>Takes back a read connection from <see cref="OpenConnectionAsync"/> (closes it, unless the store keeps it).</summary>
    protected internal virtual ValueTask ReleaseConnectionAsync(DbConnection connection) => connection.DisposeAsync();

    /// <summary>Runs one write in its own transaction (SQLite instead queues writes and commits them in groups).</summary>
    protected virtual async Task<T> ExecuteWriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(forWrite: true, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>The store as an operator knows it (the SQLite file, the PostgreSQL host), for start-up failures.</summary>
    public abstract string Description { get; }

    /// <summary>True for failures that mean the store cannot be reached or did not answer in time.</summary>
    public abstract bool IsUnavailable(Exception exception);

    /// <summary>What a failure for which <see cref="IsUnavailable"/> holds surfaces as (a 503).</summary>
    protected static StoreUnavailableException Unavailable(Exception exception) =>
        new($"Store unavailable: {exception.Message}", exception);

    /// <summary>Runs in the migration transaction before any migration (PostgreSQL takes its lock across instances).</summary>
    public virtual Task BeforeMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Runs once at start, outside any transaction, before migrations: settings of the store as a whole (SQLite's
    /// file directory and journal mode).
    /// </summary>
    public virtual Task ApplyStoreSettingsAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>One row of <see cref="SqlDatabase.ReadBlobRowsAsync"/>.</summary>
internal delegate void BlobRowHandler(long value, ReadOnlySpan<byte> blob);

/// <summary>A connection lent by <see cref="SqlDatabase.OpenAsync"/>; disposing gives it back.</summary>
internal readonly struct SqlLease(SqlDatabase database, DbConnection connection) : IAsyncDisposable
{
    public DbConnection Connection { get; } = connection;

    public ValueTask DisposeAsync() => database.ReleaseConnectionAsync(Connection);
}
