using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;

namespace VideoConf.Ceiling;

/// <summary>
/// The realtime reference point: bare WebSocket connections at <c>/ws</c>, held open with nothing on them (no DDP,
/// no login, no subscriptions), and <c>POST /broadcast</c>, which answers at once (with the sequence number the frame carries) and then sends one ~200-byte text
/// frame to every open connection, as the server answers a request before its events fan out.
/// </summary>
internal static class RealtimeCeiling
{
    private static readonly ConcurrentDictionary<int, WebSocket> Sockets = new();
    private static int _nextId;
    private static int _sequence;

    public static void MapRealtimeCeiling(this WebApplication app)
    {
        app.UseWebSockets();
        app.Map("/ws", HoldAsync);
        app.MapPost("/broadcast", () =>
        {
            var sequence = Interlocked.Increment(ref _sequence);
            var frame = Frame(sequence);
            _ = Task.Run(() => BroadcastAsync(frame));
            return TypedResults.Text(sequence.ToString(CultureInfo.InvariantCulture));
        });
    }

    private static async Task HoldAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var id = Interlocked.Increment(ref _nextId);
        Sockets[id] = socket;
        var buffer = new byte[256];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, context.RequestAborted);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
        }
        finally
        {
            Sockets.TryRemove(id, out _);
        }
    }

    private static async Task BroadcastAsync(ReadOnlyMemory<byte> frame)
    {
        var sends = new List<Task>(Sockets.Count);
        foreach (var socket in Sockets.Values)
        {
            sends.Add(SendAsync(socket, frame));
        }
        await Task.WhenAll(sends);
    }

    private static async Task SendAsync(WebSocket socket, ReadOnlyMemory<byte> frame)
    {
        try
        {
            await socket.SendAsync(frame, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException)
        {
        }
    }

    /// <summary>A frame about as long as a DDP <c>changed</c> event of a room's call stream.</summary>
    private static byte[] Frame(int sequence) =>
        Encoding.UTF8.GetBytes($$"""{"msg":"changed","collection":"stream-notify-room","id":"id","fields":{"eventName":"bench-room-0000000000/videoconf","args":["{{sequence}}"]},"padding":"{{new string('x', 60)}}"}""");
}
