namespace VideoConf.Server.Events;

/// <summary>Where an event was raised.</summary>
internal enum EventOrigin
{
    /// <summary>On this instance, by the request or task that made the change.</summary>
    Local,

    /// <summary>On another instance sharing the store, relayed through Redis.</summary>
    Remote,
}
