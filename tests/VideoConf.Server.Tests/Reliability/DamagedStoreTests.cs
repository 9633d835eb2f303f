using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Reliability;

/// <summary>
/// A damaged store: a file that is not a database, or cannot be created, stops the start with one line naming the
/// file and the cause (no stack trace); a stored call whose bytes are not JSON never reaches a client inside a
/// document that does not parse.
/// </summary>
public sealed class DamagedStoreTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    public static TheoryData<string, string> DamagedFiles => new()
    {
        { "garbage", "file is not a database" },
        { "under-a-file", "unable to open database file" },
    };

    [Theory]
    [MemberData(nameof(DamagedFiles))]
    public async Task Start_OnADamagedOrUnwritableSqliteFile_ExitsNonZeroWithOneLineNamingTheFileAndTheCause(string damage, string cause)
    {
        using var directory = TestDirectory.Create();
        var path = directory.File("videoconf.db");
        if (damage == "garbage")
        {
            await File.WriteAllBytesAsync(path, [.. Enumerable.Range(0, 64 * 1024).Select(i => (byte)(i * 7919 % 251))]);
        }
        else
        {
            // A regular file where the store's directory should be: nothing can be created under it.
            await File.WriteAllTextAsync(directory.File("occupied"), "not a directory");
            path = Path.Combine(directory.File("occupied"), "videoconf.db");
        }

        var (exitCode, output) = await ServerProcess.RunUntilExitAsync(
            new Dictionary<string, string> { ["ConnectionStrings__Sqlite"] = $"Data Source={path}" }, Bound);

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.NotEqual(0, exitCode);
        Assert.True(lines.Length == 1, $"expected one line, got:\n{output}");
        Assert.Contains(path, lines[0], StringComparison.Ordinal);
        Assert.Contains(cause, lines[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"_id":"69786d0ac8b05330207814bd","type":"videoconference","rid":""")]
    [InlineData("""not json at all""")]
    [InlineData("""{"a":1}{"b":2}""")]
    [InlineData("""{"title":"\u0001 raw control"}""")]
    public async Task List_WithAStoredCallThatIsNotJson_NeverSendsADocumentThatDoesNotParse(string damaged)
    {
        await using var factory = new VideoConfFactory();
        var owner = await factory.NewUserAsync("owner");
        var roomId = await owner.CreateChannelAsync();
        await owner.StartCallAsync(roomId);
        var victim = await owner.StartCallAsync(roomId);
        await owner.StartCallAsync(roomId);
        await DamageAsync(factory, victim, System.Text.Encoding.UTF8.GetBytes(damaged.Replace("\\u0001", "\u0001", StringComparison.Ordinal)));

        var page = await owner.GetAsync($"video-conference.list?roomId={roomId}");

        Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
        Assert.Equal(ApiBodies.InternalError, page.Text);
        Assert.Contains(factory.Logs.LinesAtLeast(LogLevel.Error), l => l.Contains(roomId, StringComparison.Ordinal));
        // Streamed, the page has started when the damaged call comes: the connection is cut, never ended as JSON.
        var streamed = await Record.ExceptionAsync(() => owner.GetAsync($"video-conference.list?roomId={roomId}&count=0"));
        Assert.NotNull(streamed);
    }

    private static async Task DamageAsync(VideoConfFactory factory, string callId, byte[] bytes)
    {
        const string sql = "UPDATE video_conferences SET json = @json WHERE id = @id";
        if (factory.PostgresConnectionString is { } postgres)
        {
            await using var connection = new Npgsql.NpgsqlConnection(postgres);
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("json", bytes);
            command.Parameters.AddWithValue("id", callId);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }
        else
        {
            await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=false");
            await connection.OpenAsync();
            await using var command = new SqliteCommand(sql, connection);
            command.Parameters.AddWithValue("@json", bytes);
            command.Parameters.AddWithValue("@id", callId);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }
    }
}
