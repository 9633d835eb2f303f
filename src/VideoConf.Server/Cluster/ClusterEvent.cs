namespace VideoConf.Server.Cluster;

/// <summary>Something one instance tells the others: a setting changed, a call moved.</summary>
/// <param name="Kind">What happened (<see cref="ClusterEvents"/>).</param>
/// <param name="Key">What it happened to (a setting id, a call id).</param>
internal sealed record ClusterEvent(string Kind, string Key);

internal static class ClusterEvents
{
    public const string SettingChanged = "setting";
    public const string CallChanged = "call";
}
