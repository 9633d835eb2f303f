namespace VideoConf.Server.Realtime;

/// <summary>The realtime API's configuration (section <c>Realtime</c>).</summary>
internal sealed class RealtimeOptions
{
    public const string SectionName = "Realtime";

    /// <summary>Open realtime connections this instance accepts; past it the upgrade is refused with 503.</summary>
    public int MaxConnections { get; set; } = 20_000;
}
