using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using VideoConf.Server.Events;
using VideoConf.Server.Settings;

namespace VideoConf.Server.Tests.Http;

/// <summary>A <see cref="SettingsService"/> without a server: in-memory store, configuration from pairs.</summary>
internal static class TestSettings
{
    /// <summary>Settings initialized from configuration keys such as <c>Settings:API_Default_Count</c>.</summary>
    public static async Task<SettingsService> CreateAsync(params (string Key, string Value)[] configuration)
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(configuration.Select(c => new KeyValuePair<string, string?>(c.Key, c.Value)))
            .Build();
        var settings = new SettingsService(
            new InMemorySettingStore(),
            config,
            new EphemeralDataProtectionProvider(),
            new EventHub(NullLogger<EventHub>.Instance),
            TimeProvider.System,
            NullLogger<SettingsService>.Instance);
        await settings.InitializeAsync();
        return settings;
    }
}
