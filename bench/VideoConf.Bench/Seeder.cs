using System.Diagnostics;
using System.Globalization;
using VideoConf.Server.Accounts;
using VideoConf.Server.Storage;
using VideoConf.Server.Storage.Postgres;
using VideoConf.Server.Storage.Sql;
using VideoConf.Server.Storage.Sqlite;

namespace VideoConf.Bench;

/// <summary>What the seeder made, for the runner to use.</summary>
internal sealed record SeededRoom(string RoomId, string Username, string Password);

/// <summary>
/// Loads a store with a bot user (role <c>bot</c>: bypasses the rate limiter), a room it owns and N ended calls in
/// that room, through the call store's bulk path in batches.
/// </summary>
internal static class Seeder
{
    public const string Username = "bench-bot";
    public const string Password = "bench-bot-password";
    private const int Batch = 20_000;

    public static async Task<SeededRoom> SeedAsync(string provider, string connectionString, int calls)
    {
        SqlDatabase database = provider == "postgres"
            ? new PostgresDatabase(connectionString, 600, TimeProvider.System)
            : new SqliteDatabase(connectionString, 600);
        // Without the server's host, the seeder runs the SQLite checkpointer itself, so the log stays bounded.
        using var checkpointer = database is SqliteDatabase sqlite ? new SqliteCheckpointer(sqlite) : null;
        if (checkpointer is not null)
        {
            await checkpointer.StartAsync(CancellationToken.None);
        }
        await new SqlMigrator(database).MigrateAsync();
        var users = new SqlUserStore(database);
        var rooms = new SqlRoomStore(database);
        var store = new SqlCallStore(database);
        var now = DateTime.UtcNow;

        var user = new UserRecord(Ids.NewId(), Username, "Bench Bot", "bench-bot@videoconf.bench", true,
            BCrypt.Net.BCrypt.HashPassword(Tokens.Sha256Hex(Password), 4), ["bot"], true, "offline", null, now, now);
        if (await users.CreateAsync(user) != CreateUserOutcome.Created)
        {
            user = (await users.FindByUsernameAsync(Username))!;
        }
        var room = new RoomRecord(Ids.NewId(), "c", $"bench-room-{Guid.NewGuid():N}"[..20], "Bench room", user.Id, user.Username,
            0, 1, false, null, null, now, now);
        var subscription = new SubscriptionRecord(Ids.NewId(), room.Id, user.Id, user.Username, "c", room.Name, room.FName, ["owner"],
            true, false, now, now);
        await rooms.CreateAsync(room, [subscription]);

        var clock = Stopwatch.StartNew();
        var start = now.AddDays(-30);
        for (var done = 0; done < calls; done += Batch)
        {
            var batch = Enumerable.Range(done, Math.Min(Batch, calls - done)).Select(i => NewCall(room.Id, user, start.AddSeconds(i))).ToList();
            await store.BulkInsertAsync(room.Id, batch);
            Console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\rseeded {done + batch.Count:N0} calls in {clock.Elapsed.TotalSeconds:F0} s"));
        }
        Console.Error.WriteLine();
        if (checkpointer is not null)
        {
            await checkpointer.StopAsync(CancellationToken.None);
        }
        return new SeededRoom(room.Id, Username, Password);
    }

    private static CallRecord NewCall(string roomId, UserRecord user, DateTime createdAt)
    {
        var id = Ids.NewObjectId(createdAt);
        var actor = new CallActor(user.Id, user.Name, user.Username);
        return new CallRecord(id, CallType.Conference, roomId, 0,
            [new CallUser(user.Id, user.Username, user.Name, null, createdAt.AddSeconds(1))],
            Ids.NewId(), CallStatus.Expired, 0, "Bench room", createdAt, actor, "jitsi", false,
            $"https://meet.jit.si/RocketChat{id}", createdAt.AddHours(24), null, createdAt.AddHours(24), null, null, null);
    }
}
