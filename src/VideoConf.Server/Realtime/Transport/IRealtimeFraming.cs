namespace VideoConf.Server.Realtime.Transport;

/// <summary>
/// How DDP messages travel in WebSocket text frames: one message per frame on <c>/websocket</c>, or SockJS's
/// framing (<see cref="SockJsFraming"/>).
/// </summary>
internal interface IRealtimeFraming
{
    /// <summary>The frame sent when the socket opens (SockJS <c>o</c>); null for none.</summary>
    byte[]? Opening { get; }

    /// <summary>The frame sent after a silence (SockJS <c>h</c>); null when the transport has none.</summary>
    byte[]? Heartbeat { get; }

    /// <summary>The frame that carries one DDP message.</summary>
    byte[] Wrap(byte[] ddpMessage);

    /// <summary>The frame sent just before the WebSocket close (SockJS <c>c[code,"reason"]</c>); null for none.</summary>
    byte[]? Closing(int code, string reason);

    /// <summary>The DDP messages in one received frame; null when the frame breaks the framing.</summary>
    IReadOnlyList<ReadOnlyMemory<byte>>? Unwrap(ReadOnlyMemory<byte> frame);
}
