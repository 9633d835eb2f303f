using Microsoft.Data.Sqlite;
using VideoConf.Server.Storage;

namespace VideoConf.Server.Operations;

/// <summary>
/// <c>store backup &lt;file&gt;</c> and <c>store verify &lt;file&gt;</c>, verbs of the server's own binary: a
/// consistent copy of the configured SQLite store while the server keeps serving (SQLite's online backup), and a
/// check of such a copy (integrity, schema version, rows per table). Exit code 0 on success, 1 on a failure, 2 on
/// wrong usage.
/// </summary>
internal static class StoreCommands
{
    private const string Usage = """
        Usage: VideoConf.Server store <command> [arguments]

          store backup <file>   copy the configured SQLite store into <file> (a new file) while the server runs
          store verify <file>   check a copy: integrity, schema version and rows per table

        The store is the one the server would use (ConnectionStrings__Sqlite, VIDEOCONF_DATA, appsettings.json).
        PostgreSQL is backed up with pg_dump: see docs/operations.md.
        """;

    public static bool IsStoreCommand(string[] args) => args is ["store", ..];

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            return args switch
            {
                ["store", "backup", var file] => await BackupAsync(file),
                ["store", "verify", var file] => await VerifyAsync(file),
                ["store"] or ["store", "--help" or "-h" or "help", ..] => Help(Console.Out, 0),
                _ => Help(Console.Error, 2),
            };
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"store: {ex.Message}");
            return 1;
        }
    }

    private static int Help(TextWriter writer, int exitCode)
    {
        writer.WriteLine(Usage);
        return exitCode;
    }

    private static async Task<int> BackupAsync(string file)
    {
        var configuration = StoreConfiguration();
        if ((configuration[$"{StorageOptions.SectionName}:Provider"] ?? StorageOptions.Sqlite) != StorageOptions.Sqlite)
        {
            throw new InvalidOperationException("the configured store is PostgreSQL: back it up with pg_dump (docs/operations.md).");
        }
        var source = new SqliteConnectionStringBuilder(configuration.GetConnectionString("Sqlite") ?? "Data Source=videoconf.db");
        var sourcePath = Path.GetFullPath(source.DataSource);
        var targetPath = Path.GetFullPath(file);
        if (!File.Exists(sourcePath))
        {
            throw new IOException($"no SQLite store at {sourcePath}.");
        }
        if (File.Exists(targetPath))
        {
            throw new IOException($"{targetPath} exists already; back up into a new file.");
        }
        source.Mode = SqliteOpenMode.ReadOnly;
        source.Pooling = false;
        await using (var from = new SqliteConnection(source.ConnectionString))
        await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = targetPath, Pooling = false }.ConnectionString))
        {
            await from.OpenAsync();
            await to.OpenAsync();
            // One step under one read transaction: a snapshot of the store as of its start, while writers go on (WAL).
            from.BackupDatabase(to);
            await using var journal = to.CreateCommand();
            journal.CommandText = "PRAGMA journal_mode=DELETE";
            await journal.ExecuteNonQueryAsync();
        }
        Console.WriteLine($"Backed up {sourcePath} into {targetPath}.");
        return await VerifyAsync(targetPath);
    }

    private static async Task<int> VerifyAsync(string file)
    {
        var path = Path.GetFullPath(file);
        if (!File.Exists(path))
        {
            throw new IOException($"no file {path}.");
        }
        var connection = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        await using var database = new SqliteConnection(connection.ConnectionString);
        await database.OpenAsync();
        var integrity = Convert.ToString(await Scalar(database, "PRAGMA integrity_check"), System.Globalization.CultureInfo.InvariantCulture);
        if (integrity != "ok")
        {
            await Console.Error.WriteLineAsync($"store: {path} fails the integrity check: {integrity}");
            return 1;
        }
        var schema = await Scalar(database, "SELECT COALESCE(MAX(version), 0) FROM schema_version");
        Console.WriteLine($"{path}: integrity ok, schema version {schema}");
        var tables = new List<string>();
        await using (var list = database.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        foreach (var table in tables)
        {
            Console.WriteLine($"  {table}: {await Scalar(database, $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"")} rows");
        }
        return 0;
    }

    private static async Task<object?> Scalar(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    /// <summary>The configuration the server would read: appsettings.json beside the program, environment, Rocket.Chat's variables.</summary>
    private static ConfigurationManager StoreConfiguration()
    {
        var configuration = new ConfigurationManager();
        configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        configuration.AddEnvironmentVariables();
        configuration.AddRocketChatEnvironment();
        return configuration;
    }
}
