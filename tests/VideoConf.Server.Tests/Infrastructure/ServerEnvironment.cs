namespace VideoConf.Server.Tests.Infrastructure;

/// <summary>
/// The configuration every test server starts with, as environment variables for a <see cref="ServerProcess"/>
/// (and, through <see cref="ConfigurationKey"/>, as settings of the in-process <see cref="VideoConfFactory"/>): the
/// bootstrap admin of <see cref="TestAccounts"/>, cheap bcrypt, and the rate limiter off, since all test traffic
/// comes from one address. Tests that need the limiter turn it on.
/// </summary>
public static class ServerEnvironment
{
    public static Dictionary<string, string> Defaults() => new(StringComparer.Ordinal)
    {
        ["ADMIN_USERNAME"] = TestAccounts.AdminUsername,
        ["ADMIN_PASS"] = TestAccounts.AdminPassword,
        ["ADMIN_EMAIL"] = TestAccounts.AdminEmail,
        ["ADMIN_NAME"] = TestAccounts.AdminName,
        ["Accounts__PasswordWorkFactor"] = "4",
        ["Settings__API_Enable_Rate_Limiter"] = "false",
    };

    /// <summary>The defaults on a SQLite file in <paramref name="directory"/>.</summary>
    public static Dictionary<string, string> OnSqlite(TestDirectory directory) => new(Defaults())
    {
        ["ConnectionStrings__Sqlite"] = $"Data Source={directory.File("videoconf.db")}",
    };

    /// <summary>The defaults on a new database of <paramref name="cluster"/> (the shared test cluster unless given).</summary>
    public static async Task<Dictionary<string, string>> OnPostgresAsync(PostgresServer? cluster = null) => new(Defaults())
    {
        ["Storage__Provider"] = "postgres",
        ["ConnectionStrings__Postgres"] = await (cluster ?? await PostgresServer.Shared).CreateDatabaseAsync(),
    };

    /// <summary>The defaults on the store <see cref="TestBackend"/> names: a new PostgreSQL database, or SQLite in <paramref name="directory"/>.</summary>
    public static async Task<Dictionary<string, string>> OnTestBackendAsync(TestDirectory directory) =>
        TestBackend.IsPostgres ? await OnPostgresAsync() : OnSqlite(directory);

    /// <summary>The configuration key an environment variable stands for (<c>Settings__X</c> is <c>Settings:X</c>).</summary>
    public static string ConfigurationKey(string variable) => variable.Replace("__", ":", StringComparison.Ordinal);
}
