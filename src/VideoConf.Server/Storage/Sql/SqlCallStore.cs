using System.Data.Common;
using System.Runtime.CompilerServices;
using VideoConf.Server.VideoConferences;
using static VideoConf.Server.Storage.Sql.SqlCommands;

namespace VideoConf.Server.Storage.Sql;

/// <summary>
/// Calls. Each row keeps the call's public JSON (rewritten on every change) and its per-room sequence number;
/// <c>call_sequences</c> holds each room's last number, which is also its total, so neither the total nor a deep
/// page scans rows. Changes lock the row (or, on SQLite, the writer) so they never interleave.
/// </summary>
internal sealed class SqlCallStore(SqlDatabase database) : ICallStore
{
    private const string Columns = "seq, callee_id, ringing_until, provider_data, json";

    public Task<CallRecord?> FindByIdAsync(string id, CancellationToken cancellationToken = default) =>
        database.ReadAsync(connection => Find(connection, null, id, forUpdate: false, cancellationToken), cancellationToken);

    public Task<CallRecord> InsertAsync(CallRecord call, MessageRecord startMessage, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var seq = (await connection.Command(
                    """
                    INSERT INTO call_sequences (rid, last_seq, version) VALUES (@rid, 1, 1)
                    ON CONFLICT (rid) DO UPDATE SET last_seq = call_sequences.last_seq + 1, version = call_sequences.version + 1
                    RETURNING last_seq
                    """, transaction)
                .With("@rid", call.RoomId).ScalarInt64Async(cancellationToken))!.Value;
            var stored = call with { Seq = seq };
            await connection.Command(
                    """
                    INSERT INTO video_conferences (id, rid, seq, status, created_at, ended_at, ringing_until, ringing_timeout_due, callee_id, provider_data, json)
                    VALUES (@id, @rid, @seq, @status, @created, @ended, @ringing, @timeout, @callee, @data, @json)
                    """, transaction)
                .With("@id", stored.Id).With("@rid", stored.RoomId).With("@seq", seq).With("@status", stored.Status)
                .With("@created", ToMs(stored.CreatedAt)).With("@ended", ToMs(stored.EndedAt))
                .With("@ringing", ToMs(stored.RingingUntil))
                .With("@timeout", ToMs(stored.Type == CallType.Direct ? stored.RingingUntil : null))
                .With("@callee", stored.CalleeId)
                .With("@data", stored.ProviderData).With("@json", CallJson.Serialize(stored))
                .ExecuteNonQueryAsync(cancellationToken);
            await SqlMessageStore.InsertAsync(connection, transaction, startMessage, cancellationToken);
            return stored;
        }, cancellationToken);

    public Task BulkInsertAsync(string roomId, IReadOnlyList<CallRecord> calls, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var last = await connection.Command("SELECT last_seq FROM call_sequences WHERE rid = @rid", transaction)
                .With("@rid", roomId).ScalarInt64Async(cancellationToken) ?? 0;
            var insert = connection.Command(
                "INSERT INTO video_conferences (id, rid, seq, status, created_at, ended_at, ringing_until, callee_id, provider_data, json) " +
                "VALUES (@id, @rid, @seq, @status, @created, @ended, @ringing, @callee, @data, @json)", transaction);
            string[] names = ["@id", "@rid", "@seq", "@status", "@created", "@ended", "@ringing", "@callee", "@data", "@json"];
            foreach (var name in names)
            {
                insert.With(name, null);
            }
            foreach (var call in calls)
            {
                var stored = call with { RoomId = roomId, Seq = ++last };
                object?[] values =
                [
                    stored.Id, roomId, stored.Seq, stored.Status, ToMs(stored.CreatedAt), ToMs(stored.EndedAt), ToMs(stored.RingingUntil),
                    stored.CalleeId, stored.ProviderData, CallJson.Serialize(stored),
                ];
                for (var i = 0; i < values.Length; i++)
                {
                    insert.Parameters[i].Value = values[i] ?? DBNull.Value;
                }
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
            await connection.Command(
                    """
                    INSERT INTO call_sequences (rid, last_seq, version) VALUES (@rid, @last, 1)
                    ON CONFLICT (rid) DO UPDATE SET last_seq = excluded.last_seq, version = call_sequences.version + 1
                    """,
                    transaction)
                .With("@rid", roomId).With("@last", last).ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task<CallChangeResult<T>?> UpdateAsync<T>(string id, Func<CallRecord, (CallRecord? Updated, T Outcome)> change, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var current = await Find(connection, transaction, id, forUpdate: true, cancellationToken);
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
                    SET status = @status, ended_at = @ended, ringing_until = @ringing, provider_data = @data, json = @json
                    WHERE id = @id
                    """, transaction)
                .With("@status", updated.Status).With("@ended", ToMs(updated.EndedAt))
                .With("@ringing", ToMs(updated.RingingUntil)).With("@data", updated.ProviderData)
                .With("@json", CallJson.Serialize(updated)).With("@id", id)
                .ExecuteNonQueryAsync(cancellationToken);
            await connection.Command("UPDATE call_sequences SET version = version + 1 WHERE rid = @rid", transaction)
                .With("@rid", current.RoomId).ExecuteNonQueryAsync(cancellationToken);
            return new CallChangeResult<T>(updated, outcome, Changed: true);
        }, cancellationToken);

    /// <summary>
    /// One statement reads the total and the page: sequence numbers in a room run 1…total without gaps, so the page is
    /// the range (total − offset − limit, total − offset] of the (rid, seq) index, bounded by the total read in the
    /// same statement (scalar subqueries, each evaluated once). Only an empty page needs a second read for the total.
    /// </summary>
    public async Task<long> ReadPageJsonAsync(string roomId, int offset, int limit, CallJsonHandler onCall, CancellationToken cancellationToken = default)
    {
        long? total = null;
        await database.ReadBlobRowsAsync(
            """
            SELECT (SELECT last_seq FROM call_sequences WHERE rid = @rid), json
            FROM video_conferences
            WHERE rid = @rid
              AND seq <= (SELECT last_seq FROM call_sequences WHERE rid = @rid) - @offset
              AND seq > (SELECT last_seq FROM call_sequences WHERE rid = @rid) - @offset - @limit
            ORDER BY seq DESC
            """,
            [("@rid", roomId), ("@offset", (long)offset), ("@limit", (long)limit)],
            (lastSeq, json) =>
            {
                total = lastSeq;
                onCall(json);
            },
            cancellationToken);
        return total ?? (await ReadRoomStampAsync(roomId, cancellationToken))?.Total ?? 0L;
    }

    public Task<CallRoomStamp?> ReadRoomStampAsync(string roomId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
            await connection.Command("SELECT last_seq, version FROM call_sequences WHERE rid = @rid").With("@rid", roomId)
                .QuerySingleAsync(r => new CallRoomStamp(r.GetInt64(0), r.GetInt64(1)), cancellationToken), cancellationToken);

    public async IAsyncEnumerable<ReadOnlyMemory<byte>> StreamRoomJsonAsync(string roomId, int offset, StreamTotal total,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var lease = await database.OpenAsync(cancellationToken);
        var connection = lease.Connection;
        total.Total = await connection.Command("SELECT last_seq FROM call_sequences WHERE rid = @rid").With("@rid", roomId)
            .ScalarInt64Async(cancellationToken) ?? 0L;
        var top = total.Total - offset;
        if (top <= 0)
        {
            yield break;
        }
        var command = connection.Command("SELECT json FROM video_conferences WHERE rid = @rid AND seq <= @top ORDER BY seq DESC")
            .With("@rid", roomId).With("@top", top);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return reader.GetFieldValue<byte[]>(0);
        }
    }

    public Task<IReadOnlyList<string>> FindRingingDueAsync(DateTime now, int max, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<string>>(async connection =>
            await connection.Command("SELECT id FROM video_conferences WHERE ringing_until IS NOT NULL AND ringing_until <= @now LIMIT @max")
                .With("@now", ToMs(now)).With("@max", max).QueryListAsync(r => r.GetString(0), cancellationToken), cancellationToken);

    public Task<IReadOnlyList<string>> FindRingingTimeoutsDueAsync(DateTime now, int max, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<string>>(async connection =>
            await connection.Command("SELECT id FROM video_conferences WHERE ringing_timeout_due IS NOT NULL AND ringing_timeout_due <= @now LIMIT @max")
                .With("@now", ToMs(now)).With("@max", max).QueryListAsync(r => r.GetString(0), cancellationToken), cancellationToken);

    /// <summary>One conditional update: of instances claiming at once, the row lock lets exactly one see the marker set.</summary>
    public Task<bool> ClaimRingingTimeoutAsync(string id, DateTime now, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
            await connection.Command(
                    "UPDATE video_conferences SET ringing_timeout_due = NULL WHERE id = @id AND ringing_timeout_due IS NOT NULL AND ringing_timeout_due <= @now",
                    transaction)
                .With("@id", id).With("@now", ToMs(now))
                .ExecuteNonQueryAsync(cancellationToken) == 1, cancellationToken);

    public Task<IReadOnlyList<string>> FindUnendedCreatedBeforeAsync(DateTime createdBefore, int max, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<string>>(async connection =>
            await connection.Command("SELECT id FROM video_conferences WHERE ended_at IS NULL AND created_at <= @before LIMIT @max")
                .With("@before", ToMs(createdBefore)).With("@max", max).QueryListAsync(r => r.GetString(0), cancellationToken), cancellationToken);

    private Task<CallRecord?> Find(DbConnection connection, DbTransaction? transaction, string id, bool forUpdate, CancellationToken cancellationToken) =>
        connection.Command($"SELECT {Columns} FROM video_conferences WHERE id = @id{(forUpdate ? database.ForUpdate : string.Empty)}", transaction)
            .With("@id", id)
            .QuerySingleAsync(r => CallJson.Deserialize(
                r.GetFieldValue<byte[]>(4),
                r.GetInt64(0),
                r.GetNullableString(1),
                r.GetNullableDate(2),
                r.GetNullableString(3)), cancellationToken);
}
