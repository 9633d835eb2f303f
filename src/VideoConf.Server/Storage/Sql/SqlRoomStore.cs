using System.Data.Common;
using static VideoConf.Server.Storage.Sql.SqlCommands;

namespace VideoConf.Server.Storage.Sql;

internal sealed class SqlRoomStore(SqlDatabase database) : IRoomStore
{
    private const string RoomColumns = "id, t, name, fname, owner_id, owner_username, msgs, users_count, ro, uids, usernames, ts, updated_at";
    private const string SubscriptionColumns = "id, rid, user_id, username, t, name, fname, roles, open, alert, ts, updated_at";
    private const string SubscriptionValues = "@id, @rid, @user, @username, @t, @name, @fname, @roles, @open, @alert, @ts, @updated";

    public Task<RoomRecord?> FindByIdAsync(string id, CancellationToken cancellationToken = default) =>
        database.ReadAsync(connection =>
            connection.Command($"SELECT {RoomColumns} FROM rooms WHERE id = @id").With("@id", id).QuerySingleAsync(MapRoom, cancellationToken),
            cancellationToken);

    public Task<string?> FindTypeAsync(string id, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
            await connection.Command("SELECT t FROM rooms WHERE id = @id").With("@id", id).ExecuteScalarAsync(cancellationToken) as string,
            cancellationToken);

    public Task<RoomRecord?> FindByNameAsync(string name, CancellationToken cancellationToken = default) =>
        database.ReadAsync(connection =>
            connection.Command($"SELECT {RoomColumns} FROM rooms WHERE lower(name) = lower(@name) AND t IN ('c', 'p')")
                .With("@name", name).QuerySingleAsync(MapRoom, cancellationToken), cancellationToken);

    public Task<CreateRoomOutcome> CreateAsync(RoomRecord room, IReadOnlyList<SubscriptionRecord> subscriptions, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            if (await InsertRoom(connection, transaction, room, null, cancellationToken) == 0)
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
            var key = string.Join(',', (room.Uids ?? []).Order(StringComparer.Ordinal));
            if (await InsertRoom(connection, transaction, room, key, cancellationToken) == 1)
            {
                foreach (var subscription in subscriptions)
                {
                    await InsertSubscription(connection, transaction, subscription, cancellationToken);
                }
                return room;
            }
            return (await connection.Command($"SELECT {RoomColumns} FROM rooms WHERE direct_key = @key", transaction)
                .With("@key", key).QuerySingleAsync(MapRoom, cancellationToken))!;
        }, cancellationToken);

    public Task<SubscriptionRecord?> FindSubscriptionAsync(string roomId, string userId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(connection =>
            connection.Command($"SELECT {SubscriptionColumns} FROM subscriptions WHERE rid = @rid AND user_id = @user")
                .With("@rid", roomId).With("@user", userId)
                .QuerySingleAsync(MapSubscription, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<string>> FindMemberIdsAsync(string roomId, int max, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<string>>(async connection =>
            await connection.Command("SELECT user_id FROM subscriptions WHERE rid = @rid ORDER BY user_id LIMIT @max")
                .With("@rid", roomId).With("@max", max)
                .QueryListAsync(r => r.GetString(0), cancellationToken), cancellationToken);

    public Task<RoomPage> ListAsync(string type, string? memberId, int offset, int? limit, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            DbCommand Filtered(string select, string rest)
            {
                var command = memberId is null
                    ? connection.Command($"{select} FROM rooms WHERE t = @t {rest}")
                    : connection.Command($"{select} FROM rooms WHERE t = @t AND id IN (SELECT rid FROM subscriptions WHERE user_id = @member) {rest}")
                        .With("@member", memberId);
                return command.With("@t", type);
            }
            var rooms = await Filtered($"SELECT {RoomColumns}", "ORDER BY ts, id LIMIT @limit OFFSET @offset")
                .With("@limit", limit ?? int.MaxValue).With("@offset", offset)
                .QueryListAsync(MapRoom, cancellationToken);
            var total = await Filtered("SELECT COUNT(*)", string.Empty).ScalarInt64Async(cancellationToken);
            return new RoomPage(rooms, total ?? 0);
        }, cancellationToken);

    public Task<bool> AddSubscriptionAsync(SubscriptionRecord subscription, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            if (await InsertSubscription(connection, transaction, subscription, cancellationToken) == 0)
            {
                return false;
            }
            await connection.Command("UPDATE rooms SET users_count = users_count + 1, updated_at = @updated WHERE id = @rid", transaction)
                .With("@updated", ToMs(subscription.UpdatedAt)).With("@rid", subscription.RoomId)
                .ExecuteNonQueryAsync(cancellationToken);
            return true;
        }, cancellationToken);

    public Task<bool> RemoveSubscriptionAsync(string roomId, string userId, DateTime updatedAt, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var removed = await connection.Command("DELETE FROM subscriptions WHERE rid = @rid AND user_id = @user", transaction)
                .With("@rid", roomId).With("@user", userId).ExecuteNonQueryAsync(cancellationToken);
            if (removed == 0)
            {
                return false;
            }
            await connection.Command("UPDATE rooms SET users_count = users_count - 1, updated_at = @updated WHERE id = @rid AND users_count > 0", transaction)
                .With("@updated", ToMs(updatedAt)).With("@rid", roomId).ExecuteNonQueryAsync(cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>Inserts the room; 0 rows when its name (or, for a direct room, its set of members) is taken.</summary>
    private static Task<int> InsertRoom(DbConnection connection, DbTransaction transaction, RoomRecord room, string? directKey, CancellationToken cancellationToken) =>
        connection.Command(
                $"""
                INSERT INTO rooms ({RoomColumns}, direct_key)
                VALUES (@id, @t, @name, @fname, @owner, @ownerName, @msgs, @count, @ro, @uids, @usernames, @ts, @updated, @key)
                ON CONFLICT DO NOTHING
                """, transaction)
            .With("@id", room.Id).With("@t", room.Type).With("@name", room.Name).With("@fname", room.FName)
            .With("@owner", room.OwnerId).With("@ownerName", room.OwnerUsername).With("@msgs", room.Msgs).With("@count", room.UsersCount)
            .With("@ro", room.ReadOnly).With("@uids", room.Uids is null ? null : ToJsonList(room.Uids))
            .With("@usernames", room.Usernames is null ? null : ToJsonList(room.Usernames))
            .With("@ts", ToMs(room.Ts)).With("@updated", ToMs(room.UpdatedAt)).With("@key", directKey)
            .ExecuteNonQueryAsync(cancellationToken);

    /// <summary>Inserts the subscription; 0 rows when the user is already a member.</summary>
    private static Task<int> InsertSubscription(DbConnection connection, DbTransaction transaction, SubscriptionRecord s, CancellationToken cancellationToken) =>
        connection.Command($"INSERT INTO subscriptions ({SubscriptionColumns}) VALUES ({SubscriptionValues}) ON CONFLICT DO NOTHING", transaction)
            .With("@id", s.Id).With("@rid", s.RoomId).With("@user", s.UserId).With("@username", s.Username).With("@t", s.RoomType)
            .With("@name", s.Name).With("@fname", s.FName).With("@roles", ToJsonList(s.Roles)).With("@open", s.Open).With("@alert", s.Alert)
            .With("@ts", ToMs(s.Ts)).With("@updated", ToMs(s.UpdatedAt))
            .ExecuteNonQueryAsync(cancellationToken);

    private static RoomRecord MapRoom(DbDataReader r) => new(
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

    private static SubscriptionRecord MapSubscription(DbDataReader r) => new(
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
