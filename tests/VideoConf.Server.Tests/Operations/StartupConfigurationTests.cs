using System.Net;
using Microsoft.Extensions.Logging;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Operations;

/// <summary>§7 and §8: a bad configuration stops the start with a message naming the setting; a good one applies.</summary>
public sealed class StartupConfigurationTests
{
    [Fact]
    public void Start_WithUnsupportedStorageProvider_FailsNamingStorageProvider()
    {
        using var factory = new VideoConfFactory();
        factory.WithSetting("Storage:Provider", "mongo");

        var messages = factory.FailedStartMessages();

        Assert.Contains(messages, m => m.Contains("Storage:Provider", StringComparison.Ordinal));
    }

    [Fact]
    public void Start_WithUnparsableOverwriteSetting_FailsNamingIt()
    {
        using var factory = new VideoConfFactory();
        factory.WithSetting("OVERWRITE_SETTING_API_Default_Count", "abc");

        var messages = factory.FailedStartMessages();

        Assert.Contains(messages, m => m.Contains("OVERWRITE_SETTING_API_Default_Count", StringComparison.Ordinal) && m.Contains("abc", StringComparison.Ordinal));
    }

    [Fact]
    public void Start_WithUnparsableBooleanOverwrite_FailsNamingIt()
    {
        using var factory = new VideoConfFactory();
        factory.WithSetting("OVERWRITE_SETTING_API_Enable_CORS", "yes please");

        var messages = factory.FailedStartMessages();

        Assert.Contains(messages, m => m.Contains("OVERWRITE_SETTING_API_Enable_CORS", StringComparison.Ordinal));
    }

    [Fact]
    public void Start_WithUnparsableConfiguredSetting_FailsNamingIt()
    {
        using var factory = new VideoConfFactory();
        factory.WithSetting("Settings:API_Upper_Count_Limit", "lots");

        var messages = factory.FailedStartMessages();

        Assert.Contains(messages, m => m.Contains("Settings:API_Upper_Count_Limit", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("OVERWRITE_SETTING_VideoConf_Expiration_Hours", "2147483647", "must be <= 8760")]
    [InlineData("OVERWRITE_SETTING_VideoConf_Ringing_Timeout", "-5", "must be >= 1")]
    [InlineData("Settings:API_Default_Count", "0", "must be >= 1")]
    [InlineData("Settings:API_Enable_Rate_Limiter_Limit_Time_Default", "-1", "must be >= 1")]
    public void Start_WithASettingOutOfItsRange_FailsNamingItAndTheRange(string key, string value, string range)
    {
        using var factory = new VideoConfFactory();
        factory.WithSetting(key, value);

        var messages = factory.FailedStartMessages();

        Assert.Contains(messages, m => m.Contains(key, StringComparison.Ordinal) && m.Contains(range, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_WithAnOverwriteOfAnUnknownSetting_WarnsNamingIt()
    {
        using var factory = new VideoConfFactory();
        factory.WithSetting("OVERWRITE_SETTING_Jitsi_Domian", "meet.typo.example");

        (await factory.CreateApiClient().GetAsync("/api/info")).AssertOk();

        Assert.Contains(factory.Logs.Entries, e => e.Level == LogLevel.Warning && e.Line.Contains("OVERWRITE_SETTING_Jitsi_Domian", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_WithValidOverwriteSetting_ForcesItsValue()
    {
        using var factory = new VideoConfFactory();
        factory.WithSetting("Settings:API_Default_Count", "30");
        factory.WithSetting("OVERWRITE_SETTING_API_Default_Count", " 7 ");

        var response = await factory.CreateApiClient().GetAsync("settings.public?_id=API_Default_Count");

        response.AssertBody(HttpStatusCode.OK,
            """{"settings":[{"_id":"API_Default_Count","value":7}],"count":1,"offset":0,"total":1,"success":true}""");
    }

    [Fact]
    public async Task Start_WithExplicitSqliteProvider_Serves()
    {
        using var factory = new VideoConfFactory();
        factory.WithSetting("Storage:Provider", "sqlite");

        var response = await factory.CreateApiClient().GetAsync("/health/ready");

        response.AssertBody(HttpStatusCode.OK, """{"status":"Healthy"}""");
    }
}
