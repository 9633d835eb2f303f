using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace VideoConf.Bench;

/// <summary>
/// One realtime connection of the load: a WebSocket and a reader that answers DDP pings and reports each event
/// frame (the first argument of a DDP <c>changed</c>, or the bare ceiling's sequence number) with the time it was
/// read.
/// </summary>
internal sealed class RealtimeClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly Action<RealtimeClient, string, long>? _onEvent;
    private Task? _reader;

    private RealtimeClient(int index, Action<RealtimeClient, string, long>? onEvent)
    {
        Index = index;
        _onEvent = onEvent;
        _socket.Options.KeepAliveInterval = Timeout.InfiniteTimeSpan;
    }

    /// <summary>The client's place in its load, for the caller's bookkeeping.</summary>
    public int Index { get; }

    /// <summary>Set when the server closed the connection or it failed.</summary>
    public bool Lost { get; private set; }

    public bool IsOpen => !Lost && _socket.State == WebSocketState.Open;

    /// <summary>A bare WebSocket to the ceiling, reading its broadcast frames from the start.</summary>
    public static async Task<RealtimeClient> OpenBareAsync(Uri uri, int index, Action<RealtimeClient, string, long>? onEvent)
    {
        var client = new RealtimeClient(index, onEvent);
        await client._socket.ConnectAsync(uri, CancellationToken.None);
        client._reader = client.ReadAsync(ddp: false);
        return client;
    }

    /// <summary>
    /// A DDP session: connect, log in with the resume token, subscribe to each (stream, event name), and only then
    /// start the reader that reports events.
    /// </summary>
    public static async Task<RealtimeClient> OpenDdpAsync(Uri uri, int index, string token,
        IReadOnlyList<(string Stream, string EventName)> subscriptions, Action<RealtimeClient, string, long>? onEvent)
    {
        var client = new RealtimeClient(index, onEvent);
        await client._socket.ConnectAsync(uri, CancellationToken.None);
        await client.SendAsync("""{"msg":"connect","version":"1","support":["1","pre2","pre1"]}""");
        await client.ExpectAsync(m => m.GetProperty("msg").ValueEquals("connected"), "connected");
        await client.SendAsync($$"""{"msg":"method","method":"login","params":[{"resume":"{{token}}"}],"id":"login"}""");
        await client.ExpectAsync(m => m.GetProperty("msg").ValueEquals("result") && !m.TryGetProperty("error", out _), "a login result");
        for (var i = 0; i < subscriptions.Count; i++)
        {
            var (stream, eventName) = subscriptions[i];
            await client.SendAsync($$"""{"msg":"sub","id":"s{{i}}","name":"{{stream}}","params":["{{eventName}}",{"useCollection":false,"args":[]}]}""");
            await client.ExpectAsync(m => m.GetProperty("msg").ValueEquals("ready"), $"ready for {stream} {eventName}");
        }
        client._reader = client.ReadAsync(ddp: true);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
        }
        _socket.Abort();
        if (_reader is not null)
        {
            await _reader;
        }
        _socket.Dispose();
        _sending.Dispose();
    }

    private async Task SendAsync(string text)
    {
        await _sending.WaitAsync();
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>Reads frames until one matches (pings are answered on the way); the set-up steps of a session.</summary>
    private async Task ExpectAsync(Func<JsonElement, bool> wanted, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var frame = await ReceiveFrameAsync(timeout.Token) ?? throw new InvalidOperationException($"connection closed while waiting for {what}");
            using var message = JsonDocument.Parse(frame);
            var root = message.RootElement;
            if (root.TryGetProperty("msg", out var msg) && msg.ValueEquals("ping"))
            {
                await AnswerPingAsync(root);
                continue;
            }
            if (root.TryGetProperty("msg", out var kind) && (kind.ValueEquals("error") || kind.ValueEquals("nosub") || kind.ValueEquals("failed")))
            {
                throw new InvalidOperationException($"the server refused while waiting for {what}: {Encoding.UTF8.GetString(frame)}");
            }
            if (wanted(root))
            {
                return;
            }
        }
    }

    private async Task ReadAsync(bool ddp)
    {
        try
        {
            while (await ReceiveFrameAsync(CancellationToken.None) is { } frame)
            {
                var at = Stopwatch.GetTimestamp();
                if (!ddp)
                {
                    _onEvent?.Invoke(this, SequenceOf(frame), at);
                    continue;
                }
                using var message = JsonDocument.Parse(frame);
                var root = message.RootElement;
                var msg = root.GetProperty("msg");
                if (msg.ValueEquals("ping"))
                {
                    await AnswerPingAsync(root);
                }
                else if (msg.ValueEquals("changed") && root.GetProperty("fields").GetProperty("args") is { ValueKind: JsonValueKind.Array } args
                    && args.GetArrayLength() > 0 && args[0].ValueKind == JsonValueKind.String)
                {
                    _onEvent?.Invoke(this, args[0].GetString()!, at);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        Lost = true;
    }

    private Task AnswerPingAsync(JsonElement ping) =>
        SendAsync(ping.TryGetProperty("id", out var id) ? $$"""{"msg":"pong","id":{{id.GetRawText()}}}""" : """{"msg":"pong"}""");

    /// <summary>One whole text frame, or null once the peer closed.</summary>
    private async Task<byte[]?> ReceiveFrameAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                var received = await _socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }
                length += received.Count;
                if (received.EndOfMessage)
                {
                    return buffer.AsSpan(0, length).ToArray();
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The ceiling's frame carries its sequence number as the first argument, as a DDP event carries a call id.</summary>
    private static string SequenceOf(byte[] frame)
    {
        using var message = JsonDocument.Parse(frame);
        return message.RootElement.GetProperty("fields").GetProperty("args")[0].GetString()!;
    }
}
