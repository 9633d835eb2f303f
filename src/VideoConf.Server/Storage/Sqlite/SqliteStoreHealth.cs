namespace VideoConf.Server.Storage.Sqlite;

internal sealed class SqliteStoreHealth(SqliteDatabase database) : IStoreHealth
{
    public async Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await database.ReadAsync(async connection =>
                await connection.Command("SELECT 1 FROM schema_version LIMIT 1").ExecuteScalarAsync(cancellationToken) is not null, cancellationToken);
        }
        catch (Exception ex) when (ex is StoreUnavailableException or Microsoft.Data.Sqlite.SqliteException)
        {
            return false;
        }
    }
}
