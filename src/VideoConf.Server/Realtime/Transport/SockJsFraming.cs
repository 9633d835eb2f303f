using System.Buffers;
using System.Text;
using System.Text.Json;
using VideoConf.Server.Http;

namespace VideoConf.Server.Realtime.Transport;

/// <summary>
/// SockJS's WebSocket transport: the server opens with <c>o</c>, sends messages as <c>a["&lt;ddp json&gt;",…]</c>
/// (each DDP message a JSON string), <c>h</c> as a heartbeat and <c>c[code,"reason"]</c> before closing; the
/// client sends <c>["&lt;ddp json&gt;",…]</c>.
/// </summary>
internal sealed class SockJsFraming : IRealtimeFraming
{
    public static readonly SockJsFraming Instance = new();

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = ApiJson.Options.Encoder };

    private SockJsFraming()
    {
    }

    public byte[]? Opening { get; } = "o"u8.ToArray();

    public byte[]? Heartbeat { get; } = "h"u8.ToArray();

    public byte[] Wrap(byte[] ddpMessage)
    {
        var buffer = new ArrayBufferWriter<byte>(ddpMessage.Length + 16);
        buffer.Write("a"u8);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(ddpMessage);
            writer.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }

    public byte[]? Closing(int code, string reason)
    {
        var buffer = new ArrayBufferWriter<byte>(32 + reason.Length);
        buffer.Write("c"u8);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(code);
            writer.WriteStringValue(reason);
            writer.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }

    public IReadOnlyList<ReadOnlyMemory<byte>>? Unwrap(ReadOnlyMemory<byte> frame)
    {
        try
        {
            using var document = JsonDocument.Parse(frame);
            var root = document.RootElement;
            // sockjs-client always sends an array; a bare string is one message too.
            if (root.ValueKind == JsonValueKind.String)
            {
                return [Encoding.UTF8.GetBytes(root.GetString()!)];
            }
            if (root.ValueKind != JsonValueKind.Array)
            {
                return null;
            }
            var messages = new List<ReadOnlyMemory<byte>>(root.GetArrayLength());
            foreach (var item in root.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    return null;
                }
                messages.Add(Encoding.UTF8.GetBytes(item.GetString()!));
            }
            return messages;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
