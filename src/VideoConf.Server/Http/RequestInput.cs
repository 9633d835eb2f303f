using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using VideoConf.Server.Http.Validation;

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
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsDelete(request.Method))
        {
            return (FromQuery(request.Query, schema), null);
        }
        var (body, tooLarge) = await ReadBodyAsync(context);
        if (tooLarge)
        {
            return (null, ApiResults.PayloadTooLarge);
        }
        if (body.Length == 0 || body.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return ([], null);
        }
        if (request.ContentType is { } contentType && contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return (FromForm(body, schema), null);
        }
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            return (null, ApiResults.InvalidJson);
        }
        return parsed is JsonObject obj ? (obj, null) : (null, ApiResults.InvalidParams("must be object"));
    }

    private static async Task<(byte[] Body, bool TooLarge)> ReadBodyAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength > MaxBodyBytes)
        {
            return ([], true);
        }
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            // One byte over the limit lets the reader below see the overflow itself.
            sizeFeature.MaxRequestBodySize = MaxBodyBytes + 1;
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
                    return ([], true);
                }
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ([], true);
        }
        return (buffer.WrittenSpan.ToArray(), false);
    }

    private static JsonObject FromQuery(IQueryCollection query, ObjectSchema schema)
    {
        var values = new JsonObject();
        foreach (var (name, raw) in query)
        {
            AddRaw(values, name, raw.Select(v => v ?? string.Empty).ToArray(), schema);
        }
        return values;
    }

    private static JsonObject FromForm(byte[] body, ObjectSchema schema)
    {
        var values = new JsonObject();
        var parsed = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        foreach (var (name, raw) in parsed)
        {
            AddRaw(values, name, raw.Select(v => v ?? string.Empty).ToArray(), schema);
        }
        return values;
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
