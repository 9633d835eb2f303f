using System.Globalization;
using System.Text;
using System.Text.Json;
using VideoConf.Server.Outcomes;

namespace VideoConf.Server.Http;

/// <summary>
/// Every response body the API sends, in Rocket.Chat's envelope: success bodies get <c>"success":true</c> appended
/// as the last key, error bodies follow the fixed shapes of the contract's error table.
/// </summary>
internal static class ApiResults
{
    public const string UnauthorizedMessage = "You must be logged in to do this.";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = ApiJson.Options.Encoder };

    public static readonly IResult Empty = new RawJsonResult(StatusCodes.Status200OK, """{"success":true}"""u8.ToArray());

    /// <summary>The 401 of every route but <c>login</c>, a shape of its own (<c>status</c> and <c>message</c> beside <c>error</c>).</summary>
    public static readonly byte[] UnauthorizedBody =
        Encoding.UTF8.GetBytes($$"""{"success":false,"error":"{{UnauthorizedMessage}}","status":"error","message":"{{UnauthorizedMessage}}"}""");

    public static readonly IResult Unauthorized = new RawJsonResult(StatusCodes.Status401Unauthorized, UnauthorizedBody);

    /// <summary>A fixed JSON body, for the few error shapes of the contract that are neither kind of <see cref="Failure"/>.</summary>
    public static IResult Raw(int status, byte[] body) => new RawJsonResult(status, body);

    /// <summary>200 with the body's own keys first and <c>success</c> last.</summary>
    public static IResult Ok<T>(T body) => new EnvelopeResult<T>(body);

    /// <summary>200 for a body already serialized as a JSON object; <c>success</c> is appended.</summary>
    public static IResult OkJson(byte[] objectJson) => new PreSerializedResult(objectJson);

    /// <summary>The failure in the contract's error envelope, with the status of its kind.</summary>
    public static IResult Error(Failure failure) => failure.RetryAfter is { } wait
        ? new RetryLaterResult(StatusOf(failure.Kind), ErrorBody(failure), wait)
        : new RawJsonResult(StatusOf(failure.Kind), ErrorBody(failure));

    /// <summary>A service's outcome: <paramref name="success"/> renders its value, a failure gets the error envelope.</summary>
    public static IResult From<T>(Outcome<T> outcome, Func<T, IResult> success)
        where T : class => outcome.Value is { } value ? success(value) : Error(outcome.Failure!);

    /// <summary>The outcome of an action with nothing to return: <c>{"success":true}</c>, or the failure.</summary>
    public static IResult From(Failure? failure) => failure is null ? Empty : Error(failure);

    /// <summary>The failure's error body, as <see cref="Error"/> sends it.</summary>
    public static byte[] ErrorBody(Failure failure)
    {
        using var stream = new MemoryStream(128);
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            WriteError(writer, failure);
        }
        return stream.ToArray();
    }

    /// <summary>
    /// A request the client broke in transit, with the status the web server gave it (400 malformed or cut short,
    /// 408 too slow, 413 too large), in the error envelope.
    /// </summary>
    public static IResult TransportFault(int status) => Error(status switch
    {
        StatusCodes.Status413PayloadTooLarge => Failure.PayloadTooLarge,
        StatusCodes.Status408RequestTimeout => Failure.RequestTimeout,
        _ => Failure.BadRequest,
    });

    /// <summary>The HTTP status a kind of failure is answered with.</summary>
    public static int StatusOf(FailureKind kind) => kind switch
    {
        FailureKind.Unauthenticated => StatusCodes.Status401Unauthorized,
        FailureKind.Forbidden => StatusCodes.Status403Forbidden,
        FailureKind.NotFound => StatusCodes.Status404NotFound,
        FailureKind.MethodNotAllowed => StatusCodes.Status405MethodNotAllowed,
        FailureKind.Timeout => StatusCodes.Status408RequestTimeout,
        FailureKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        FailureKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
        FailureKind.Internal => StatusCodes.Status500InternalServerError,
        FailureKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>
    /// The one place the error shapes are written: <c>{"success":false,"error":"code"}</c> for a plain failure,
    /// <c>{"success":false,"error":"reason [code]","errorType":"code"}</c> for one with a reason, and for wrong
    /// credentials Rocket.Chat's login shape <c>{"success":false,"status":"error","error":"code","message":"code"}</c>.
    /// </summary>
    public static void WriteError(Utf8JsonWriter writer, Failure failure)
    {
        writer.WriteStartObject();
        writer.WriteBoolean("success", false);
        if (failure.Kind == FailureKind.Unauthenticated)
        {
            writer.WriteString("status", "error");
            writer.WriteString("error", failure.Code);
            writer.WriteString("message", failure.Code);
        }
        else if (failure.Reason is null)
        {
            writer.WriteString("error", failure.Code);
        }
        else
        {
            writer.WriteString("error", $"{failure.Reason} [{failure.Code}]");
            writer.WriteString("errorType", failure.Code);
        }
        writer.WriteEndObject();
    }

    /// <summary>Writes an object body with the API's encoder; <paramref name="fill"/> writes its properties.</summary>
    public static byte[] Write(Action<Utf8JsonWriter> fill)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
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

    private sealed class RetryLaterResult(int status, byte[] body, TimeSpan wait) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            // Whole seconds, rounded up: a client that waits as told is never early.
            var seconds = (long)Math.Ceiling(Math.Max(0, wait.TotalSeconds));
            httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return new RawJsonResult(status, body).ExecuteAsync(httpContext);
        }
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
