using System.Data.Common;
using Microsoft.Data.Sqlite;
using VideoConf.Server.Storage.Sql;
using VideoConf.Server.Storage.Sqlite;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Storage;

/// <summary>The SQLite store's own machinery: the group writer, pooled connections, prepared statements (checkpoints: <see cref="SqliteCheckpointerTests"/>).</summary>
public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly TestDirectory _directory = TestDirectory.Create();
    private readonly SqliteDatabase _database;

    public SqliteDatabaseTests()
    {
        _database = new SqliteDatabase($"Data Source={_directory.File("store.db")}", 5);
        new SqlMigrator(_database).MigrateAsync().GetAwaiter().GetResult();
        _database.WriteAsync((c, t) => c.OneOffCommand("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)", t)
            .ExecuteNonQueryAsync(), CancellationToken.None).GetAwaiter().GetResult();
    }

    [Fact]
    public async Task FailingWrite_InAGroup_RollsBackOnlyItself()
    {
        await InsertAsync(1, "taken");
        // Queued together, so the writer runs them as one group: the duplicate name fails, and with it the row its
        // write inserted first; the writes around it commit.
        var writes = Enumerable.Range(10, 20).Select(i => i == 20
            ? _database.WriteAsync(async (c, t) =>
            {
                await c.Command("INSERT INTO items (id, name) VALUES (@id, @name)", t).With("@id", 100L).With("@name", "partial").ExecuteNonQueryAsync();
                await c.Command("INSERT INTO items (id, name) VALUES (@id, @name)", t).With("@id", 101L).With("@name", "taken").ExecuteNonQueryAsync();
            }, CancellationToken.None)
            : InsertAsync(i, $"item-{i}")).ToList();

        var failure = await Assert.ThrowsAsync<SqliteException>(() => writes[10]);
        Assert.Equal(19 /* CONSTRAINT */, failure.SqliteErrorCode);
        await Task.WhenAll(writes.Where((_, i) => i != 10));
        var names = await NamesAsync();
        Assert.Equal(["taken", .. Enumerable.Range(10, 20).Where(i => i != 20).Select(i => $"item-{i}")], names);
    }

    [Fact]
    public async Task Writes_RunInTheOrderTheyWereQueued_AndSeeEachOther()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => _database.WriteAsync(async (c, t) =>
        {
            await c.Command("INSERT INTO items (id, name) VALUES (@id, @name)", t).With("@id", (long)i).With("@name", $"n{i}").ExecuteNonQueryAsync();
            return await c.Command("SELECT COUNT(*) FROM items WHERE id <= @id", t).With("@id", (long)i).ScalarInt64Async(CancellationToken.None);
        }, CancellationToken.None)));

        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long?)i), results);
    }

    [Fact]
    public async Task Reads_ReuseTheirConnectionAndPreparedCommand()
    {
        DbConnection? first = null;
        DbCommand? firstCommand = null;
        await _database.ReadAsync(c =>
        {
            first = c;
            firstCommand = c.Command("SELECT name FROM items WHERE id = @id").With("@id", 1L);
            return Task.FromResult(true);
        }, CancellationToken.None);

        await InsertAsync(7, "seven");
        var name = await _database.ReadAsync(async c =>
        {
            Assert.Same(first, c);
            var command = c.Command("SELECT name FROM items WHERE id = @id");
            Assert.Same(firstCommand, command);
            Assert.Empty(command.Parameters);
            return await command.With("@id", 7L).ExecuteScalarAsync();
        }, CancellationToken.None);
        Assert.Equal("seven", name);
    }

    [Fact]
    public async Task OneOffCommands_AreNeverCached()
    {
        await _database.ReadAsync(c =>
        {
            Assert.NotSame(c.OneOffCommand("SELECT 1"), c.OneOffCommand("SELECT 1"));
            Assert.Same(c.Command("SELECT 1"), c.Command("SELECT 1"));
            return Task.FromResult(true);
        }, CancellationToken.None);
    }

    [Fact]
    public async Task BlobRows_AreReadInPlace_AndTheirStatementIsReusable()
    {
        await _database.WriteAsync((c, t) => c.OneOffCommand("CREATE TABLE blobs (n INTEGER, data BLOB)", t).ExecuteNonQueryAsync(), CancellationToken.None);
        await _database.WriteAsync((c, t) => c.Command("INSERT INTO blobs VALUES (1, x'7B7D'), (2, x''), (3, x'5B315D')", t).ExecuteNonQueryAsync(),
            CancellationToken.None);

        for (var round = 0; round < 3; round++)
        {
            var rows = new List<string>();
            await _database.ReadBlobRowsAsync("SELECT n, data FROM blobs WHERE n >= @from ORDER BY n", [("@from", 1L)],
                (n, blob) => rows.Add($"{n}:{System.Text.Encoding.UTF8.GetString(blob)}"), CancellationToken.None);
            Assert.Equal(["1:{}", "2:", "3:[1]"], rows);
        }
    }

    private Task InsertAsync(long id, string name) =>
        _database.WriteAsync((c, t) => c.Command("INSERT INTO items (id, name) VALUES (@id, @name)", t).With("@id", id).With("@name", name)
            .ExecuteNonQueryAsync(), CancellationToken.None);

    private Task<List<string>> NamesAsync() =>
        _database.ReadAsync(c => c.Command("SELECT name FROM items ORDER BY id").QueryListAsync(r => r.GetString(0), CancellationToken.None),
            CancellationToken.None);

    public void Dispose()
    {
        _database.Dispose();
        _directory.Dispose();
    }
}
