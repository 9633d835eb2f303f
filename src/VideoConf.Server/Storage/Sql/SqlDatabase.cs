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

    /// <summary>Opens a connection ready for commands; failures surface as <see cref="StoreUnavailableException"/>.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await OpenConnectionAsync(forWrite: false, cancellationToken);
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            throw new StoreUnavailableException($"Store unavailable: {ex.Message}", ex);
        }
    }

    public async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        try
        {
            return await work(connection);
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            throw new StoreUnavailableException($"Store unavailable: {ex.Message}", ex);
        }
    }

    /// <summary>Runs <paramref name="work"/> in one transaction, committed when it returns.</summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            return await ExecuteWriteAsync(work, cancellationToken);
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            throw new StoreUnavailableException($"Store unavailable: {ex.Message}", ex);
        }
    }

    public Task WriteAsync(Func<DbConnection, DbTransaction, Task> work, CancellationToken cancellationToken) =>
        WriteAsync<bool>(async (c, t) =>
        {
            await work(c, t);
            return true;
        }, cancellationToken);

    /// <summary>Opens a connection; <paramref name="forWrite"/> says it will run a write transaction.</summary>
    protected abstract Task<DbConnection> OpenConnectionAsync(bool forWrite, CancellationToken cancellationToken);

    /// <summary>Runs one write in its own transaction (SQLite instead queues writes and commits them in groups).</summary>
    protected virtual async Task<T> ExecuteWriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(forWrite: true, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>True for failures that mean the store cannot be reached or did not answer in time.</summary>
    public abstract bool IsUnavailable(Exception exception);

    /// <summary>Runs once before migrations (for example to pick the journal mode, or to take a lock across instances).</summary>
    public virtual Task BeforeMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs once before the first migration check, outside any transaction.</summary>
    public virtual Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;
}
