using System.Data.Common;
using static VideoConf.Server.Storage.Sql.SqlCommands;

namespace VideoConf.Server.Storage.Sql;

internal sealed class SqlMessageStore(SqlDatabase database) : IMessageStore
{
    public Task<MessageRecord?> FindByIdAsync(string id, CancellationToken cancellationToken = default) =>
        database.ReadAsync(connection =>
            connection.Command("SELECT id, rid, t, msg, user_id, username, name, blocks, ts, updated_at FROM messages WHERE id = @id")
                .With("@id", id).QuerySingleAsync(Map, cancellationToken), cancellationToken);

    public Task InsertAsync(MessageRecord message, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) => InsertAsync(connection, transaction, message, cancellationToken), cancellationToken);

    /// <summary>Inserts inside a caller's transaction (a call's start message is written with the call) and counts it in the room.</summary>
    public static async Task InsertAsync(DbConnection connection, DbTransaction transaction, MessageRecord message, CancellationToken cancellationToken)
    {
        await connection.Command(
                """
                INSERT INTO messages (id, rid, t, msg, user_id, username, name, blocks, ts, updated_at)
                VALUES (@id, @rid, @t, @msg, @user, @username, @name, @blocks, @ts, @updated)
                """, transaction)
            .With("@id", message.Id).With("@rid", message.RoomId).With("@t", message.Type).With("@msg", message.Msg)
            .With("@user", message.UserId).With("@username", message.Username).With("@name", message.Name)
            .With("@blocks", message.BlocksJson).With("@ts", ToMs(message.Ts)).With("@updated", ToMs(message.UpdatedAt))
            .ExecuteNonQueryAsync(cancellationToken);
        await connection.Command("UPDATE rooms SET msgs = msgs + 1, updated_at = @updated WHERE id = @rid", transaction)
            .With("@updated", ToMs(message.UpdatedAt)).With("@rid", message.RoomId)
            .ExecuteNonQueryAsync(cancellationToken);
    }

    private static MessageRecord Map(DbDataReader r) => new(
        Id: r.GetString(0),
        RoomId: r.GetString(1),
        Type: r.GetNullableString(2),
        Msg: r.GetString(3),
        UserId: r.GetString(4),
        Username: r.GetString(5),
        Name: r.GetString(6),
        BlocksJson: r.GetNullableString(7),
        Ts: FromMs(r.GetInt64(8)),
        UpdatedAt: FromMs(r.GetInt64(9)));
}
