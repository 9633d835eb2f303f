using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text.Unicode;
using VideoConf.Server.Http;
using VideoConf.Server.Storage;

namespace VideoConf.Server.VideoConferences;

/// <summary>
/// Reads a room's <c>list</c> page straight from the calls' stored JSON into
/// <c>{"data":[…],"offset","count","total","success"}</c>, without decoding a call. A bounded page is assembled in
/// memory here; the room's newest page is kept in <see cref="CallPageCache"/> for the next request that finds the
/// room unchanged. A <c>count=0</c> page is a stream that reads the store while it is sent, flushing as it goes, so
/// it is never held whole: a fault after the first flush aborts the connection instead of ending a truncated document.
/// </summary>
internal sealed class CallListReader(ICallStore calls, CallPageCache cache)
{
    private const int FlushThreshold = 64 * 1024;

    /// <summary>At most <paramref name="limit"/> calls of the room below <paramref name="offset"/>, newest first.</summary>
    public async Task<CallListPage> ReadPageAsync(string roomId, int offset, int limit, CancellationToken cancellationToken)
    {
        // Only a room's newest page is kept: the one polling clients ask for again and again. Deeper pages are read
        // from the store every time, so browsing a long history neither churns the cache nor fills the memory.
        var keep = offset == 0 && cache.Enabled;
        var stamp = keep ? await calls.ReadRoomStampAsync(roomId, cancellationToken) : null;
        if (stamp is not null && cache.Find(roomId, limit, stamp.Version) is { } kept)
        {
            return CallListPage.Kept(kept);
        }
        // A 50-call page is about 30 KB; starting large avoids copying it while it grows.
        var buffer = new PooledBufferWriter(64 * 1024);
        try
        {
            buffer.Write("{\"data\":["u8);
            var count = 0;
            var neverHadCalls = keep && stamp is null;
            var total = neverHadCalls ? 0 : await calls.ReadPageJsonAsync(roomId, offset, limit, json =>
            {
                EnsureWellFormed(json, roomId, offset + count);
                if (count++ > 0)
                {
                    buffer.Write(","u8);
                }
                buffer.Write(json);
            }, cancellationToken);
            WriteTail(buffer, offset, count, total);
            if (stamp is not null)
            {
                // Read after the stamp, the page is at least as new as the version it is labelled with.
                cache.Store(roomId, limit, stamp.Version, buffer.WrittenMemory.Span);
            }
            return CallListPage.Assembled(buffer);
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    /// <summary>Every call of the room below <paramref name="offset"/>, read from the store as the page is sent.</summary>
    public CallListPage StreamAll(string roomId, int offset) =>
        CallListPage.Streamed((output, cancellationToken) => StreamAsync(roomId, offset, output, cancellationToken));

    private async Task StreamAsync(string roomId, int offset, PipeWriter output, CancellationToken cancellationToken)
    {
        var total = new StreamTotal();
        output.Write("{\"data\":["u8);
        await output.FlushAsync(cancellationToken);
        var count = 0;
        var sinceFlush = 0;
        await foreach (var json in calls.StreamRoomJsonAsync(roomId, offset, total, cancellationToken))
        {
            EnsureWellFormed(json.Span, roomId, offset + count);
            if (count++ > 0)
            {
                output.Write(","u8);
            }
            output.Write(json.Span);
            sinceFlush += json.Length;
            if (sinceFlush >= FlushThreshold)
            {
                await output.FlushAsync(cancellationToken);
                sinceFlush = 0;
            }
        }
        WriteTail(output, offset, count, total.Total);
        await output.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// Refuses stored bytes that are not one JSON object, so a damaged row can never turn the page into a document
    /// that does not parse: the bounded page then fails before anything is sent, the streamed one aborts.
    /// </summary>
    private static void EnsureWellFormed(ReadOnlySpan<byte> json, string roomId, int position)
    {
        if (!CallJson.IsWellFormed(json))
        {
            throw new DamagedRecordException($"The stored call at position {position} of room {roomId} is not valid JSON; it was not sent.");
        }
    }

    private static void WriteTail(IBufferWriter<byte> output, int offset, int count, long total)
    {
        var span = output.GetSpan(128);
        if (!Utf8.TryWrite(span, CultureInfo.InvariantCulture,
                $"],\"offset\":{offset},\"count\":{count},\"total\":{total},\"success\":true}}", out var written))
        {
            throw new InvalidOperationException("The list tail did not fit its buffer.");
        }
        output.Advance(written);
    }
}
