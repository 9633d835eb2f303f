using System.Data.Common;

namespace VideoConf.Server.Storage.Sql;

/// <summary>
/// Applies the migrations a store has not seen yet, in one transaction that first takes the dialect's migration
/// lock, so instances starting together on one PostgreSQL do not migrate twice.
/// </summary>
internal sealed class SqlMigrator(SqlDatabase database) : IStoreMigrator
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        try
        {
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

    private async Task ApplyAsync(CancellationToken cancellationToken)
    {
        await using (var lease = await database.OpenAsync(cancellationToken))
        {
            await database.ApplyStoreSettingsAsync(lease.Connection, cancellationToken);
        }
        await database.WriteAsync(async (connection, transaction) =>
        {
            await database.BeforeMigrationAsync(connection, transaction, cancellationToken);
            await connection.Command("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at BIGINT NOT NULL)", transaction)
                .ExecuteNonQueryAsync(cancellationToken);
            foreach (var (version, sql) in database.Migrations)
            {
                var applied = await connection.Command("SELECT COUNT(*) FROM schema_version WHERE version = @v", transaction)
                    .With("@v", version).ScalarInt64Async(cancellationToken);
                if (applied > 0)
                {
                    continue;
                }
                await connection.OneOffCommand(sql, transaction).ExecuteNonQueryAsync(cancellationToken);
                await connection.Command("INSERT INTO schema_version (version, applied_at) VALUES (@v, @at)", transaction)
                    .With("@v", version).With("@at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())
                    .ExecuteNonQueryAsync(cancellationToken);
            }
        }, cancellationToken);
    }
}
