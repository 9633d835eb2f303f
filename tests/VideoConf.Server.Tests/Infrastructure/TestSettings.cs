using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using VideoConf.Server.Events;
using VideoConf.Server.Settings;

namespace VideoConf.Server.Tests.Infrastructure;

/// <summary>
/// Settings for tests: a <see cref="SettingsService"/> without a server (an <see cref="InMemorySettingStore"/> and
/// configuration pairs), and changing a setting of a running server through the API as the admin.
/// </summary>
public static class TestSettings
{
    /// <summary>Settings initialized from configuration keys such as <c>Settings:API_Default_Count</c>.</summary>
    internal static async Task<SettingsService> CreateAsync(params (string Key, string? Value)[] configuration)
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

    /// <summary>Changes a setting at run time as the admin; the change must be accepted.</summary>
    public static async Task ChangeSettingAsync(this ITestServer server, string id, object value) =>
        await (await server.LoginAdminAsync()).ChangeSettingAsync(id, value);

    /// <summary>The same, with an admin client the caller already holds.</summary>
    public static async Task ChangeSettingAsync(this ApiClient admin, string id, object value) =>
        (await admin.PostAsync($"settings/{id}", new { value })).AssertOk();
}
