using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using VideoConf.Server.VideoConferences;
using static VideoConf.Server.Storage.Sqlite.SqliteCommands;

namespace VideoConf.Server.Storage.Sqlite;

/// <summary>
/// Calls on SQLite. Each row keeps the call's public JSON (rewritten on every change) and its per-room sequence
/// number; <c>call_sequences</c> holds each room's last number, which is also its total.
/// </summary>
internal sealed class SqliteCallStore(SqliteDatabase database) : ICallStore
{
    private const string Columns = "seq, callee_id, ringing_until, provider_data, json";

    public Task<CallRecord?> FindByIdAsync(string id, CancellationToken cancellationToken = default) =>
        database.ReadAsync(connection => Find(connection, null, id, cancellationToken), cancellationToken);

    public Task<CallRecord> InsertAsync(CallRecord call, MessageRecord startMessage, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var seq = (long)(await connection.Command(
                    """
                    INSERT INTO call_sequences (rid, last_seq) VALUES ($rid, 1)
                    ON CONFLICT (rid) DO UPDATE SET last_seq = last_seq + 1
                    RETURNING last_seq
                    """, transaction)
                .With("$rid", call.RoomId).ExecuteScalarAsync(cancellationToken))!;
            var stored = call with { Seq = seq };
            await connection.Command(
                    """
                    INSERT INTO video_conferences (id, rid, seq, status, created_at, ended_at, ringing_until, callee_id, provider_data, json)
                    VALUES ($id, $rid, $seq, $status, $created, $ended, $ringing, $callee, $data, $json)
                    """, transaction)
                .With("$id", stored.Id).With("$rid", stored.RoomId).With("$seq", seq).With("$status", stored.Status)
                .With("$created", ToMs(stored.CreatedAt)).With("$ended", stored.EndedAt is { } e ? ToMs(e) : null)
                .With("$ringing", stored.RingingUntil is { } r ? ToMs(r) : null).With("$callee", stored.CalleeId)
                .With("$data", stored.ProviderData).With("$json", CallJson.Serialize(stored))
                .ExecuteNonQueryAsync(cancellationToken);
            await SqliteMessageStore.InsertAsync(connection, transaction, startMessage, cancellationToken);
            return stored;
        }, cancellationToken);

    public Task<CallChangeResult<T>?> UpdateAsync<T>(string id, Func<CallRecord, (CallRecord? Updated, T Outcome)> change, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var current = await Find(connection, transaction, id, cancellationToken);
            if (current is null)
            {
                return null;
            }
            var (updated, outcome) = change(current);
            if (updated is null)
            {
                return new CallChangeResult<T>(current, outcome, Changed: false);
            }
            await connection.Command(
                    """
                    UPDATE video_conferences
                    SET status = $status, ended_at = $ended, ringing_until = $ringing, provider_data = $data, json = $json
                    WHERE id = $id
                    """, transaction)
                .With("$status", updated.Status).With("$ended", updated.EndedAt is { } e ? ToMs(e) : null)
                .With("$ringing", updated.RingingUntil is { } r ? ToMs(r) : null).With("$data", updated.ProviderData)
                .With("$json", CallJson.Serialize(updated)).With("$id", id)
                .ExecuteNonQueryAsync(cancellationToken);
            return new CallChangeResult<T>(updated, outcome, Changed: true);
        }, cancellationToken);

    public Task<long> CountInRoomAsync(string roomId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
            await connection.Command("SELECT last_seq FROM call_sequences WHERE rid = $rid").With("$rid", roomId)
                .ExecuteScalarAsync(cancellationToken) is long total ? total : 0L, cancellationToken);

    public async IAsyncEnumerable<ReadOnlyMemory<byte>> ReadPageJsonAsync(string roomId, long total, int offset, int? limit,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var top = total - offset;
        if (top <= 0 || limit == 0)
        {
            yield break;
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
                "SELECT json FROM video_conferences WHERE rid = $rid AND seq <= $top ORDER BY seq DESC LIMIT $limit")
            .With("$rid", roomId).With("$top", top).With("$limit", limit ?? -1);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return reader.GetFieldValue<byte[]>(0);
        }
    }

    public Task<IReadOnlyList<string>> FindRingingDueAsync(DateTime now, int max, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<string>>(async connection =>
            await connection.Command("SELECT id FROM video_conferences WHERE ringing_until IS NOT NULL AND ringing_until <= $now LIMIT $max")
                .With("$now", ToMs(now)).With("$max", max).QueryListAsync(r => r.GetString(0), cancellationToken), cancellationToken);

    public Task<IReadOnlyList<string>> FindUnendedCreatedBeforeAsync(DateTime createdBefore, int max, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<string>>(async connection =>
            await connection.Command("SELECT id FROM video_conferences WHERE ended_at IS NULL AND created_at <= $before LIMIT $max")
                .With("$before", ToMs(createdBefore)).With("$max", max).QueryListAsync(r => r.GetString(0), cancellationToken), cancellationToken);

    private static Task<CallRecord?> Find(SqliteConnection connection, SqliteTransaction? transaction, string id, CancellationToken cancellationToken) =>
        connection.Command($"SELECT {Columns} FROM video_conferences WHERE id = $id", transaction).With("$id", id)
            .QuerySingleAsync(r => CallJson.Deserialize(
                r.GetFieldValue<byte[]>(4),
                r.GetInt64(0),
                r.GetNullableString(1),
                r.IsDBNull(2) ? null : FromMs(r.GetInt64(2)),
                r.GetNullableString(3)), cancellationToken);
}
