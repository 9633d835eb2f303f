using System.Net.WebSockets;
using VideoConf.Server.Http;
using VideoConf.Server.Realtime.Sessions;

namespace VideoConf.Server.Realtime.Transport;

/// <summary>
/// Runs one accepted WebSocket: a receive loop that reads whole frames (at most <see cref="MaxFrameBytes"/>) and
/// hands them to the dispatcher, and a writer loop, the only code that writes to the socket, that drains the
/// session's outbox and finally sends the close the session asked for.
/// </summary>
internal sealed partial class RealtimeConnection(
    WebSocket socket,
    IRealtimeFraming framing,
    DdpSession session,
    DdpDispatcher dispatcher,
    TimeProvider time,
    ILogger logger)
{
    public const int MaxFrameBytes = 64 * 1024;

    private const int FirstBufferBytes = 4 * 1024;

    public async Task RunAsync()
    {
        var writing = WriteLoopAsync();
        try
        {
            await ReceiveLoopAsync();
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // The peer went away, or the connection was cut (see DdpSession.Abort).
            LogConnectionLost(logger, session.Id, ex.Message);
        }
        finally
        {
            session.Close(WebSocketCloseStatus.NormalClosure, string.Empty, time.GetUtcNow());
            await writing;
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var aborted = session.Aborted;
        while (true)
        {
            // A zero-byte read waits for the next frame without holding a buffer: idle connections cost no buffer.
            var first = await socket.ReceiveAsync(Memory<byte>.Empty, aborted);
            if (first.MessageType == WebSocketMessageType.Close)
            {
                return;
            }
            using var frame = new PooledBufferWriter(FirstBufferBytes);
            var result = first;
            var tooLarge = false;
            while (!result.EndOfMessage)
            {
                // Room for one byte past the limit, so a frame that passes it is seen whatever its size.
                var room = Math.Min(MaxFrameBytes + 1 - frame.WrittenCount, Math.Max(FirstBufferBytes, frame.WrittenCount));
                result = await socket.ReceiveAsync(frame.GetMemory(room)[..room], aborted);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
                frame.Advance(result.Count);
                if (frame.WrittenCount > MaxFrameBytes)
                {
                    tooLarge = true;
                    break;
                }
            }
            var now = time.GetUtcNow();
            session.Received(now);
            if (tooLarge)
            {
                session.Close(WebSocketCloseStatus.MessageTooBig, "Frame too large", now, dropQueued: true);
                await DiscardUntilClosedAsync(aborted);
                return;
            }
            if (session.CloseRequest is null)
            {
                await dispatcher.HandleFrameAsync(session, framing, frame.WrittenMemory, aborted);
            }
        }
    }

    /// <summary>After a refused frame: reads and drops the rest until the peer answers the close (or is cut off).</summary>
    private async Task DiscardUntilClosedAsync(CancellationToken aborted)
    {
        var sink = new byte[1024];
        while ((await socket.ReceiveAsync(sink.AsMemory(), aborted)).MessageType != WebSocketMessageType.Close)
        {
        }
    }

    private async Task WriteLoopAsync()
    {
        var aborted = session.Aborted;
        try
        {
            if (framing.Opening is { } opening)
            {
                await SendAsync(opening, aborted);
            }
            while (await session.Outbox.NextAsync(aborted) is { } message)
            {
                var frame = ReferenceEquals(message, Outbox.Heartbeat) ? framing.Heartbeat : framing.Wrap(message);
                if (frame is not null)
                {
                    await SendAsync(frame, aborted);
                }
            }
            var (status, reason) = session.CloseRequest ?? (WebSocketCloseStatus.NormalClosure, string.Empty);
            if (framing.Closing((int)status, reason) is { } closing && socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await SendAsync(closing, aborted);
            }
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(status, reason, aborted);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            LogConnectionLost(logger, session.Id, ex.Message);
            session.Abort();
        }
    }

    private async Task SendAsync(byte[] frame, CancellationToken aborted)
    {
        await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, aborted);
        session.Wrote(time.GetUtcNow());
    }

    [LoggerMessage(EventId = 610, Level = LogLevel.Debug, Message = "Realtime connection {Session} ended: {Reason}")]
    private static partial void LogConnectionLost(ILogger logger, string session, string reason);
}
