using System.Text.RegularExpressions;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Operations;

/// <summary>
/// operations.md §1: the start waits a bounded time for PostgreSQL, then stops naming the setting and the host; the
/// schema migrations log each step.
/// </summary>
public sealed class StoreStartupTests : IDisposable
{
    private readonly TestDirectory _directory = TestDirectory.Create();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Start_WithPostgresUnreachable_RetriesForTheStartupWait_ThenExitsNamingTheSettingAndTheHost()
    {
        var port = LoopbackPort.Free();
        var environment = ServerEnvironment.Defaults();
        environment["Storage__Provider"] = "postgres";
        environment["ConnectionStrings__Postgres"] = $"Host=127.0.0.1;Port={port};Username=videoconf;Password=hunter2;Database=videoconf";
        environment["Storage__StartupWaitSeconds"] = "2";

        var (exitCode, output) = await ServerProcess.RunUntilExitAsync(environment, TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Storage:StartupWaitSeconds", output, StringComparison.Ordinal);
        Assert.Contains($"PostgreSQL database videoconf on 127.0.0.1:{port}", output, StringComparison.Ordinal);
        Assert.True(Regex.Matches(output, "Store not reachable \\(attempt \\d+").Count >= 1, output);
        Assert.DoesNotContain("hunter2", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_OnANewStore_LogsEveryMigrationWithItsNumber()
    {
        var environment = ServerEnvironment.OnSqlite(_directory);
        environment["Logging__LogLevel__Default"] = "Information";
        await using var server = await ServerProcess.StartAsync(environment, _directory.Path);

        var applied = Regex.Matches(server.Output, "Applied schema migration (\\d+) in \\d+ ms").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.NotEmpty(applied);
        Assert.Equal(Enumerable.Range(1, applied.Count), applied);
    }
}
