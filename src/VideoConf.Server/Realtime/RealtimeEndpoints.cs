using System.Security.Cryptography;
using System.Text.Json;
using VideoConf.Server.Realtime.Transport;

namespace VideoConf.Server.Realtime;

/// <summary>
/// The realtime API's addresses: <c>/websocket</c> (one DDP message per frame) and SockJS's
/// <c>/sockjs/info</c> and <c>/sockjs/&lt;3 digits&gt;/&lt;session&gt;/websocket</c>.
/// </summary>
internal static class RealtimeEndpoints
{
    public static WebApplication MapRealtime(this WebApplication app)
    {
        // The server sends DDP pings itself (RealtimeHeartbeat); WebSocket-level keep-alives would only add traffic.
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        app.MapGet("/websocket", ServeDdp).WithName("realtime-websocket").ExcludeFromDescription();
        app.MapGet("/sockjs/info", SockJsInfo).WithName("realtime-sockjs-info").ExcludeFromDescription();
        app.MapGet("/sockjs/{serverId:regex(^[0-9]{{3}}$)}/{sessionId}/websocket", ServeSockJs).WithName("realtime-sockjs").ExcludeFromDescription();
        return app;
    }

    private static Task ServeDdp(HttpContext context, RealtimeServer server) => server.ServeAsync(context, DdpFraming.Instance);

    private static Task ServeSockJs(HttpContext context, RealtimeServer server) => server.ServeAsync(context, SockJsFraming.Instance);

    private static IResult SockJsInfo(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store, no-cache, no-transform, must-revalidate, max-age=0";
        return Results.Json(new SockJsInfoBody(true, ["*:*"], false, BitConverter.ToUInt32(RandomNumberGenerator.GetBytes(4))), SockJsInfoBody.JsonOptions);
    }

    private sealed record SockJsInfoBody(bool Websocket, string[] Origins, bool CookieNeeded, uint Entropy)
    {
        public static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    }
}
