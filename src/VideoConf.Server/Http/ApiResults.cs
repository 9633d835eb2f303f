using System.Text;
using System.Text.Json;

namespace VideoConf.Server.Http;

/// <summary>
/// Every response body the API sends, in Rocket.Chat's envelope: success bodies get <c>"success":true</c> appended
/// as the last key, error bodies follow the fixed shapes of the contract's error table.
/// </summary>
internal static class ApiResults
{
    public const string UnauthorizedMessage = "You must be logged in to do this.";

    public static readonly IResult Empty = new RawJsonResult(StatusCodes.Status200OK, """{"success":true}"""u8.ToArray());

    public static readonly IResult Unauthorized = new RawJsonResult(
        StatusCodes.Status401Unauthorized,
        Encoding.UTF8.GetBytes($$"""{"success":false,"error":"{{UnauthorizedMessage}}","status":"error","message":"{{UnauthorizedMessage}}"}"""));

    public static readonly IResult Forbidden = Failure("unauthorized", StatusCodes.Status403Forbidden);

    public static readonly IResult NotFound = Failure("Resource not found", StatusCodes.Status404NotFound);

    public static readonly IResult InvalidJson = InvalidParams("Invalid JSON body");

    public static readonly IResult PayloadTooLarge = Failure("Payload Too Large", StatusCodes.Status413PayloadTooLarge);

    /// <summary>
    /// A request the client broke in transit, with the status the web server gave it (400 malformed or cut short,
    /// 408 too slow, 413 too large), in the error envelope.
    /// </summary>
    public static IResult TransportFault(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => PayloadTooLarge,
        StatusCodes.Status408RequestTimeout => RequestTimeout,
        _ => BadRequest,
    };

    private static readonly IResult BadRequest = Failure("Bad Request");

    private static readonly IResult RequestTimeout = Failure("Request Timeout", StatusCodes.Status408RequestTimeout);

    public static readonly IResult InternalError = Failure("Internal server error", StatusCodes.Status500InternalServerError);

    public static readonly IResult ServiceUnavailable = Failure("Service Unavailable", StatusCodes.Status503ServiceUnavailable);

    /// <summary>A fixed JSON body, for error shapes that differ from the common ones.</summary>
    public static IResult Raw(int status, byte[] body) => new RawJsonResult(status, body);

    /// <summary>200 with the body's own keys first and <c>success</c> last.</summary>
    public static IResult Ok<T>(T body) => new EnvelopeResult<T>(body);

    /// <summary>200 for a body already serialized as a JSON object; <c>success</c> is appended.</summary>
    public static IResult OkJson(byte[] objectJson) => new PreSerializedResult(objectJson);

    /// <summary>400 for a request whose parameters fail their schema.</summary>
    public static IResult InvalidParams(string message) => DomainError(message, "invalid-params");

    /// <summary>400 <c>{"success":false,"error":"reason [code]","errorType":"code"}</c>.</summary>
    public static IResult DomainError(string reason, string code, int status = StatusCodes.Status400BadRequest) =>
        new RawJsonResult(status, Write(w =>
        {
            w.WriteBoolean("success", false);
            w.WriteString("error", $"{reason} [{code}]");
            w.WriteString("errorType", code);
        }));

    /// <summary>A bare failure: <c>{"success":false,"error":"code"}</c>.</summary>
    public static IResult Failure(string error, int status = StatusCodes.Status400BadRequest) =>
        new RawJsonResult(status, Write(w =>
        {
            w.WriteBoolean("success", false);
            w.WriteString("error", error);
        }));

    /// <summary>Writes an object body with the API's encoder; <paramref name="fill"/> writes its properties.</summary>
    public static byte[] Write(Action<Utf8JsonWriter> fill)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = ApiJson.Options.Encoder }))
        {
            writer.WriteStartObject();
            fill(writer);
            writer.WriteEndObject();
        }
        return stream.ToArray();
    }

    public static void ApplyNoCacheHeaders(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
    }

    private sealed class EnvelopeResult<T>(T body) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(body, ApiJson.Options);
            return WriteEnvelopeAsync(httpContext.Response, bytes);
        }
    }

    /// <summary>Turns a serialized object <c>{...}</c> into <c>{..., "success":true}</c> on the wire.</summary>
    public static async Task WriteEnvelopeAsync(HttpResponse response, ReadOnlyMemory<byte> objectJson)
    {
        if (objectJson.Length < 2 || objectJson.Span[^1] != (byte)'}')
        {
            throw new InvalidOperationException("An API success body must serialize to a JSON object.");
        }
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        var hasProperties = objectJson.Length > 2;
        await response.Body.WriteAsync(objectJson[..^1]);
        await response.Body.WriteAsync(hasProperties ? SuccessAfterProperties : SuccessOnly);
    }

    private static readonly byte[] SuccessAfterProperties = ",\"success\":true}"u8.ToArray();
    private static readonly byte[] SuccessOnly = "\"success\":true}"u8.ToArray();

    private sealed class PreSerializedResult(byte[] objectJson) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => WriteEnvelopeAsync(httpContext.Response, objectJson);
    }

    private sealed class RawJsonResult(int status, byte[] body) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = "application/json";
            return httpContext.Response.Body.WriteAsync(body).AsTask();
        }
    }
}
