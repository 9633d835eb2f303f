namespace VideoConf.Server.Storage.Sql;

/// <summary>
/// Data Protection's key ring in the store, so every instance on it can read the secrets (Data Protection's
/// repository interface is synchronous). A directory elsewhere can be configured instead.
/// </summary>
internal sealed class SqlDataProtectionKeyStore(SqlDatabase database) : IDataProtectionKeyStore
{
    public IReadOnlyList<string> GetAllXml() =>
        database.ReadAsync(connection =>
                connection.Command("SELECT xml FROM data_protection_keys ORDER BY friendly_name").QueryListAsync(r => r.GetString(0), CancellationToken.None),
                CancellationToken.None)
            .GetAwaiter().GetResult();

    public void Store(string friendlyName, string xml) =>
        database.WriteAsync((connection, transaction) =>
                connection.Command(
                        "INSERT INTO data_protection_keys (friendly_name, xml) VALUES (@name, @xml) ON CONFLICT (friendly_name) DO UPDATE SET xml = excluded.xml",
                        transaction)
                    .With("@name", friendlyName).With("@xml", xml).ExecuteNonQueryAsync(CancellationToken.None),
                CancellationToken.None)
            .GetAwaiter().GetResult();
}
