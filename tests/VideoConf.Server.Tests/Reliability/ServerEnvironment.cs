using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Reliability;

/// <summary>
/// Environments for a <see cref="ServerProcess"/>: the bootstrap admin, cheap bcrypt and the rate limiter off (the
/// tests send everything from one address), on a store of its own in a temporary directory.
/// </summary>
internal static class ServerEnvironment
{
    /// <summary>A new temporary directory for one server's store.</summary>
    public static string NewDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "videoconf-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }

    public static Dictionary<string, string> OnSqlite(string directory) => new(Common())
    {
        ["ConnectionStrings__Sqlite"] = $"Data Source={Path.Combine(directory, "videoconf.db")}",
    };

    /// <summary>A new database on the shared test cluster.</summary>
    public static async Task<Dictionary<string, string>> OnPostgresAsync() => new(Common())
    {
        ["Storage__Provider"] = "postgres",
        ["ConnectionStrings__Postgres"] = await (await PostgresServer.Shared).CreateDatabaseAsync(),
    };

    private static Dictionary<string, string> Common() => new()
    {
        ["ADMIN_USERNAME"] = VideoConfFactory.AdminUsername,
        ["ADMIN_PASS"] = VideoConfFactory.AdminPassword,
        ["ADMIN_EMAIL"] = "admin@videoconf.test",
        ["Accounts__PasswordWorkFactor"] = "4",
        ["Settings__API_Enable_Rate_Limiter"] = "false",
    };

    public static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
