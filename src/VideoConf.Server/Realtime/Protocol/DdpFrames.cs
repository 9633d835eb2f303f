using System.Buffers;
using System.Text.Json;
using VideoConf.Server.Http;

namespace VideoConf.Server.Realtime.Protocol;

/// <summary>
/// Every message the server sends, as the JSON text of one DDP message. Each is rendered once: a fan-out hands the
/// same bytes to every subscriber.
/// </summary>
internal static class DdpFrames
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = ApiJson.Options.Encoder };

    public static readonly byte[] Ping = """{"msg":"ping"}"""u8.ToArray();

    public static readonly byte[] PongWithoutId = """{"msg":"pong"}"""u8.ToArray();

    /// <summary>The one version this server speaks, offered back when a client asks for another.</summary>
    public static readonly byte[] Failed = """{"msg":"failed","version":"1"}"""u8.ToArray();

    public static readonly byte[] MustConnectFirst = Error("Must connect first");

    public static readonly byte[] AlreadyConnected = Error("Already connected");

    public static readonly byte[] ParseError = Error("Parse error");

    public static byte[] Connected(string sessionId) => Write(sessionId, static (w, id) =>
    {
        w.WriteString("msg", "connected");
        w.WriteString("session", id);
    });

    /// <summary><c>{"msg":"error","reason":…}</c>, with the message that caused it when there is one.</summary>
    public static byte[] Error(string reason, JsonElement? offendingMessage = null) => Write((reason, offendingMessage), static (w, s) =>
    {
        w.WriteString("msg", "error");
        w.WriteString("reason", s.reason);
        if (s.offendingMessage is { } offending)
        {
            w.WritePropertyName("offendingMessage");
            offending.WriteTo(w);
        }
    });

    public static byte[] Pong(string? id) => id is null ? PongWithoutId : Write(id, static (w, i) =>
    {
        w.WriteString("msg", "pong");
        w.WriteString("id", i);
    });

    /// <summary>A method's answer: its value (none when <paramref name="writeResult"/> is null) or its error.</summary>
    public static byte[] Result(string id, Action<Utf8JsonWriter>? writeResult, MeteorError? error) => Write((id, writeResult, error), static (w, s) =>
    {
        w.WriteString("msg", "result");
        w.WriteString("id", s.id);
        if (s.error is not null)
        {
            w.WritePropertyName("error");
            s.error.WriteTo(w);
        }
        else if (s.writeResult is not null)
        {
            w.WritePropertyName("result");
            s.writeResult(w);
        }
    });

    public static byte[] Updated(string methodId) => Write(methodId, static (w, id) =>
    {
        w.WriteString("msg", "updated");
        w.WriteStartArray("methods");
        w.WriteStringValue(id);
        w.WriteEndArray();
    });

    public static byte[] Ready(string subscriptionId) => Write(subscriptionId, static (w, id) =>
    {
        w.WriteString("msg", "ready");
        w.WriteStartArray("subs");
        w.WriteStringValue(id);
        w.WriteEndArray();
    });

    public static byte[] NoSub(string subscriptionId, MeteorError? error = null) => Write((subscriptionId, error), static (w, s) =>
    {
        w.WriteString("msg", "nosub");
        w.WriteString("id", s.subscriptionId);
        if (s.error is not null)
        {
            w.WritePropertyName("error");
            s.error.WriteTo(w);
        }
    });

    /// <summary>What a stream sends first to a subscription with <c>useCollection: true</c>.</summary>
    public static byte[] Added(string collection, string eventName) => Write((collection, eventName), static (w, s) =>
    {
        w.WriteString("msg", "added");
        w.WriteString("collection", s.collection);
        w.WriteString("id", "id");
        w.WriteStartObject("fields");
        w.WriteString("eventName", s.eventName);
        w.WriteEndObject();
    });

    /// <summary>One stream event: <c>{"msg":"changed","collection":…,"id":"id","fields":{"eventName":…,"args":[…]}}</c>.</summary>
    public static byte[] Changed<TState>(string collection, string eventName, TState state, Action<Utf8JsonWriter, TState> writeArgs) =>
        Write((collection, eventName, state, writeArgs), static (w, s) =>
        {
            w.WriteString("msg", "changed");
            w.WriteString("collection", s.collection);
            w.WriteString("id", "id");
            w.WriteStartObject("fields");
            w.WriteString("eventName", s.eventName);
            w.WriteStartArray("args");
            s.writeArgs(w, s.state);
            w.WriteEndArray();
            w.WriteEndObject();
        });

    private static byte[] Write<TState>(TState state, Action<Utf8JsonWriter, TState> writeBody)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writeBody(writer, state);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
