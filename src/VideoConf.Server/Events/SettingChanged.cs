namespace VideoConf.Server.Events;

/// <summary>
/// A setting was changed (through the API, by <see cref="Settings.SettingsService"/>); its new value is in the store
/// and in force on the instance that changed it. On the other instances <see cref="Cluster.ClusterSync"/> re-reads it
/// when this arrives, so a subscriber there that needs the value reads it at use rather than from this event.
/// </summary>
internal sealed record SettingChanged(string SettingId) : ServerEvent;
