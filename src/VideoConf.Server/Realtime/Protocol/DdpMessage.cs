using System.Text.Json;
using System.Text.Unicode;

namespace VideoConf.Server.Realtime.Protocol;

/// <summary>
/// One message a client sent: the parsed JSON object and its <c>msg</c>. It owns the parsed document; dispose it
/// once handled.
/// </summary>
internal sealed class DdpMessage : IDisposable
{
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 64 };

    private readonly JsonDocument _document;

    private DdpMessage(JsonDocument document, string? msg)
    {
        _document = document;
        Msg = msg;
    }

    /// <summary>The message kind; null when the object has no string <c>msg</c>.</summary>
    public string? Msg { get; }

    public JsonElement Root => _document.RootElement;

    /// <summary>The message, or null when the text is not a JSON object (the client is then told <c>Parse error</c>).</summary>
    public static DdpMessage? Parse(ReadOnlyMemory<byte> utf8Json)
    {
        // Text frames arrive checked by the WebSocket layer; binary ones are checked here.
        if (!Utf8.IsValid(utf8Json.Span))
        {
            return null;
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, ParseOptions);
        }
        catch (JsonException)
        {
            return null;
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            return null;
        }
        var msg = document.RootElement.TryGetProperty("msg", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return new DdpMessage(document, msg);
    }

    /// <summary>The string property, or null when it is missing or not a string.</summary>
    public string? String(string name) =>
        Root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public bool Has(string name) => Root.TryGetProperty(name, out _);

    /// <summary><c>params</c> when it is an array; an empty array when it is absent; null when it is something else.</summary>
    public JsonElement? Params()
    {
        if (!Root.TryGetProperty("params", out var value))
        {
            return EmptyArray;
        }
        return value.ValueKind == JsonValueKind.Array ? value : null;
    }

    private static readonly JsonElement EmptyArray = JsonDocument.Parse("[]").RootElement;

    public void Dispose() => _document.Dispose();
}
