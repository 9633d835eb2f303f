using System.Net;
using System.Text.Json;
using Npgsql;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Operations;

/// <summary>
/// operations.md §1: the start-up summary line, the console log format, and Rocket.Chat's environment conventions
/// (<c>PORT</c>, <c>ROOT_URL</c>, <c>DATABASE_URL</c>, <c>VIDEOCONF_DATA</c>), on the server's own process.
/// </summary>
public sealed class StartupSummaryTests : IDisposable
{
    private readonly TestDirectory _directory = TestDirectory.Create();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Start_WithRocketChatVariables_ListensOnPortOverHttpPorts_KeepsDataInVideoConfData_AndSummarizesInJson()
    {
        var data = Directory.CreateDirectory(Path.Combine(_directory.Path, "data")).FullName;
        var port = LoopbackPort.Free();
        var environment = ServerEnvironment.Defaults();
        environment["Logging__LogLevel__Default"] = "Information";
        environment["ASPNETCORE_URLS"] = "";
        environment["ASPNETCORE_HTTP_PORTS"] = LoopbackPort.Free().ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["VIDEOCONF_DATA"] = data;
        environment["ROOT_URL"] = "https://chat.example.org";
        await using var server = await ServerProcess.StartAsync(environment, _directory.Path);

        var siteUrl = await (await server.LoginAdminAsync()).GetAsync("settings/Site_Url");

        siteUrl.AssertBody(HttpStatusCode.OK, """{"_id":"Site_Url","value":"https://chat.example.org","success":true}""");
        var database = Path.Combine(data, "videoconf.db");
        Assert.True(File.Exists(database), "no videoconf.db in VIDEOCONF_DATA");
        Assert.False(File.Exists(_directory.File("videoconf.db")), "videoconf.db in the working directory despite VIDEOCONF_DATA");
        var summary = SummaryMessage(await EventuallySummaryAsync(server));
        Assert.Contains($":{port}", summary, StringComparison.Ordinal);
        Assert.Contains($"store: SQLite file {database}", summary, StringComparison.Ordinal);
        Assert.Matches(@"schema version \d+;", summary);
        Assert.Contains("Redis: not used", summary, StringComparison.Ordinal);
        Assert.Contains("providers: jitsi (default the first enabled)", summary, StringComparison.Ordinal);
        Assert.Contains("admin: exists", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithoutAnAdmin_SaysHowToCreateOne_InPlainLinesWhenConfigured()
    {
        var environment = ServerEnvironment.OnSqlite(_directory);
        environment.Remove("ADMIN_PASS");
        environment["Logging__LogLevel__Default"] = "Information";
        environment["Logging__Console__FormatterName"] = "simple";
        await using var server = await ServerProcess.StartAsync(environment, _directory.Path);

        var line = await EventuallySummaryAsync(server);

        Assert.DoesNotContain("{", line, StringComparison.Ordinal);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z info: ", line);
        Assert.Contains("admin: none yet (set ADMIN_USERNAME, ADMIN_PASS and ADMIN_EMAIL and restart to create one)", line, StringComparison.Ordinal);
    }

    [Theory, OnPostgres]
    public async Task Start_WithDatabaseUrl_ServesFromThatPostgresDatabase(StoreBackend backend)
    {
        Assert.Equal(StoreBackend.Postgres, backend);
        var connection = new NpgsqlConnectionStringBuilder(await (await PostgresServer.Shared).CreateDatabaseAsync());
        var environment = ServerEnvironment.Defaults();
        environment["Logging__LogLevel__Default"] = "Information";
        environment["DATABASE_URL"] = $"postgres://{connection.Username}@{connection.Host}:{connection.Port}/{connection.Database}";
        await using var server = await ServerProcess.StartAsync(environment, _directory.Path);

        await server.LoginAdminAsync();

        var summary = SummaryMessage(await EventuallySummaryAsync(server));
        Assert.Contains($"store: PostgreSQL database {connection.Database} on {connection.Host}:{connection.Port}", summary, StringComparison.Ordinal);
        Assert.False(File.Exists(_directory.File("videoconf.db")), "a SQLite file was created although DATABASE_URL is set");
    }

    private static async Task<string> EventuallySummaryAsync(ServerProcess server)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var line = server.Output.Split('\n').FirstOrDefault(l => l.Contains("listening on", StringComparison.Ordinal) && l.Contains("schema version", StringComparison.Ordinal));
            if (line is not null || DateTime.UtcNow > deadline)
            {
                return line?.TrimEnd('\r') ?? throw new Xunit.Sdk.XunitException($"No start-up summary in:\n{server.Output}");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>The message of a JSON log line, after checking it carries a UTC timestamp.</summary>
    private static string SummaryMessage(string line)
    {
        using var json = JsonDocument.Parse(line);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", json.RootElement.GetProperty("Timestamp").GetString());
        return json.RootElement.GetProperty("Message").GetString()!;
    }
}
