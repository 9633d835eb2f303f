namespace VideoConf.Server.Storage;

/// <summary>
/// Video conferences. Every change goes through <see cref="UpdateAsync{T}"/>, which applies a pure function to the
/// current record while no other change to that call can interleave, so concurrent joins and cancels stay exact.
/// </summary>
public interface ICallStore
{
    Task<CallRecord?> FindByIdAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Stores a new call with its start message (counted in the room); returns it with its room sequence number.</summary>
    Task<CallRecord> InsertAsync(CallRecord call, MessageRecord startMessage, CancellationToken cancellationToken = default);

    /// <summary>
    /// Loads many calls into one room in one transaction (imports, benchmarks), numbering them after the room's last
    /// call in the order given. No start messages are written.
    /// </summary>
    Task BulkInsertAsync(string roomId, IReadOnlyList<CallRecord> calls, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies <paramref name="change"/> to the call atomically. The function returns the new record (null for no
    /// change) and an outcome for the caller. Returns null when there is no such call.
    /// </summary>
    Task<CallChangeResult<T>?> UpdateAsync<T>(string id, Func<CallRecord, (CallRecord? Updated, T Outcome)> change, CancellationToken cancellationToken = default);

    /// <summary>
    /// The room's calls newest first, as their stored JSON, skipping <paramref name="offset"/> by sequence number
    /// (no scan of the skipped rows); <paramref name="limit"/> null means all. The room's total is read first, on
    /// the same connection, into <paramref name="page"/>; it pins the page against calls inserted meanwhile.
    /// </summary>
    IAsyncEnumerable<ReadOnlyMemory<byte>> ReadPageJsonAsync(string roomId, int offset, int? limit, CallPage page, CancellationToken cancellationToken = default);

    /// <summary>Calls still ringing whose ringing time ran out at or before <paramref name="now"/>.</summary>
    Task<IReadOnlyList<string>> FindRingingDueAsync(DateTime now, int max, CancellationToken cancellationToken = default);

    /// <summary>Calls not ended that were created at or before <paramref name="createdBefore"/>.</summary>
    Task<IReadOnlyList<string>> FindUnendedCreatedBeforeAsync(DateTime createdBefore, int max, CancellationToken cancellationToken = default);
}

/// <summary>Filled by <see cref="ICallStore.ReadPageJsonAsync"/> before its first item: the room's total.</summary>
public sealed class CallPage
{
    public long Total { get; set; }
}

/// <summary>The call after an update (changed or not) and the change function's outcome.</summary>
public sealed record CallChangeResult<T>(CallRecord Call, T Outcome, bool Changed);
