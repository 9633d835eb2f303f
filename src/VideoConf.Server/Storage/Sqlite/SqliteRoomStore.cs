using Microsoft.Data.Sqlite;
using static VideoConf.Server.Storage.Sqlite.SqliteCommands;

namespace VideoConf.Server.Storage.Sqlite;

internal sealed class SqliteRoomStore(SqliteDatabase database) : IRoomStore
{
    private const string RoomColumns = "id, t, name, fname, owner_id, owner_username, msgs, users_count, ro, uids, usernames, ts, updated_at";
    private const string SubscriptionColumns = "id, rid, user_id, username, t, name, fname, roles, open, alert, ts, updated_at";

    public Task<RoomRecord?> FindByIdAsync(string id, CancellationToken cancellationToken = default) =>
        database.ReadAsync(connection => FindRoom(connection, null, id, cancellationToken), cancellationToken);

    public Task<RoomRecord?> FindByNameAsync(string name, CancellationToken cancellationToken = default) =>
        database.ReadAsync(connection =>
            connection.Command($"SELECT {RoomColumns} FROM rooms WHERE name = $name COLLATE NOCASE AND t IN ('c', 'p')")
                .With("$name", name).QuerySingleAsync(MapRoom, cancellationToken), cancellationToken);

    public Task<CreateRoomOutcome> CreateAsync(RoomRecord room, IReadOnlyList<SubscriptionRecord> subscriptions, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            try
            {
                await InsertRoom(connection, transaction, room, null, cancellationToken);
            }
            catch (SqliteException ex) when (ex.IsUniqueViolation())
            {
                return CreateRoomOutcome.DuplicateName;
            }
            foreach (var subscription in subscriptions)
            {
                await InsertSubscription(connection, transaction, subscription, cancellationToken);
            }
            return CreateRoomOutcome.Created;
        }, cancellationToken);

    public Task<RoomRecord> GetOrCreateDirectAsync(RoomRecord room, IReadOnlyList<SubscriptionRecord> subscriptions, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var key = DirectKey(room.Uids ?? []);
            var existing = await connection.Command($"SELECT {RoomColumns} FROM rooms WHERE direct_key = $key", transaction)
                .With("$key", key).QuerySingleAsync(MapRoom, cancellationToken);
            if (existing is not null)
            {
                return existing;
            }
            await InsertRoom(connection, transaction, room, key, cancellationToken);
            foreach (var subscription in subscriptions)
            {
                await InsertSubscription(connection, transaction, subscription, cancellationToken);
            }
            return room;
        }, cancellationToken);

    public Task<SubscriptionRecord?> FindSubscriptionAsync(string roomId, string userId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(connection =>
            connection.Command($"SELECT {SubscriptionColumns} FROM subscriptions WHERE rid = $rid AND user_id = $user")
                .With("$rid", roomId).With("$user", userId)
                .QuerySingleAsync(MapSubscription, cancellationToken), cancellationToken);

    public Task<bool> AddSubscriptionAsync(SubscriptionRecord subscription, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var inserted = await WithSubscription(connection.Command(
                    $"""
                    INSERT INTO subscriptions ({SubscriptionColumns})
                    VALUES ($id, $rid, $user, $username, $t, $name, $fname, $roles, $open, $alert, $ts, $updated)
                    ON CONFLICT (rid, user_id) DO NOTHING
                    """, transaction), subscription)
                .ExecuteNonQueryAsync(cancellationToken);
            if (inserted == 0)
            {
                return false;
            }
            await connection.Command("UPDATE rooms SET users_count = users_count + 1, updated_at = $updated WHERE id = $rid", transaction)
                .With("$updated", ToMs(subscription.UpdatedAt)).With("$rid", subscription.RoomId)
                .ExecuteNonQueryAsync(cancellationToken);
            return true;
        }, cancellationToken);

    public Task<bool> RemoveSubscriptionAsync(string roomId, string userId, DateTime updatedAt, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var removed = await connection.Command("DELETE FROM subscriptions WHERE rid = $rid AND user_id = $user", transaction)
                .With("$rid", roomId).With("$user", userId).ExecuteNonQueryAsync(cancellationToken);
            if (removed == 0)
            {
                return false;
            }
            await connection.Command("UPDATE rooms SET users_count = MAX(users_count - 1, 0), updated_at = $updated WHERE id = $rid", transaction)
                .With("$updated", ToMs(updatedAt)).With("$rid", roomId).ExecuteNonQueryAsync(cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>A direct room is identified by its set of members, whatever order they were named in.</summary>
    private static string DirectKey(IReadOnlyList<string> uids) => string.Join(',', uids.Order(StringComparer.Ordinal));

    private static Task<RoomRecord?> FindRoom(SqliteConnection connection, SqliteTransaction? transaction, string id, CancellationToken cancellationToken) =>
        connection.Command($"SELECT {RoomColumns} FROM rooms WHERE id = $id", transaction).With("$id", id).QuerySingleAsync(MapRoom, cancellationToken);

    private static Task<int> InsertRoom(SqliteConnection connection, SqliteTransaction transaction, RoomRecord room, string? directKey, CancellationToken cancellationToken) =>
        connection.Command(
                $"""
                INSERT INTO rooms ({RoomColumns}, direct_key)
                VALUES ($id, $t, $name, $fname, $owner, $ownerName, $msgs, $count, $ro, $uids, $usernames, $ts, $updated, $key)
                """, transaction)
            .With("$id", room.Id).With("$t", room.Type).With("$name", room.Name).With("$fname", room.FName)
            .With("$owner", room.OwnerId).With("$ownerName", room.OwnerUsername).With("$msgs", room.Msgs).With("$count", room.UsersCount)
            .With("$ro", room.ReadOnly).With("$uids", room.Uids is null ? null : ToJsonList(room.Uids))
            .With("$usernames", room.Usernames is null ? null : ToJsonList(room.Usernames))
            .With("$ts", ToMs(room.Ts)).With("$updated", ToMs(room.UpdatedAt)).With("$key", directKey)
            .ExecuteNonQueryAsync(cancellationToken);

    private static Task<int> InsertSubscription(SqliteConnection connection, SqliteTransaction transaction, SubscriptionRecord subscription, CancellationToken cancellationToken) =>
        WithSubscription(connection.Command(
                $"INSERT INTO subscriptions ({SubscriptionColumns}) VALUES ($id, $rid, $user, $username, $t, $name, $fname, $roles, $open, $alert, $ts, $updated)",
                transaction), subscription)
            .ExecuteNonQueryAsync(cancellationToken);

    private static SqliteCommand WithSubscription(SqliteCommand command, SubscriptionRecord s) =>
        command.With("$id", s.Id).With("$rid", s.RoomId).With("$user", s.UserId).With("$username", s.Username).With("$t", s.RoomType)
            .With("$name", s.Name).With("$fname", s.FName).With("$roles", ToJsonList(s.Roles)).With("$open", s.Open).With("$alert", s.Alert)
            .With("$ts", ToMs(s.Ts)).With("$updated", ToMs(s.UpdatedAt));

    private static RoomRecord MapRoom(SqliteDataReader r) => new(
        Id: r.GetString(0),
        Type: r.GetString(1),
        Name: r.GetNullableString(2),
        FName: r.GetNullableString(3),
        OwnerId: r.GetNullableString(4),
        OwnerUsername: r.GetNullableString(5),
        Msgs: r.GetInt64(6),
        UsersCount: r.GetInt32(7),
        ReadOnly: r.GetBoolean(8),
        Uids: r.IsDBNull(9) ? null : FromJsonList(r.GetString(9)),
        Usernames: r.IsDBNull(10) ? null : FromJsonList(r.GetString(10)),
        Ts: FromMs(r.GetInt64(11)),
        UpdatedAt: FromMs(r.GetInt64(12)));

    private static SubscriptionRecord MapSubscription(SqliteDataReader r) => new(
        Id: r.GetString(0),
        RoomId: r.GetString(1),
        UserId: r.GetString(2),
        Username: r.GetString(3),
        RoomType: r.GetString(4),
        Name: r.GetNullableString(5),
        FName: r.GetNullableString(6),
        Roles: FromJsonList(r.GetString(7)),
        Open: r.GetBoolean(8),
        Alert: r.GetBoolean(9),
        Ts: FromMs(r.GetInt64(10)),
        UpdatedAt: FromMs(r.GetInt64(11)));
}
