using VideoConf.Server.Settings;

namespace VideoConf.Server.Providers;

/// <summary>
/// A provider defined by a URL template with the placeholders <c>{callId}</c>, <c>{roomId}</c>, <c>{title}</c>,
/// <c>{userId}</c> and <c>{username}</c>, each percent-encoded.
/// </summary>
internal sealed class CustomProvider : IVideoConfProvider
{
    public string Key => "custom";

    public string Label(ISettingsReader settings) =>
        settings.GetString(SettingIds.CustomProviderLabel) is { Length: > 0 } label ? label : "Custom";

    public ProviderCapabilities Capabilities(ISettingsReader settings)
    {
        var names = settings.GetString(SettingIds.CustomProviderCapabilities)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new ProviderCapabilities(names.Contains("mic"), names.Contains("cam"), names.Contains("title"), names.Contains("persistentChat"));
    }

    public bool IsConfigured(ISettingsReader settings) => settings.GetString(SettingIds.CustomProviderUrlTemplate).Trim().Length > 0;

    public string CallUrl(ProviderCall call, ISettingsReader settings) => Fill(call, ProviderUser.Anonymous, settings);

    public ProviderJoin JoinUrl(ProviderCall call, ProviderUser user, MediaState state, DateTimeOffset now, ISettingsReader settings) =>
        new(Fill(call, user, settings));

    private static string Fill(ProviderCall call, ProviderUser user, ISettingsReader settings) =>
        settings.GetString(SettingIds.CustomProviderUrlTemplate).Trim()
            .Replace("{callId}", Escape(call.CallId), StringComparison.Ordinal)
            .Replace("{roomId}", Escape(call.RoomId), StringComparison.Ordinal)
            .Replace("{title}", Escape(call.Title), StringComparison.Ordinal)
            .Replace("{userId}", Escape(user.Id), StringComparison.Ordinal)
            .Replace("{username}", Escape(user.Username), StringComparison.Ordinal);

    private static string Escape(string? value) => Uri.EscapeDataString(value ?? string.Empty);
}
