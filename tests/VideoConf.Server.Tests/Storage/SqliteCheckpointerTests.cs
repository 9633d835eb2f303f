using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using VideoConf.Server.Storage.Sql;
using VideoConf.Server.Storage.Sqlite;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Storage;

/// <summary>
/// The SQLite checkpointer as a hosted service on a fake clock. The writer never checkpoints (wal_autocheckpoint=0)
/// and nothing else here does, so the database file grows only when the checkpointer copies the log back.
/// </summary>
public sealed class SqliteCheckpointerTests : IDisposable
{
    private const int RowsPerBatch = 500;
    private const long BatchBytes = RowsPerBatch * 2000L;
    private readonly TestDirectory _directory = TestDirectory.Create();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 27, 7, 45, 14, 533, TimeSpan.Zero));
    private readonly SqliteDatabase _database;

    public SqliteCheckpointerTests()
    {
        _database = new SqliteDatabase($"Data Source={DatabaseFile}", 5);
        new SqlMigrator(_database).MigrateAsync().GetAwaiter().GetResult();
        _database.WriteAsync((c, t) => c.OneOffCommand("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL)", t)
            .ExecuteNonQueryAsync(), CancellationToken.None).GetAwaiter().GetResult();
    }

    private string DatabaseFile => _directory.File("store.db");

    [Fact]
    public async Task ACommit_IsCopiedBackAtOnce_TheNextOneAtTheNextIntervalOfTheClock_AndWhatIsLeftWhenTheServiceStops()
    {
        // The set-up's commits are left in the log and copied back with the first batch.
        Assert.True(_database.Commits.TryTake());
        using var checkpointer = new SqliteCheckpointer(_database, _time);
        await checkpointer.StartAsync(CancellationToken.None);

        await InsertBatchAsync(0);
        var first = await FileLengthAfterAsync(length => length >= BatchBytes);
        Assert.True(first >= BatchBytes, $"the first batch was not copied back: {first} bytes");

        await InsertBatchAsync(1);
        await Task.Delay(500);
        var waiting = new FileInfo(DatabaseFile).Length;
        Assert.True(waiting < first + BatchBytes / 2, $"the second batch was copied back before the interval passed on the clock: {waiting} bytes");

        _time.Advance(SqliteCheckpointer.Interval);
        var second = await FileLengthAfterAsync(length => length >= first + BatchBytes);
        Assert.True(second >= first + BatchBytes, $"the second batch was not copied back after the interval: {second} bytes");

        await InsertBatchAsync(2);
        await checkpointer.StopAsync(CancellationToken.None);
        var stopped = new FileInfo(DatabaseFile).Length;
        Assert.True(stopped >= second + BatchBytes, $"the third batch was not copied back when the service stopped: {stopped} bytes");
    }

    [Fact]
    public void TheServer_RunsTheCheckpointer_OnlyOnSqlite()
    {
        using var factory = new VideoConfFactory();

        var checkpointers = factory.Services.GetServices<IHostedService>().OfType<SqliteCheckpointer>().Count();

        Assert.Equal(TestBackend.IsPostgres ? 0 : 1, checkpointers);
    }

    /// <summary>One transaction, so one commit and one signal for the whole batch.</summary>
    private Task InsertBatchAsync(int batch) =>
        _database.WriteAsync(async (c, t) =>
        {
            for (var i = 0; i < RowsPerBatch; i++)
            {
                await c.Command("INSERT INTO items (id, name) VALUES (@id, @name)", t)
                    .With("@id", (long)(batch * RowsPerBatch) + i).With("@name", new string('x', 2000)).ExecuteNonQueryAsync();
            }
        }, CancellationToken.None);

    /// <summary>The file's length once <paramref name="done"/> holds, or when <see cref="Eventually"/> gives up (the caller asserts).</summary>
    private Task<long> FileLengthAfterAsync(Func<long, bool> done) =>
        Eventually.PollAsync(() => Task.FromResult(new FileInfo(DatabaseFile).Length), done, Eventually.DefaultBound);

    public void Dispose()
    {
        _database.Dispose();
        _directory.Dispose();
    }
}
