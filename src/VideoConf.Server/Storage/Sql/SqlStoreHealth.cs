namespace VideoConf.Server.Storage.Sql;

internal sealed class SqlStoreHealth(SqlDatabase database) : IStoreHealth
{
    public async Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await database.ReadAsync(async connection =>
                await connection.Command("SELECT 1").ScalarInt64Async(cancellationToken) == 1, cancellationToken);
        }
        catch (StoreUnavailableException)
        {
            return false;
        }
    }
}
