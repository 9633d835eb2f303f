using System.Collections.Concurrent;
using System.Net;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Operations;

/// <summary>
/// operations.md §4: <c>store backup</c> copies the SQLite store while the server keeps writing; a server started on
/// the copy has every call acknowledged before the backup began; <c>store verify</c> checks a copy.
/// </summary>
public sealed class StoreBackupTests : IDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);
    private readonly TestDirectory _directory = TestDirectory.Create();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Backup_UnderWriteLoad_ThenRestore_KeepsEveryCallAcknowledgedBeforeTheBackupBegan()
    {
        var environment = ServerEnvironment.OnSqlite(_directory);
        var backup = _directory.File("backup.db");
        var acknowledged = new ConcurrentBag<string>();
        string[] beforeBackup;
        await using (var server = await ServerProcess.StartAsync(environment, _directory.Path))
        {
            var admin = await server.LoginAdminAsync();
            var room = await admin.CreateChannelAsync();
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    acknowledged.Add(await admin.StartCallAsync(room));
                }
            })).ToArray();
            await Eventually.HoldsAsync(() => Task.FromResult(acknowledged.Count), n => n >= 30, "30 calls acknowledged", TimeSpan.FromSeconds(30));
            beforeBackup = [.. acknowledged];

            var (exitCode, output) = await ServerProcess.RunUntilExitAsync(environment, CommandTimeout, "store", "backup", backup);

            var duringBackup = acknowledged.Count;
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            Assert.True(exitCode == 0, output);
            Assert.Contains("integrity ok", output, StringComparison.Ordinal);
            Assert.True(duringBackup > beforeBackup.Length, "no call was written while the backup ran");
        }

        var restored = ServerEnvironment.Defaults();
        restored["ConnectionStrings__Sqlite"] = $"Data Source={backup}";
        await using var onBackup = await ServerProcess.StartAsync(restored, _directory.Path);
        var reader = await onBackup.LoginAdminAsync();
        foreach (var callId in beforeBackup)
        {
            var info = await reader.GetAsync($"video-conference.info?callId={callId}");
            Assert.Equal(HttpStatusCode.OK, info.Status);
        }
    }

    [Fact]
    public async Task Backup_IntoAnExistingFile_RefusesAndLeavesItAlone()
    {
        var environment = ServerEnvironment.OnSqlite(_directory);
        await using (await ServerProcess.StartAsync(environment, _directory.Path))
        {
        }
        var target = _directory.File("taken.db");
        await File.WriteAllTextAsync(target, "not a backup");

        var (exitCode, output) = await ServerProcess.RunUntilExitAsync(environment, CommandTimeout, "store", "backup", target);

        Assert.Equal(1, exitCode);
        Assert.Contains("exists already", output, StringComparison.Ordinal);
        Assert.Equal("not a backup", await File.ReadAllTextAsync(target));
    }

    [Fact]
    public async Task Verify_OfADamagedFile_FailsInOneLine()
    {
        var damaged = _directory.File("damaged.db");
        await File.WriteAllBytesAsync(damaged, [.. Enumerable.Repeat((byte)0x5A, 8192)]);

        var (exitCode, output) = await ServerProcess.RunUntilExitAsync(ServerEnvironment.Defaults(), CommandTimeout, "store", "verify", damaged);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("store: ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "store", "--help")]
    [InlineData(2, "store", "frobnicate")]
    [InlineData(2, "store", "backup")]
    public async Task Store_Usage_PrintsHelp_WithExitCode(int expected, params string[] arguments)
    {
        var (exitCode, output) = await ServerProcess.RunUntilExitAsync(ServerEnvironment.Defaults(), CommandTimeout, arguments);

        Assert.Equal(expected, exitCode);
        Assert.Contains("store backup <file>", output, StringComparison.Ordinal);
    }
}
