namespace VideoConf.Server.Events;

/// <summary>A setting was changed through the API; its new value is in the store.</summary>
internal sealed record SettingChanged(string SettingId) : ServerEvent;
