using System.Net.WebSockets;
using VideoConf.Server.Realtime.Protocol;

namespace VideoConf.Server.Realtime.Sessions;

/// <summary>
/// One timer for every connection, on <see cref="TimeProvider"/>: closes a connection that has not sent
/// <c>connect</c> within <see cref="ConnectDeadline"/>; pings one silent for <see cref="Silence"/> and closes it if
/// nothing arrives within <see cref="PingTimeout"/>; sends SockJS's <c>h</c> after <see cref="TransportHeartbeat"/>
/// without output; and cuts a connection whose close has not completed within <see cref="CloseGrace"/> (a peer that
/// stopped reading).
/// </summary>
internal sealed class RealtimeHeartbeat(SessionRegistry sessions, IHostApplicationLifetime lifetime, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan ConnectDeadline = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan Silence = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan TransportHeartbeat = TimeSpan.FromSeconds(25);
    public static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Sweep(time.GetUtcNow());
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>
    /// Closes every connection (1001) as soon as the server begins to stop, before the web server waits for its open
    /// requests: clients reconnect elsewhere at once, and the shutdown does not wait out its timeout for sockets.
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopping.Register(CloseAll);
        return base.StartAsync(cancellationToken);
    }

    private void CloseAll()
    {
        var now = time.GetUtcNow();
        foreach (var session in sessions.All)
        {
            session.Close(WebSocketCloseStatus.EndpointUnavailable, "Server shutting down", now);
        }
    }

    /// <summary>One pass over the open connections at <paramref name="now"/>.</summary>
    public void Sweep(DateTimeOffset now)
    {
        foreach (var session in sessions.All)
        {
            Check(session, now);
        }
    }

    private static void Check(DdpSession session, DateTimeOffset now)
    {
        if (session.CloseRequested is { } closing)
        {
            if (now - closing >= CloseGrace)
            {
                session.Abort();
            }
            return;
        }
        if (!session.IsConnected)
        {
            if (now - session.OpenedAt >= ConnectDeadline)
            {
                session.Close(WebSocketCloseStatus.PolicyViolation, "Connect timeout", now);
            }
            return;
        }
        if (session.PingSent is { } pinged)
        {
            if (now - pinged >= PingTimeout)
            {
                session.Close(WebSocketCloseStatus.PolicyViolation, "Heartbeat timeout", now);
                return;
            }
        }
        else if (now - session.LastReceived >= Silence)
        {
            session.Pinged(now);
            session.Send(DdpFrames.Ping, now);
        }
        if (session.HasTransportHeartbeat && now - session.LastSent >= TransportHeartbeat)
        {
            session.Send(Outbox.Heartbeat, now);
            // Counted as written now, so a writer that is stuck does not get one more every second.
            session.Wrote(now);
        }
    }
}
