using System.Net;
using System.Net.Http.Headers;

namespace VideoConf.Server.Tests.Http;

/// <summary>
/// A JSON body sent in pieces without a Content-Length, as a chunked or streamed upload is. Over HTTP/1.1 each
/// piece becomes one chunk on the wire.
/// </summary>
internal sealed class UnknownLengthContent : HttpContent
{
    private const int FlushEvery = 64 * 1024;

    private readonly byte[] _bytes;
    private readonly int _pieceSize;

    public UnknownLengthContent(byte[] bytes, int pieceSize = FlushEvery)
    {
        _bytes = bytes;
        _pieceSize = pieceSize;
        Headers.ContentType = new MediaTypeHeaderValue("application/json");
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var unflushed = 0;
        for (var start = 0; start < _bytes.Length; start += _pieceSize)
        {
            var length = Math.Min(_pieceSize, _bytes.Length - start);
            await stream.WriteAsync(_bytes.AsMemory(start, length));
            unflushed += length;
            if (unflushed >= FlushEvery)
            {
                await stream.FlushAsync();
                unflushed = 0;
            }
        }
        await stream.FlushAsync();
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
