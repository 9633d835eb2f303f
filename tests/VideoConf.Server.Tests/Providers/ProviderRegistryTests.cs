using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using VideoConf.Server.Http;
using VideoConf.Server.Providers;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Providers;

public sealed class ProviderRegistryTests
{
    [Fact]
    public async Task Active_WhenNoProviderIsEnabled_IsNoVideoconfProviderApp()
    {
        var registry = await RegistryAsync(enabled: string.Empty);

        Assert.Equal("no-videoconf-provider-app", await ErrorOfAsync(registry));
    }

    [Fact]
    public async Task Active_WhenNoProviderIsEnabled_ReportsThatBeforeAnUnknownDefault()
    {
        var registry = await RegistryAsync(enabled: string.Empty, defaultProvider: "jitsi");

        Assert.Equal("no-videoconf-provider-app", await ErrorOfAsync(registry));
    }

    [Fact]
    public async Task Active_WhenOnlyUnknownKeysAreEnabled_IsNoVideoconfProviderApp()
    {
        var registry = await RegistryAsync(enabled: "zoom,webex");

        Assert.Equal("no-videoconf-provider-app", await ErrorOfAsync(registry));
    }

    [Fact]
    public async Task Active_WithSeveralEnabledAndNoDefault_IsNoActiveVideoConfProvider()
    {
        var registry = await RegistryAsync(enabled: "jitsi,googlemeet");

        Assert.Equal("no-active-video-conf-provider", await ErrorOfAsync(registry));
    }

    [Fact]
    public async Task Active_WhenTheDefaultIsNotEnabled_IsNoActiveVideoConfProvider()
    {
        var registry = await RegistryAsync(enabled: "jitsi,googlemeet", defaultProvider: "bigbluebutton");

        Assert.Equal("no-active-video-conf-provider", await ErrorOfAsync(registry));
    }

    [Fact]
    public async Task Active_WhenTheOnlyEnabledProviderIsNotTheDefault_IsNoActiveVideoConfProvider()
    {
        var registry = await RegistryAsync(enabled: "jitsi", defaultProvider: "googlemeet");

        Assert.Equal("no-active-video-conf-provider", await ErrorOfAsync(registry));
    }

    [Fact]
    public async Task Active_WithSeveralEnabledAndNoDefault_ReportsThatBeforeAMissingConfiguration()
    {
        // BigBlueButton has no server or secret here; the missing default is still reported first.
        var registry = await RegistryAsync(enabled: "bigbluebutton,custom");

        Assert.Equal("no-active-video-conf-provider", await ErrorOfAsync(registry));
    }

    [Fact]
    public async Task Active_WhenTheActiveProviderLacksRequiredSettings_IsVideoConfProviderNotConfigured()
    {
        var registry = await RegistryAsync(enabled: "jitsi,bigbluebutton", defaultProvider: "bigbluebutton");

        Assert.Equal("video-conf-provider-not-configured", await ErrorOfAsync(registry));
    }

    [Fact]
    public async Task Active_WhenTheOnlyEnabledCustomProviderHasNoTemplate_IsVideoConfProviderNotConfigured()
    {
        var registry = await RegistryAsync(enabled: "custom");

        Assert.Equal("video-conf-provider-not-configured", await ErrorOfAsync(registry));
    }

    [Fact]
    public async Task Active_WhenJitsiTokenAuthLacksTheSecret_IsVideoConfProviderNotConfigured()
    {
        var registry = await RegistryAsync(enabled: "jitsi", extra: new()
        {
            ["Jitsi_Enabled_TokenAuth"] = "true",
            ["Jitsi_Application_ID"] = "app",
        });

        Assert.Equal("video-conf-provider-not-configured", await ErrorOfAsync(registry));
    }

    [Fact]
    public async Task Active_WithOneEnabledAndNoDefault_IsThatProvider()
    {
        var registry = await RegistryAsync(enabled: "googlemeet");

        var (provider, error) = registry.Active();

        Assert.Null(error);
        Assert.Equal("googlemeet", provider!.Key);
    }

    [Fact]
    public async Task Active_WithSeveralEnabled_IsTheDefault()
    {
        var registry = await RegistryAsync(enabled: "jitsi,googlemeet,custom", defaultProvider: "googlemeet");

        Assert.Equal("googlemeet", registry.Active().Provider!.Key);
    }

    [Fact]
    public async Task Active_WhenTheDefaultIsConfigured_IsThatProvider()
    {
        var registry = await RegistryAsync(enabled: "jitsi,bigbluebutton", defaultProvider: "bigbluebutton", extra: new()
        {
            ["BigBlueButton_Server_URL"] = "https://bbb.example.org/bigbluebutton/",
            ["BigBlueButton_Shared_Secret"] = "bbb-secret",
        });

        Assert.Equal("bigbluebutton", registry.Active().Provider!.Key);
    }

    [Fact]
    public async Task Active_IgnoresUnknownKeys_SoOneKnownProviderIsActive()
    {
        var registry = await RegistryAsync(enabled: "zoom,googlemeet");

        Assert.Equal("googlemeet", registry.Active().Provider!.Key);
    }

    [Fact]
    public async Task Enabled_KeepsConfigurationOrderAndSkipsUnknownKeys()
    {
        var registry = await RegistryAsync(enabled: "custom, zoom ,googlemeet,jitsi,bigbluebutton");

        Assert.Equal(["custom", "googlemeet", "jitsi", "bigbluebutton"], registry.Enabled().Select(p => p.Key));
    }

    [Fact]
    public async Task Enabled_LogsUnknownKeys()
    {
        var logs = new LogCapture();
        var registry = await RegistryAsync(enabled: "zoom,jitsi", logs: logs);

        registry.Enabled();

        Assert.Contains(logs.Entries, e => e.Level >= LogLevel.Warning && e.Message.Contains("zoom", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FindEnabled_ForAProviderNoLongerEnabled_IsNull()
    {
        var registry = await RegistryAsync(enabled: "googlemeet");

        Assert.Null(registry.FindEnabled("jitsi"));
        Assert.Equal("googlemeet", registry.FindEnabled("googlemeet")!.Key);
    }

    private static async Task<ProviderRegistry> RegistryAsync(string enabled, string defaultProvider = "",
        Dictionary<string, string?>? extra = null, LogCapture? logs = null)
    {
        var configuration = new List<(string, string?)>
        {
            ("Settings:VideoConf_Enabled_Providers", enabled),
            ("Settings:VideoConf_Default_Provider", defaultProvider),
        };
        configuration.AddRange((extra ?? []).Select(e => ($"Settings:{e.Key}", e.Value)));
        var settings = await TestSettings.CreateAsync([.. configuration]);
        IVideoConfProvider[] providers = [new JitsiProvider(), new GoogleMeetProvider(), new BigBlueButtonProvider(), new CustomProvider()];
        return new ProviderRegistry(providers, settings, (logs ?? new LogCapture()).LoggerFor<ProviderRegistry>());
    }

    /// <summary>Renders the registry's failure as the API answers it and returns its bare <c>error</c> code, checking the body's shape.</summary>
    private static async Task<string> ErrorOfAsync(ProviderRegistry registry)
    {
        var (provider, error) = registry.Active();
        Assert.Null(provider);
        Assert.NotNull(error);
        var context = new DefaultHttpContext();
        using var body = new MemoryStream();
        context.Response.Body = body;
        await ApiResults.Error(error!).ExecuteAsync(context);
        Assert.Equal(StatusCodes.Status400BadRequest, context.Response.StatusCode);
        var json = JsonNode.Parse(body.ToArray())!.AsObject();
        Assert.Equal(["success", "error"], json.Select(p => p.Key));
        Assert.False(json["success"]!.GetValue<bool>());
        return json["error"]!.GetValue<string>();
    }
}
