using VideoConf.Server.Settings;

namespace VideoConf.Server.Providers;

/// <summary>
/// A meeting provider: a pure URL builder over the current settings. No I/O happens here; a provider that needs
/// its server told about the meeting says so through <see cref="ProviderJoin.CreateMeetingRequest"/>.
/// </summary>
internal interface IVideoConfProvider
{
    /// <summary>The key used in settings and in <c>providerName</c>.</summary>
    string Key { get; }

    string Label(ISettingsReader settings);

    ProviderCapabilities Capabilities(ISettingsReader settings);

    /// <summary>True when every setting the provider needs has a value.</summary>
    bool IsConfigured(ISettingsReader settings);

    /// <summary>The URL stored with the call at start.</summary>
    string CallUrl(ProviderCall call, ISettingsReader settings);

    /// <summary>The URL one user gets from <c>join</c>.</summary>
    ProviderJoin JoinUrl(ProviderCall call, ProviderUser user, MediaState state, DateTimeOffset now, ISettingsReader settings);
}
