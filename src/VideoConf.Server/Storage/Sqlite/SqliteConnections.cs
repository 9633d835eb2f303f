using Microsoft.Data.Sqlite;
using VideoConf.Server.Storage.Sql;

namespace VideoConf.Server.Storage.Sqlite;

internal static class SqliteConnections
{
    /// <summary>
    /// Opens a connection to the file and applies <paramref name="pragmas"/> (settings that hold per connection);
    /// a connection that fails on the way is closed, not leaked.
    /// </summary>
    public static async Task<SqliteConnection> OpenAsync(string connectionString, string? pragmas, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (pragmas is not null)
            {
                await using var settings = connection.OneOffCommand(pragmas);
                await settings.ExecuteNonQueryAsync(cancellationToken);
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
