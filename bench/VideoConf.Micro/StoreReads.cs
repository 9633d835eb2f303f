using BenchmarkDotNet.Attributes;
using VideoConf.Server.Storage;
using VideoConf.Server.Storage.Sql;
using VideoConf.Server.Storage.Sqlite;

namespace VideoConf.Micro;

/// <summary>
/// A 50-call list page out of a SQLite room of 10,000 calls: read in place through the raw statement (what
/// <c>list</c> does), against the same rows copied out through ADO.NET (what it did before), and the small read of
/// the room's version that every request makes.
/// </summary>
[MemoryDiagnoser]
public class StoreReads
{
    private const int Calls = 10_000;
    private readonly byte[] _page = new byte[64 * 1024];
    private string _directory = null!;
    private SqliteDatabase _database = null!;
    private SqlCallStore _store = null!;
    private string _roomId = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("videoconf-micro-").FullName;
        _database = new SqliteDatabase($"Data Source={Path.Combine(_directory, "micro.db")}", 30);
        new SqlMigrator(_database).MigrateAsync().GetAwaiter().GetResult();
        _store = new SqlCallStore(_database);
        _roomId = Ids.NewId();
        var created = new DateTime(2026, 1, 27, 7, 45, 14, 533, DateTimeKind.Utc);
        var actor = new CallActor("fRv4qm8ycWHXSA7af", "Jane Doe", "jane.doe");
        var calls = Enumerable.Range(0, Calls).Select(i =>
        {
            var at = created.AddSeconds(i);
            var id = Ids.NewObjectId(at);
            return new CallRecord(id, CallType.Conference, _roomId, 0, [new CallUser(actor.Id, actor.Username, actor.Name, null, at)], Ids.NewId(),
                CallStatus.Expired, 0, "Bench room", at, actor, "jitsi", false, $"https://meet.jit.si/RocketChat{id}", at.AddHours(24), null,
                at.AddHours(24), null, null, null);
        }).ToList();
        _store.BulkInsertAsync(_roomId, calls).GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public async Task<int> PageInPlace()
    {
        var written = 0;
        await _store.ReadPageJsonAsync(_roomId, 0, 50, json =>
        {
            json.CopyTo(_page.AsSpan(written));
            written += json.Length;
        });
        return written;
    }

    [Benchmark]
    public async Task<int> PageCopiedThroughAdo()
    {
        var written = 0;
        await foreach (var json in _store.StreamRoomJsonAsync(_roomId, Calls - 50, new StreamTotal()))
        {
            json.Span.CopyTo(_page.AsSpan(written));
            written += json.Length;
        }
        return written;
    }

    [Benchmark]
    public async Task<long> RoomVersion() => (await _store.ReadRoomStampAsync(_roomId))!.Version;

    [GlobalCleanup]
    public void Cleanup()
    {
        _database.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
