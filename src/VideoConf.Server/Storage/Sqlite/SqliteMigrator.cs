namespace VideoConf.Server.Storage.Sqlite;

/// <summary>
/// Applies the numbered schema migrations that a SQLite file has not seen yet, each in its own transaction, and
/// switches the file to WAL journaling.
/// </summary>
internal sealed class SqliteMigrator(SqliteDatabase database) : IStoreMigrator
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(database.DataSource));
        if (!string.IsNullOrEmpty(directory) && database.DataSource != ":memory:")
        {
            Directory.CreateDirectory(directory);
        }
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            await connection.Command("PRAGMA journal_mode=WAL;").ExecuteNonQueryAsync(cancellationToken);
            await connection.Command("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at INTEGER NOT NULL);")
                .ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var (version, sql) in SqliteSchema.Migrations)
        {
            await database.WriteAsync(async (connection, transaction) =>
            {
                var applied = await connection.Command("SELECT COUNT(*) FROM schema_version WHERE version = $v", transaction)
                    .With("$v", version).ExecuteScalarAsync(cancellationToken);
                if (Convert.ToInt64(applied, System.Globalization.CultureInfo.InvariantCulture) > 0)
                {
                    return;
                }
                await connection.Command(sql, transaction).ExecuteNonQueryAsync(cancellationToken);
                await connection.Command("INSERT INTO schema_version (version, applied_at) VALUES ($v, $at)", transaction)
                    .With("$v", version).With("$at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())
                    .ExecuteNonQueryAsync(cancellationToken);
            }, cancellationToken);
        }
    }
}
