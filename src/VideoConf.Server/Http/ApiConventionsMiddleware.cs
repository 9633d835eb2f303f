using VideoConf.Server.Operations;
using VideoConf.Server.Outcomes;
using VideoConf.Server.Settings;
using VideoConf.Server.Storage;

namespace VideoConf.Server.Http;

/// <summary>
/// The transport conventions every <c>/api</c> response shares: no-cache headers, Rocket.Chat's CORS behaviour, and
/// the one place where unexpected exceptions become the logged 500 envelope (or 503 when the store is down).
/// </summary>
internal sealed partial class ApiConventionsMiddleware(RequestDelegate next, SettingsService settings, VideoConfMetrics metrics, ILogger<ApiConventionsMiddleware> logger)
{
    private const string AllowedHeaders = "Origin, X-Requested-With, Content-Type, Accept, X-User-Id, X-Auth-Token, Authorization";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }
        ApiResults.ApplyNoCacheHeaders(context.Response);
        var corsRefusal = ApplyCors(context);
        if (corsRefusal is not null)
        {
            await corsRefusal.ExecuteAsync(context);
            return;
        }
        if (HttpMethods.IsOptions(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }
        try
        {
            await next(context);
        }
        catch (Exception ex) when (context.RequestAborted.IsCancellationRequested && ex is OperationCanceledException or IOException)
        {
            // The client went away (ConnectionResetException is an IOException); there is nobody to answer.
            LogClientGone(logger, context.Request.Method, context.Request.Path);
        }
        catch (BadHttpRequestException ex)
        {
            // The request broke in transit (bad framing, too slow, cut short): the client's fault, not ours.
            LogBadTransport(logger, context.Request.Method, context.Request.Path, ex.StatusCode, ex.Message);
            await AnswerFaultAsync(context, ApiResults.TransportFault(ex.StatusCode));
        }
        catch (StoreUnavailableException ex)
        {
            LogStoreUnavailable(logger, context.Request.Path, ex);
            metrics.StoreError();
            await AnswerFaultAsync(context, ApiResults.Error(Failure.Unavailable));
        }
        catch (Exception ex)
        {
            LogUnhandled(logger, context.Request.Method, context.Request.Path, ex);
            await AnswerFaultAsync(context, ApiResults.Error(Failure.Internal));
        }
    }

    private static async Task AnswerFaultAsync(HttpContext context, IResult result)
    {
        if (context.Response.HasStarted)
        {
            // Part of a body went out: cut the connection rather than leave a truncated document that parses.
            context.Abort();
            return;
        }
        var allowOrigin = context.Response.Headers.AccessControlAllowOrigin;
        var allowHeaders = context.Response.Headers.AccessControlAllowHeaders;
        context.Response.Clear();
        ApiResults.ApplyNoCacheHeaders(context.Response);
        // Keep the CORS answer, so a browser can read the error.
        context.Response.Headers.AccessControlAllowOrigin = allowOrigin;
        context.Response.Headers.AccessControlAllowHeaders = allowHeaders;
        await result.ExecuteAsync(context);
    }

    private static readonly Failure CorsDisabled = Failure.Plain("CORS not enabled. Go to \"Admin > General > REST Api\" to enable it.", FailureKind.MethodNotAllowed);

    private static readonly Failure InvalidOrigin = Failure.Plain("Invalid origin", FailureKind.Forbidden);

    /// <summary>Returns a refusal, or null after adding the CORS headers that apply.</summary>
    private IResult? ApplyCors(HttpContext context)
    {
        var isPreflight = HttpMethods.IsOptions(context.Request.Method);
        if (!CorsOrigins.Enabled(settings))
        {
            return isPreflight
                ? ApiResults.Error(CorsDisabled)
                : null;
        }
        var match = CorsOrigins.Match(settings, context.Request.Headers.Origin.ToString());
        if (!match.Allowed)
        {
            return ApiResults.Error(InvalidOrigin);
        }
        if (match.AllowOrigin is { } allowOrigin)
        {
            context.Response.Headers.AccessControlAllowOrigin = allowOrigin;
        }
        context.Response.Headers.AccessControlAllowHeaders = AllowedHeaders;
        return null;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, string method, string path, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Client closed the connection during {Method} {Path}")]
    private static partial void LogClientGone(ILogger logger, string method, string path);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Request {Method} {Path} broke in transit ({Status}): {Reason}")]
    private static partial void LogBadTransport(ILogger logger, string method, string path, int status, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Store unavailable while serving {Path}")]
    private static partial void LogStoreUnavailable(ILogger logger, string path, Exception exception);
}
