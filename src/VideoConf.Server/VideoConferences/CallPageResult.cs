using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using VideoConf.Server.Http;
using VideoConf.Server.Storage;

namespace VideoConf.Server.VideoConferences;

/// <summary>
/// Writes a <c>list</c> page straight from the calls' stored JSON: <c>{"data":[…],"offset","count","total","success"}</c>.
/// A bounded page is assembled in memory and sent with its length; <c>count=0</c> streams every call, flushing as
/// it goes, so the response is never held whole — a fault after the first flush aborts the connection instead of
/// ending a truncated document.
/// </summary>
internal sealed class CallPageResult(ICallStore calls, string roomId, Paging paging) : IResult
{
    private const int FlushThreshold = 64 * 1024;
    private readonly CallPage _page = new();

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var cancellationToken = httpContext.RequestAborted;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        if (paging.IsUnbounded)
        {
            var pipe = response.BodyWriter;
            pipe.Write("{\"data\":["u8);
            await pipe.FlushAsync(cancellationToken);
            var streamed = await WriteItemsAsync(pipe, flush: true, cancellationToken);
            WriteTail(pipe, streamed);
            await pipe.FlushAsync(cancellationToken);
            return;
        }
        // A 50-call page is about 35 KB; starting large avoids copying it while it grows.
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        buffer.Write("{\"data\":["u8);
        var count = await WriteItemsAsync(buffer, flush: false, cancellationToken);
        WriteTail(buffer, count);
        response.ContentLength = buffer.WrittenCount;
        await response.Body.WriteAsync(buffer.WrittenMemory, cancellationToken);
    }

    private async Task<int> WriteItemsAsync(IBufferWriter<byte> output, bool flush, CancellationToken cancellationToken)
    {
        var count = 0;
        var sinceFlush = 0;
        await foreach (var json in calls.ReadPageJsonAsync(roomId, paging.Offset, paging.Limit, _page, cancellationToken))
        {
            if (count > 0)
            {
                output.Write(","u8);
            }
            output.Write(json.Span);
            count++;
            sinceFlush += json.Length;
            if (flush && sinceFlush >= FlushThreshold && output is PipeWriter pipe)
            {
                await pipe.FlushAsync(cancellationToken);
                sinceFlush = 0;
            }
        }
        return count;
    }

    private void WriteTail(IBufferWriter<byte> output, int count)
    {
        var tail = string.Create(CultureInfo.InvariantCulture, $"],\"offset\":{paging.Offset},\"count\":{count},\"total\":{_page.Total},\"success\":true}}");
        output.Write(System.Text.Encoding.UTF8.GetBytes(tail));
    }
}
