using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using VideoConf.Server.Http.Validation;
using VideoConf.Server.Outcomes;

namespace VideoConf.Server.Http;

/// <summary>
/// Reads a request's raw parameters into a JSON object before any binding: the query string for GET, the JSON (or
/// form) body for POST, within the 1 MB body limit.
/// </summary>
internal static class RequestInput
{
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Returns the parameters, or the error result to answer with instead.</summary>
    public static async Task<(JsonObject? Values, IResult? Error)> ReadAsync(HttpContext context, ObjectSchema schema)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsDelete(request.Method))
        {
            return (FromQueryText(request.QueryString.Value, schema), null);
        }
        var (body, refusal) = await ReadBodyAsync(context);
        if (refusal is not null)
        {
            // The rest of the upload is not read; closing keeps the connection from being held by it.
            context.Response.Headers.Connection = "close";
            return (null, refusal);
        }
        if (body.Length == 0 || body.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return ([], null);
        }
        if (request.ContentType is { } contentType && contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return (FromQueryText(Encoding.UTF8.GetString(body), schema), null);
        }
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? ((JsonObject)ToNode(document.RootElement)!, null)
                : (null, ApiResults.Error(Failure.Validation("must be object")));
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            return (null, ApiResults.Error(Failure.InvalidJson));
        }
    }

    /// <summary>
    /// Copies a parsed document into nodes eagerly, so text that is not valid UTF-8 (or UTF-16 escapes that form no
    /// character) fails here, as invalid JSON, rather than later. A name given twice keeps its last value, as
    /// JavaScript's JSON.parse does.
    /// </summary>
    private static JsonNode? ToNode(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject();
                foreach (var property in element.EnumerateObject())
                {
                    var name = property.Name;
                    obj.Remove(name);
                    obj[name] = ToNode(property.Value);
                }
                return obj;
            case JsonValueKind.Array:
                var array = new JsonArray();
                foreach (var item in element.EnumerateArray())
                {
                    array.Add(ToNode(item));
                }
                return array;
            case JsonValueKind.String:
                return JsonValue.Create(element.GetString());
            case JsonValueKind.Number:
                return JsonValue.Create(element.Clone());
            case JsonValueKind.True:
                return JsonValue.Create(true);
            case JsonValueKind.False:
                return JsonValue.Create(false);
            default:
                return null;
        }
    }

    /// <summary>
    /// Reads the whole body, or says why it was refused: over the limit (413), or broken in transit by the client
    /// (malformed chunking, a body cut short: 400; a body slower than the server's minimum rate: 408; a reset
    /// connection: aborted, since nobody is left to answer).
    /// </summary>
    private static async Task<(byte[] Body, IResult? Refusal)> ReadBodyAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength > MaxBodyBytes)
        {
            return ([], ApiResults.Error(Failure.PayloadTooLarge));
        }
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            // The loop below enforces the limit on the body itself; with a known length one byte over lets it see
            // the overflow, and without one the server's own count (which includes chunk framing) must not refuse
            // a body within the limit.
            sizeFeature.MaxRequestBodySize = request.ContentLength is null ? null : MaxBodyBytes + 1;
        }
        var buffer = new ArrayBufferWriter<byte>(Math.Clamp((int)(request.ContentLength ?? 4096), 1, MaxBodyBytes + 1));
        try
        {
            while (true)
            {
                var memory = buffer.GetMemory(8192);
                var read = await request.Body.ReadAsync(memory, context.RequestAborted);
                if (read == 0)
                {
                    break;
                }
                buffer.Advance(read);
                if (buffer.WrittenCount > MaxBodyBytes)
                {
                    return ([], ApiResults.Error(Failure.PayloadTooLarge));
                }
            }
        }
        catch (BadHttpRequestException ex)
        {
            return ([], ApiResults.TransportFault(ex.StatusCode));
        }
        catch (IOException)
        {
            // The connection was reset mid-body (ConnectionResetException): there is nobody left to answer.
            context.Abort();
            return ([], ApiResults.TransportFault(StatusCodes.Status400BadRequest));
        }
        return (buffer.WrittenSpan.ToArray(), null);
    }

    /// <summary>
    /// Reads name/value pairs from raw query text, grouping names case-sensitively (ASP.NET's own query collection
    /// merges names that differ only in case, which the contract's validators tell apart).
    /// </summary>
    private static JsonObject FromQueryText(string? text, ObjectSchema schema)
    {
        var groups = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var pair in new QueryStringEnumerable(text))
        {
            var name = pair.DecodeName().ToString();
            if (!groups.TryGetValue(name, out var values))
            {
                groups[name] = values = [];
                order.Add(name);
            }
            values.Add(pair.DecodeValue().ToString());
        }
        var result = new JsonObject();
        foreach (var name in order)
        {
            AddRaw(result, name, groups[name].ToArray(), schema);
        }
        return result;
    }

    /// <summary>
    /// A name given twice becomes an array (which then fails a scalar type, as it does behind Rocket.Chat's query
    /// parser); an empty value for a non-string parameter counts as absent (<c>count=</c>).
    /// </summary>
    private static void AddRaw(JsonObject values, string name, string[] raw, ObjectSchema schema)
    {
        if (raw.Length > 1)
        {
            values[name] = new JsonArray(raw.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
            return;
        }
        var value = raw.Length == 1 ? raw[0] : string.Empty;
        if (value.Length == 0 && schema.ByName.TryGetValue(name, out var property) && !property.Type.HasFlag(SchemaType.String))
        {
            return;
        }
        values[name] = value;
    }
}
