using System.IO.Pipelines;
using VideoConf.Server.Http;

namespace VideoConf.Server.VideoConferences;

/// <summary>
/// A <c>list</c> answer ready to send: either the whole document, read and assembled by <see cref="CallListReader"/>
/// (from the store, or the room's kept newest page), or, for <c>count=0</c>, a stream that reads the room's calls
/// from the store while it is being sent, so the document is never held whole.
/// </summary>
internal sealed class CallListPage : IDisposable
{
    private readonly ReadOnlyMemory<byte> _document;
    private readonly PooledBufferWriter? _buffer;
    private readonly Func<PipeWriter, CancellationToken, Task>? _stream;

    private CallListPage(ReadOnlyMemory<byte> document, PooledBufferWriter? buffer, Func<PipeWriter, CancellationToken, Task>? stream)
    {
        _document = document;
        _buffer = buffer;
        _stream = stream;
    }

    /// <summary>A document assembled in a pooled buffer, which goes back to the pool when the page is disposed.</summary>
    public static CallListPage Assembled(PooledBufferWriter buffer) => new(buffer.WrittenMemory, buffer, null);

    /// <summary>A document kept from an earlier request (<see cref="CallPageCache"/>).</summary>
    public static CallListPage Kept(byte[] document) => new(document, null, null);

    /// <summary>A document written by <paramref name="stream"/> as it reads the store.</summary>
    public static CallListPage Streamed(Func<PipeWriter, CancellationToken, Task> stream) => new(default, null, stream);

    /// <summary>The document's length in bytes; null for a streamed page, whose length is known only at its end.</summary>
    public long? Length => _stream is null ? _document.Length : null;

    /// <summary>The whole document of a page that is not streamed (<see cref="Length"/> is set).</summary>
    public ReadOnlyMemory<byte> Document => _document;

    /// <summary>Writes a streamed page's document, reading the store meanwhile and flushing as it goes.</summary>
    public Task StreamAsync(PipeWriter output, CancellationToken cancellationToken) =>
        _stream is null ? throw new InvalidOperationException("This page is not streamed; send its Document.") : _stream(output, cancellationToken);

    public void Dispose() => _buffer?.Dispose();
}
