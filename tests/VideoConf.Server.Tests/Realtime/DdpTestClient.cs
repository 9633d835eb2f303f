using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VideoConf.Server.Tests.Realtime;

/// <summary>
/// A raw WebSocket client that speaks DDP frame by frame, the way the contract describes them. Messages that a
/// wait skipped are kept for later waits, so tests can look for one message among others.
/// </summary>
public sealed class DdpTestClient : IAsyncDisposable
{
    /// <summary>The longest any wait lasts.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    private readonly ClientWebSocket _socket;
    private readonly List<string> _backlog = [];
    private int _nextId;

    private DdpTestClient(ClientWebSocket socket)
    {
        _socket = socket;
    }

    public WebSocket Socket => _socket;

    /// <summary>The close status the server sent, once the connection is closed.</summary>
    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public static async Task<DdpTestClient> OpenAsync(Uri baseAddress, string path = "/websocket", string? origin = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }
        var uri = new UriBuilder(baseAddress) { Scheme = "ws", Path = path }.Uri;
        using var timeout = new CancellationTokenSource(MaxWait);
        await socket.ConnectAsync(uri, timeout.Token);
        return new DdpTestClient(socket);
    }

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text);

    public Task SendAsync(object message) => SendAsync(JsonSerializer.Serialize(message));

    public async Task SendAsync(byte[] payload, WebSocketMessageType type)
    {
        using var timeout = new CancellationTokenSource(MaxWait);
        await _socket.SendAsync(payload, type, endOfMessage: true, timeout.Token);
    }

    /// <summary>The next text frame, or null when the server closed the connection.</summary>
    public async Task<string?> ReceiveTextAsync()
    {
        if (_backlog.Count > 0)
        {
            var kept = _backlog[0];
            _backlog.RemoveAt(0);
            return kept;
        }
        return await ReadFrameAsync();
    }

    /// <summary>The next DDP message (fails when the connection closes first).</summary>
    public async Task<JsonObject> ReceiveAsync()
    {
        var text = await ReceiveTextAsync() ?? throw new Xunit.Sdk.XunitException($"The connection closed ({CloseStatus}) instead of sending a message.");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>The first message that satisfies <paramref name="match"/>; the others stay for later.</summary>
    public async Task<JsonObject> ReceiveAsync(Func<JsonObject, bool> match)
    {
        for (var i = 0; i < _backlog.Count; i++)
        {
            if (JsonNode.Parse(_backlog[i]) is JsonObject kept && match(kept))
            {
                _backlog.RemoveAt(i);
                return kept;
            }
        }
        while (true)
        {
            var text = await ReadFrameAsync() ?? throw new Xunit.Sdk.XunitException($"The connection closed ({CloseStatus}) before the expected message; seen: {string.Join(" ", _backlog)}");
            if (JsonNode.Parse(text) is JsonObject message && match(message))
            {
                return message;
            }
            _backlog.Add(text);
        }
    }

    /// <summary>Reads until the server closes; returns its close status.</summary>
    public async Task<WebSocketCloseStatus?> WaitForCloseAsync()
    {
        while (await ReadFrameAsync() is not null)
        {
        }
        return CloseStatus;
    }

    /// <summary>True when no frame arrives within <paramref name="quiet"/> (the frame, if any, is kept).</summary>
    public async Task<bool> IsQuietForAsync(TimeSpan quiet)
    {
        var read = ReadFrameAsync();
        if (await Task.WhenAny(read, Task.Delay(quiet)) != read)
        {
            _pendingRead = read;
            return true;
        }
        if (await read is { } text)
        {
            _backlog.Add(text);
        }
        return false;
    }

    private Task<string?>? _pendingRead;

    /// <summary>
    /// Sends a ping and returns every message that arrived before its pong: what the server had sent up to now
    /// (waiting <paramref name="settle"/> first, for events still on their way).
    /// </summary>
    public async Task<IReadOnlyList<JsonObject>> DrainAsync(TimeSpan settle)
    {
        await Task.Delay(settle);
        var id = $"sync{Interlocked.Increment(ref _nextId)}";
        await SendAsync(new { msg = "ping", id });
        var before = new List<JsonObject>();
        while (await ReceiveAsync() is var message && !(message["msg"]?.GetValue<string>() == "pong" && message["id"]?.GetValue<string>() == id))
        {
            before.Add(message);
        }
        return before;
    }

    public async Task ConnectAsync()
    {
        await SendAsync("""{"msg":"connect","version":"1","support":["1","pre2","pre1"]}""");
        var connected = await ReceiveAsync(m => m["msg"]?.GetValue<string>() is "connected" or "failed");
        Assert.Equal("connected", connected["msg"]!.GetValue<string>());
    }

    /// <summary>Calls a method; returns its <c>result</c> message after checking the <c>updated</c> that follows.</summary>
    public async Task<JsonObject> CallAsync(string method, params object?[] parameters)
    {
        var id = $"m{Interlocked.Increment(ref _nextId)}";
        await SendAsync(new { msg = "method", method, @params = parameters, id });
        var result = await ReceiveAsync(m => m["msg"]?.GetValue<string>() == "result" && m["id"]?.GetValue<string>() == id);
        await ReceiveAsync(m => m["msg"]?.GetValue<string>() == "updated" && m["methods"]?[0]?.GetValue<string>() == id);
        return result;
    }

    /// <summary>Subscribes; returns the <c>ready</c> or the <c>nosub</c> that answers it.</summary>
    public async Task<JsonObject> SubscribeAsync(string stream, string eventName, bool useCollection = false, string? id = null)
    {
        id ??= $"s{Interlocked.Increment(ref _nextId)}";
        await SendAsync(new { msg = "sub", id, name = stream, @params = new object[] { eventName, new { useCollection, args = Array.Empty<object>() } } });
        return await ReceiveAsync(m => IsAnswerTo(m, id));
    }

    /// <summary>The next <c>changed</c> event of this stream and event name.</summary>
    public Task<JsonObject> EventAsync(string stream, string eventName) =>
        ReceiveAsync(m => m["msg"]?.GetValue<string>() == "changed" && m["collection"]?.GetValue<string>() == stream
            && m["fields"]?["eventName"]?.GetValue<string>() == eventName);

    public static bool IsAnswerTo(JsonObject message, string subscriptionId) =>
        (message["msg"]?.GetValue<string>() == "ready" && message["subs"]?.AsArray().Any(s => s?.GetValue<string>() == subscriptionId) == true)
        || (message["msg"]?.GetValue<string>() == "nosub" && message["id"]?.GetValue<string>() == subscriptionId);

    private async Task<string?> ReadFrameAsync()
    {
        if (_pendingRead is { } pending)
        {
            _pendingRead = null;
            return await pending.WaitAsync(MaxWait);
        }
        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseSent))
        {
            return null;
        }
        using var timeout = new CancellationTokenSource(MaxWait);
        using var frame = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            WebSocketReceiveResult result;
            try
            {
                result = await _socket.ReceiveAsync(buffer, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Nothing arrived within {MaxWait.TotalSeconds} s.");
            }
            if (result.MessageType == WebSocketMessageType.Close)
            {
                // Complete the closing handshake, as a well-behaved client does.
                if (_socket.State == WebSocketState.CloseReceived)
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, timeout.Token);
                }
                return null;
            }
            frame.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(frame.ToArray());
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // The server is gone already.
            }
        }
        _socket.Dispose();
    }
}
