using System.Net.WebSockets;
using Microsoft.Extensions.Options;
using VideoConf.Server.Http;
using VideoConf.Server.Outcomes;
using VideoConf.Server.Realtime.Sessions;
using VideoConf.Server.Realtime.Streams;
using VideoConf.Server.Settings;
using VideoConf.Server.Storage;

namespace VideoConf.Server.Realtime.Transport;

/// <summary>
/// Admits a realtime connection and runs it. Before the upgrade: a WebSocket request at all (400), the origin rule
/// shared with REST's CORS (403), and the connection cap (503), each answered in the API's JSON envelope.
/// </summary>
internal sealed partial class RealtimeServer(
    SessionRegistry sessions,
    StreamSubscriptions subscriptions,
    DdpDispatcher dispatcher,
    SettingsService settings,
    IOptions<RealtimeOptions> options,
    TimeProvider time,
    ILogger<RealtimeServer> logger)
{
    private static readonly Failure NotWebSocket = Failure.Plain("Not a WebSocket request");

    private static readonly Failure InvalidOrigin = Failure.Plain("Invalid origin", FailureKind.Forbidden);

    public async Task ServeAsync(HttpContext context, IRealtimeFraming framing)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await ApiResults.Error(NotWebSocket).ExecuteAsync(context);
            return;
        }
        if (!CorsOrigins.Permits(settings, context.Request.Headers.Origin.ToString()))
        {
            await ApiResults.Error(InvalidOrigin).ExecuteAsync(context);
            return;
        }
        if (!sessions.TryReserve(options.Value.MaxConnections))
        {
            LogFull(logger, options.Value.MaxConnections);
            await ApiResults.Error(Failure.Unavailable).ExecuteAsync(context);
            return;
        }
        try
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { KeepAliveInterval = TimeSpan.Zero });
            using var session = new DdpSession(Ids.NewId(), context.Connection.RemoteIpAddress, time.GetUtcNow(), framing.Heartbeat is not null);
            using var cut = context.RequestAborted.Register(session.Abort);
            sessions.Add(session);
            try
            {
                await new RealtimeConnection(socket, framing, session, dispatcher, time, logger).RunAsync();
            }
            finally
            {
                subscriptions.Forget(session);
                sessions.Remove(session);
            }
        }
        finally
        {
            sessions.Release();
        }
    }

    [LoggerMessage(EventId = 611, Level = LogLevel.Warning, Message = "Realtime connection refused: {Max} connections are open (Realtime:MaxConnections)")]
    private static partial void LogFull(ILogger logger, int max);
}
