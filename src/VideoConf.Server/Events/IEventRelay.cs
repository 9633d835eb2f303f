namespace VideoConf.Server.Events;

/// <summary>
/// Carries events between the instances that share a store (Redis, when configured). Without one, this instance is
/// the only one and events stay in it.
/// </summary>
internal interface IEventRelay
{
    /// <summary>Hands this instance's event to the other instances without waiting for them (or for Redis).</summary>
    void Send(ServerEvent serverEvent);

    /// <summary>Starts receiving the other instances' events; <paramref name="receive"/> is called for each, in order.</summary>
    void Listen(Action<ServerEvent> receive);
}
