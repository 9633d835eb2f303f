using System.Data.Common;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace VideoConf.Server.Storage.Sql;

/// <summary>
/// Applies the migrations a store has not seen yet, in one transaction that first takes the dialect's migration
/// lock, so instances starting together on one PostgreSQL do not migrate twice. A PostgreSQL server that cannot be
/// reached is retried for <c>Storage:StartupWaitSeconds</c>; the migrations run under their own timeout,
/// <c>Storage:MigrationTimeoutSeconds</c>, and each one is logged with its number and duration.
/// </summary>
internal sealed partial class SqlMigrator(SqlDatabase database, IOptions<StorageOptions> options, TimeProvider time, ILogger<SqlMigrator> logger)
    : IStoreMigrator
{
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(1);

    /// <summary>With the default options, unlogged: for tools and tests that migrate a store they opened themselves.</summary>
    public SqlMigrator(SqlDatabase database)
        : this(database, Options.Create(new StorageOptions()), TimeProvider.System, NullLogger<SqlMigrator>.Instance)
    {
    }

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await WaitForServerAsync(cancellationToken);
            await ApplyAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbException or StoreUnavailableException or IOException or UnauthorizedAccessException)
        {
            // One line an operator can act on: which store, and what is wrong with it.
            throw new StoreStartupException($"{database.Description}: {Cause(ex)}", ex);
        }
    }

    private static string Cause(Exception exception) =>
        exception is StoreUnavailableException { InnerException: { } inner } ? inner.Message : exception.Message;

    /// <summary>Opens a first connection, retrying a server that is not reachable yet until the wait is over.</summary>
    private async Task WaitForServerAsync(CancellationToken cancellationToken)
    {
        var wait = TimeSpan.FromSeconds(options.Value.StartupWaitSeconds);
        var started = time.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var lease = await database.OpenAsync(cancellationToken);
                await database.ApplyStoreSettingsAsync(lease.Connection, cancellationToken);
                return;
            }
            catch (StoreUnavailableException ex) when (database.IsServer)
            {
                var waited = time.GetElapsedTime(started);
                if (waited >= wait)
                {
                    throw new StoreStartupException(
                        $"{database.Description} not reachable after {(int)waited.TotalSeconds} s (Storage:StartupWaitSeconds is {options.Value.StartupWaitSeconds}): {Cause(ex)}", ex);
                }
                LogWaiting(logger, attempt, database.Description, Cause(ex));
                await Task.Delay(RetryPause, time, cancellationToken);
            }
        }
    }

    private async Task ApplyAsync(CancellationToken cancellationToken)
    {
        var timeoutSeconds = options.Value.MigrationTimeoutSeconds;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(timeoutSeconds));
        var current = 0;
        try
        {
            await database.MigrationWriteAsync(async (connection, transaction) =>
            {
                await database.BeforeMigrationAsync(connection, transaction, timeout.Token);
                await connection.Command("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at BIGINT NOT NULL)", transaction)
                    .ExecuteNonQueryAsync(timeout.Token);
                foreach (var (version, sql) in database.Migrations)
                {
                    var applied = await connection.Command("SELECT COUNT(*) FROM schema_version WHERE version = @v", transaction)
                        .With("@v", version).ScalarInt64Async(timeout.Token);
                    if (applied > 0)
                    {
                        continue;
                    }
                    current = version;
                    LogMigrating(logger, version, database.Migrations.Count);
                    var watch = Stopwatch.StartNew();
                    var migration = connection.OneOffCommand(sql, transaction);
                    migration.CommandTimeout = timeoutSeconds;
                    await migration.ExecuteNonQueryAsync(timeout.Token);
                    await connection.Command("INSERT INTO schema_version (version, applied_at) VALUES (@v, @at)", transaction)
                        .With("@v", version).With("@at", time.GetUtcNow().ToUnixTimeMilliseconds())
                        .ExecuteNonQueryAsync(timeout.Token);
                    LogMigrated(logger, version, watch.ElapsedMilliseconds);
                }
            }, timeout.Token);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new StoreStartupException(
                $"{database.Description}: migration {current} did not finish within Storage:MigrationTimeoutSeconds ({timeoutSeconds} s); nothing was changed", ex);
        }
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Store not reachable (attempt {Attempt}, {Store}): {Reason}; retrying")]
    private static partial void LogWaiting(ILogger logger, int attempt, string store, string reason);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "Applying schema migration {Version} of {Count}")]
    private static partial void LogMigrating(ILogger logger, int version, int count);

    [LoggerMessage(EventId = 22, Level = LogLevel.Information, Message = "Applied schema migration {Version} in {ElapsedMs} ms")]
    private static partial void LogMigrated(ILogger logger, int version, long elapsedMs);
}
