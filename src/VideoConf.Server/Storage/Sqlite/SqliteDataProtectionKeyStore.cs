namespace VideoConf.Server.Storage.Sqlite;

/// <summary>
/// Data Protection's key ring lives in the same file as the secrets it protects' ciphertext, so a copied store
/// stays readable; Data Protection's repository interface is synchronous.
/// </summary>
internal sealed class SqliteDataProtectionKeyStore(SqliteDatabase database) : IDataProtectionKeyStore
{
    public IReadOnlyList<string> GetAllXml() =>
        database.ReadAsync(connection =>
                connection.Command("SELECT xml FROM data_protection_keys ORDER BY friendly_name").QueryListAsync(r => r.GetString(0), CancellationToken.None),
                CancellationToken.None)
            .GetAwaiter().GetResult();

    public void Store(string friendlyName, string xml) =>
        database.WriteAsync((connection, transaction) =>
                connection.Command("INSERT OR REPLACE INTO data_protection_keys (friendly_name, xml) VALUES ($name, $xml)", transaction)
                    .With("$name", friendlyName).With("$xml", xml).ExecuteNonQueryAsync(CancellationToken.None),
                CancellationToken.None)
            .GetAwaiter().GetResult();
}
