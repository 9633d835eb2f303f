using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text.Unicode;
using VideoConf.Server.Http;
using VideoConf.Server.Storage;

namespace VideoConf.Server.VideoConferences;

/// <summary>
/// Writes a <c>list</c> page straight from the calls' stored JSON: <c>{"data":[…],"offset","count","total","success"}</c>.
/// A bounded page is assembled in memory and sent with its length; a room's newest page is kept in
/// <see cref="CallPageCache"/> for the next request that finds the room unchanged. <c>count=0</c> streams every
/// call, flushing as
/// it goes, so the response is never held whole — a fault after the first flush aborts the connection instead of
/// ending a truncated document.
/// </summary>
internal sealed class CallPageResult(ICallStore calls, CallPageCache cache, string roomId, Paging paging) : IResult
{
    private const int FlushThreshold = 64 * 1024;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var cancellationToken = httpContext.RequestAborted;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        if (paging.Limit is not { } limit)
        {
            await StreamAsync(response.BodyWriter, cancellationToken);
            return;
        }
        // Only a room's newest page is kept: the one polling clients ask for again and again. Deeper pages are read
        // from the store every time, so browsing a long history neither churns the cache nor fills the memory.
        var keep = paging.Offset == 0 && cache.Enabled;
        var stamp = keep ? await calls.ReadRoomStampAsync(roomId, cancellationToken) : null;
        if (stamp is not null && cache.Find(roomId, limit, stamp.Version) is { } cached)
        {
            response.ContentLength = cached.Length;
            await response.Body.WriteAsync(cached, cancellationToken);
            return;
        }
        // A 50-call page is about 30 KB; starting large avoids copying it while it grows.
        using var buffer = new PooledBufferWriter(64 * 1024);
        buffer.Write("{\"data\":["u8);
        var count = 0;
        var neverHadCalls = keep && stamp is null;
        var total = neverHadCalls ? 0 : await calls.ReadPageJsonAsync(roomId, paging.Offset, limit, json =>
        {
            EnsureWellFormed(json, paging.Offset + count);
            if (count++ > 0)
            {
                buffer.Write(","u8);
            }
            buffer.Write(json);
        }, cancellationToken);
        WriteTail(buffer, count, total);
        if (stamp is not null)
        {
            // Read after the stamp, the page is at least as new as the version it is labelled with.
            cache.Store(roomId, limit, stamp.Version, buffer.WrittenMemory.Span);
        }
        response.ContentLength = buffer.WrittenCount;
        await response.Body.WriteAsync(buffer.WrittenMemory, cancellationToken);
    }

    private async Task StreamAsync(PipeWriter pipe, CancellationToken cancellationToken)
    {
        var page = new CallPage();
        pipe.Write("{\"data\":["u8);
        await pipe.FlushAsync(cancellationToken);
        var count = 0;
        var sinceFlush = 0;
        await foreach (var json in calls.StreamRoomJsonAsync(roomId, paging.Offset, page, cancellationToken))
        {
            EnsureWellFormed(json.Span, paging.Offset + count);
            if (count++ > 0)
            {
                pipe.Write(","u8);
            }
            pipe.Write(json.Span);
            sinceFlush += json.Length;
            if (sinceFlush >= FlushThreshold)
            {
                await pipe.FlushAsync(cancellationToken);
                sinceFlush = 0;
            }
        }
        WriteTail(pipe, count, page.Total);
        await pipe.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// Refuses stored bytes that are not one JSON object, so a damaged row can never turn the page into a document
    /// that does not parse: the bounded page then fails before anything is sent, the streamed one aborts.
    /// </summary>
    private void EnsureWellFormed(ReadOnlySpan<byte> json, int position)
    {
        if (!CallJson.IsWellFormed(json))
        {
            throw new DamagedRecordException($"The stored call at position {position} of room {roomId} is not valid JSON; it was not sent.");
        }
    }

    private void WriteTail(IBufferWriter<byte> output, int count, long total)
    {
        var span = output.GetSpan(128);
        if (!Utf8.TryWrite(span, CultureInfo.InvariantCulture,
                $"],\"offset\":{paging.Offset},\"count\":{count},\"total\":{total},\"success\":true}}", out var written))
        {
            throw new InvalidOperationException("The list tail did not fit its buffer.");
        }
        output.Advance(written);
    }
}
