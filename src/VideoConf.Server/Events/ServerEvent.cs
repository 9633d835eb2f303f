namespace VideoConf.Server.Events;

/// <summary>
/// Something that changed on the server and that other parts (the metrics, the settings of other instances, the
/// realtime API) react to. Published to the <see cref="EventHub"/> after the change is stored.
/// </summary>
internal abstract record ServerEvent;
