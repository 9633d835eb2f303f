using static VideoConf.Server.Storage.Sql.SqlCommands;

namespace VideoConf.Server.Storage.Sql;

internal sealed class SqlSettingStore(SqlDatabase database) : ISettingStore
{
    public Task<IReadOnlyDictionary<string, string>> LoadAllAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyDictionary<string, string>>(async connection =>
        {
            var rows = await connection.Command("SELECT id, value FROM settings")
                .QueryListAsync(r => (Id: r.GetString(0), Value: r.GetString(1)), cancellationToken);
            return rows.ToDictionary(r => r.Id, r => r.Value, StringComparer.Ordinal);
        }, cancellationToken);

    public Task SaveAsync(string id, string valueJson, DateTime updatedAt, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) =>
            connection.Command(
                    """
                    INSERT INTO settings (id, value, updated_at) VALUES (@id, @value, @updated)
                    ON CONFLICT (id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                    """, transaction)
                .With("@id", id).With("@value", valueJson).With("@updated", ToMs(updatedAt))
                .ExecuteNonQueryAsync(cancellationToken), cancellationToken);
}
