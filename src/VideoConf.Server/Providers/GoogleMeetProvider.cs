using VideoConf.Server.Settings;

namespace VideoConf.Server.Providers;

/// <summary>Google Meet: one fixed link per call, the same for everyone.</summary>
internal sealed class GoogleMeetProvider : IVideoConfProvider
{
    public string Key => "googlemeet";

    public string Label(ISettingsReader settings) => "Google Meet";

    public ProviderCapabilities Capabilities(ISettingsReader settings) => ProviderCapabilities.None;

    public bool IsConfigured(ISettingsReader settings) => true;

    public string CallUrl(ProviderCall call, ISettingsReader settings) =>
        $"http://g.co/meet/{settings.GetString(SettingIds.GoogleMeetUrlPrefix)}{call.CallId}";

    public ProviderJoin JoinUrl(ProviderCall call, ProviderUser user, MediaState state, DateTimeOffset now, ISettingsReader settings) =>
        new(CallUrl(call, settings));
}
