namespace VideoConf.Server.Storage;

/// <summary>
/// Video conferences. Every change goes through <see cref="UpdateAsync{T}"/>, which applies a pure function to the
/// current record while no other change to that call can interleave, so concurrent joins and cancels stay exact.
/// </summary>
public interface ICallStore
{
    Task<CallRecord?> FindByIdAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a new call with its start message (counted in the room); returns it with its room sequence number. A
    /// direct call's ringing deadline is also kept as its ringing-timeout marker, which outlives the ringing (an
    /// answer or a cancel ends that) until <see cref="ClaimRingingTimeoutAsync"/> clears it.
    /// </summary>
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
    /// A page of the room's calls newest first, as their stored JSON, skipping <paramref name="offset"/> by sequence
    /// number (no scan of the skipped rows), at most <paramref name="limit"/>; returns the room's total, read with the
    /// page in one statement. Each call's bytes go to <paramref name="onCall"/> and are valid only during that call.
    /// </summary>
    Task<long> ReadPageJsonAsync(string roomId, int offset, int limit, CallJsonHandler onCall, CancellationToken cancellationToken = default);

    /// <summary>
    /// The room's total and version (which changes with every call inserted into or changed in the room), or null
    /// when the room never had a call: one small read that tells whether a page read earlier is still current.
    /// </summary>
    Task<CallRoomStamp?> ReadRoomStampAsync(string roomId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every call of the room below <paramref name="offset"/>, newest first, as stored JSON, for a streamed response.
    /// The total is read first into <paramref name="total"/> and pins the stream against calls inserted meanwhile;
    /// each item's bytes are valid only until the next item is requested.
    /// </summary>
    IAsyncEnumerable<ReadOnlyMemory<byte>> StreamRoomJsonAsync(string roomId, int offset, StreamTotal total, CancellationToken cancellationToken = default);

    /// <summary>Calls still ringing whose ringing time ran out at or before <paramref name="now"/>.</summary>
    Task<IReadOnlyList<string>> FindRingingDueAsync(DateTime now, int max, CancellationToken cancellationToken = default);

    /// <summary>Direct calls whose ringing-timeout marker is set and due at <paramref name="now"/>.</summary>
    Task<IReadOnlyList<string>> FindRingingTimeoutsDueAsync(DateTime now, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// Clears the call's ringing-timeout marker when it is set and due at <paramref name="now"/>; true for the one
    /// caller, on any instance, that cleared it, which then announces the timeout.
    /// </summary>
    Task<bool> ClaimRingingTimeoutAsync(string id, DateTime now, CancellationToken cancellationToken = default);

    /// <summary>Calls not ended that were created at or before <paramref name="createdBefore"/>.</summary>
    Task<IReadOnlyList<string>> FindUnendedCreatedBeforeAsync(DateTime createdBefore, int max, CancellationToken cancellationToken = default);
}

/// <summary>A room's call count and the version of its calls (see <see cref="ICallStore.ReadRoomStampAsync"/>).</summary>
public sealed record CallRoomStamp(long Total, long Version);

/// <summary>Receives one call's stored JSON; the bytes are valid only during the call.</summary>
public delegate void CallJsonHandler(ReadOnlySpan<byte> json);

/// <summary>
/// The room's call count, filled by <see cref="ICallStore.StreamRoomJsonAsync"/> before its first item (an async
/// stream cannot return a value beside its items).
/// </summary>
public sealed class StreamTotal
{
    public long Total { get; set; }
}

/// <summary>The call after an update (changed or not) and the change function's outcome.</summary>
public sealed record CallChangeResult<T>(CallRecord Call, T Outcome, bool Changed);
