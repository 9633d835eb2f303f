using System.Threading.Channels;

namespace VideoConf.Server.Realtime.Sessions;

/// <summary>
/// What waits to be written to one connection, bounded in bytes. Enqueueing never waits: past
/// <see cref="MaxQueuedBytes"/> it refuses, and the session closes the connection (1013) instead of growing. The
/// connection's writer loop is the only reader.
/// </summary>
internal sealed class Outbox
{
    public const long MaxQueuedBytes = 4 * 1024 * 1024;

    /// <summary>Stands for the transport's heartbeat (SockJS <c>h</c>) in the queue; never a DDP message.</summary>
    public static readonly byte[] Heartbeat = [];

    private readonly Channel<byte[]> _queue = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private long _queuedBytes;

    public long QueuedBytes => Interlocked.Read(ref _queuedBytes);

    /// <summary>Queues the message; false when that would pass the bound (nothing is queued then) or the outbox is closed.</summary>
    public bool TryEnqueue(byte[] message)
    {
        if (Interlocked.Add(ref _queuedBytes, message.Length) > MaxQueuedBytes)
        {
            Interlocked.Add(ref _queuedBytes, -message.Length);
            return false;
        }
        if (!_queue.Writer.TryWrite(message))
        {
            Interlocked.Add(ref _queuedBytes, -message.Length);
            return false;
        }
        return true;
    }

    /// <summary>The next message for the writer; null once the outbox is completed and drained.</summary>
    public async ValueTask<byte[]?> NextAsync(CancellationToken cancellationToken)
    {
        while (await _queue.Reader.WaitToReadAsync(cancellationToken))
        {
            if (_queue.Reader.TryRead(out var message))
            {
                Interlocked.Add(ref _queuedBytes, -message.Length);
                return message;
            }
        }
        return null;
    }

    /// <summary>No more messages are accepted; what is queued is still written unless <paramref name="dropQueued"/>.</summary>
    public void Complete(bool dropQueued)
    {
        _queue.Writer.TryComplete();
        if (dropQueued)
        {
            while (_queue.Reader.TryRead(out var message))
            {
                Interlocked.Add(ref _queuedBytes, -message.Length);
            }
        }
    }
}
