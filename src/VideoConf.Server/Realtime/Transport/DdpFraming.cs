namespace VideoConf.Server.Realtime.Transport;

/// <summary><c>/websocket</c>: each text frame is exactly one DDP message, both ways.</summary>
internal sealed class DdpFraming : IRealtimeFraming
{
    public static readonly DdpFraming Instance = new();

    private DdpFraming()
    {
    }

    public byte[]? Opening => null;

    public byte[]? Heartbeat => null;

    public byte[] Wrap(byte[] ddpMessage) => ddpMessage;

    public byte[]? Closing(int code, string reason) => null;

    public IReadOnlyList<ReadOnlyMemory<byte>>? Unwrap(ReadOnlyMemory<byte> frame) => [frame];
}
