using VideoConf.Server.Outcomes;
using VideoConf.Server.Settings;

namespace VideoConf.Server.Providers;

/// <summary>
/// Which providers are enabled (<c>VideoConf_Enabled_Providers</c>, in that order) and which one is active
/// (<c>VideoConf_Default_Provider</c>, or the only enabled one), with the contract's provider errors.
/// </summary>
internal sealed partial class ProviderRegistry(IEnumerable<IVideoConfProvider> providers, SettingsService settings, ILogger<ProviderRegistry> logger)
{
    private readonly Dictionary<string, IVideoConfProvider> _byKey = providers.ToDictionary(p => p.Key, StringComparer.Ordinal);

    public ISettingsReader Settings => settings;

    /// <summary>Enabled providers in configuration order; unknown keys are skipped and logged.</summary>
    public IReadOnlyList<IVideoConfProvider> Enabled()
    {
        var enabled = new List<IVideoConfProvider>();
        foreach (var key in settings.GetString(SettingIds.VideoConfEnabledProviders).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!_byKey.TryGetValue(key.ToLowerInvariant(), out var provider))
            {
                LogUnknownProvider(logger, key);
                continue;
            }
            if (!enabled.Contains(provider))
            {
                enabled.Add(provider);
            }
        }
        return enabled;
    }

    /// <summary>The provider by key if it is still enabled.</summary>
    public IVideoConfProvider? FindEnabled(string key) => Enabled().FirstOrDefault(p => p.Key == key);

    /// <summary>The active, configured provider, or why there is none (checked in the contract's order).</summary>
    public (IVideoConfProvider? Provider, Failure? Failure) Active()
    {
        var enabled = Enabled();
        if (enabled.Count == 0)
        {
            return (null, ProviderFailures.NoneEnabled);
        }
        var defaultKey = settings.GetString(SettingIds.VideoConfDefaultProvider).Trim().ToLowerInvariant();
        var active = defaultKey.Length == 0
            ? (enabled.Count == 1 ? enabled[0] : null)
            : enabled.FirstOrDefault(p => p.Key == defaultKey);
        if (active is null)
        {
            return (null, ProviderFailures.NoneActive);
        }
        return active.IsConfigured(settings) ? (active, null) : (null, ProviderFailures.NotConfigured);
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Warning, Message = "VideoConf_Enabled_Providers names an unknown provider {ProviderKey}; ignored")]
    private static partial void LogUnknownProvider(ILogger logger, string providerKey);
}
