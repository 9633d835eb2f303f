using System.Net;
using VideoConf.Server.Tests.Infrastructure;
using static VideoConf.Server.Tests.Settings.SettingsScenario;

namespace VideoConf.Server.Tests.Settings;

/// <summary>
/// Start-up values (contract §7): the <c>Settings</c> configuration section sets defaults, values saved through the API
/// win over them, and <c>OVERWRITE_SETTING_&lt;id&gt;</c> wins over everything at every start.
/// </summary>
public sealed class SettingStartupTests
{
    [Fact]
    public async Task ConfiguredSetting_IsTheValueAtStart()
    {
        await using var factory = new VideoConfFactory()
            .WithSetting("Settings:Jitsi_Domain", "meet.configured.example")
            .WithSetting("Settings:VideoConf_Ringing_Timeout", "12")
            .WithSetting("Settings:Jitsi_SSL", "false");
        var admin = await factory.LoginAdminAsync();

        (await GetSettingAsync(admin, "Jitsi_Domain")).AssertBody(HttpStatusCode.OK, SettingJson("Jitsi_Domain", "\"meet.configured.example\""));
        (await GetSettingAsync(admin, "VideoConf_Ringing_Timeout")).AssertBody(HttpStatusCode.OK, SettingJson("VideoConf_Ringing_Timeout", "12"));
        (await GetSettingAsync(admin, "Jitsi_SSL")).AssertBody(HttpStatusCode.OK, SettingJson("Jitsi_SSL", "false"));
        Assert.Equal("meet.configured.example", (await PublicValueAsync(factory.CreateApiClient(), "Jitsi_Domain"))!.GetValue<string>());
    }

    [Fact]
    public async Task ConfiguredDefaultCount_IsThePageSizeOfSettingsPublic()
    {
        await using var factory = new VideoConfFactory().WithSetting("Settings:API_Default_Count", "5");

        var response = await factory.CreateApiClient().GetAsync("settings.public");

        response.AssertOk();
        Assert.Equal(5, response.Json["settings"]!.AsArray().Count);
        Assert.Equal(5, response.Json["count"]!.GetValue<int>());
        Assert.Equal(PublicDefaults.Count, response.Json["total"]!.GetValue<int>());
        Assert.Equal(5, (await PublicValueAsync(factory.CreateApiClient(), "API_Default_Count"))!.GetValue<int>());
    }

    [Fact]
    public async Task ConfiguredUpperCountLimit_CapsTheRequestedCount()
    {
        await using var factory = new VideoConfFactory().WithSetting("Settings:API_Upper_Count_Limit", "3");

        var response = await factory.CreateApiClient().GetAsync("settings.public?count=10");

        response.AssertOk();
        Assert.Equal(3, response.Json["count"]!.GetValue<int>());
        Assert.Equal(PublicDefaults.Count, response.Json["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task InfiniteCountDisabled_CountZeroIsCappedAtTheUpperLimit()
    {
        await using var factory = new VideoConfFactory()
            .WithSetting("Settings:API_Allow_Infinite_Count", "false")
            .WithSetting("Settings:API_Upper_Count_Limit", "6");

        var response = await factory.CreateApiClient().GetAsync("settings.public?count=0");

        response.AssertOk();
        Assert.Equal(6, response.Json["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task OverwriteSetting_IsTheValueAtStart()
    {
        await using var factory = new VideoConfFactory()
            .WithSetting("OVERWRITE_SETTING_Jitsi_Domain", "meet.forced.example")
            .WithSetting("OVERWRITE_SETTING_VideoConf_Expiration_Hours", "6")
            .WithSetting("OVERWRITE_SETTING_Jitsi_Enabled_TokenAuth", "true");
        var admin = await factory.LoginAdminAsync();

        (await GetSettingAsync(admin, "Jitsi_Domain")).AssertBody(HttpStatusCode.OK, SettingJson("Jitsi_Domain", "\"meet.forced.example\""));
        (await GetSettingAsync(admin, "VideoConf_Expiration_Hours")).AssertBody(HttpStatusCode.OK, SettingJson("VideoConf_Expiration_Hours", "6"));
        (await GetSettingAsync(admin, "Jitsi_Enabled_TokenAuth")).AssertBody(HttpStatusCode.OK, SettingJson("Jitsi_Enabled_TokenAuth", "true"));
    }

    [Fact]
    public async Task OverwriteSetting_WinsOverTheSettingsSection()
    {
        await using var factory = new VideoConfFactory()
            .WithSetting("Settings:Jitsi_Domain", "meet.configured.example")
            .WithSetting("OVERWRITE_SETTING_Jitsi_Domain", "meet.forced.example");

        Assert.Equal("meet.forced.example", (await PublicValueAsync(factory.CreateApiClient(), "Jitsi_Domain"))!.GetValue<string>());
    }

    [Fact]
    public async Task OverwriteSetting_WinsOverAStoredValueAtTheNextStart()
    {
        var first = new VideoConfFactory();
        await using (first)
        {
            var admin = await first.LoginAdminAsync();
            (await SetSettingAsync(admin, "Jitsi_Domain", "\"meet.saved.example\"")).AssertOk();
        }

        await using var second = VideoConfFactory.OnSameStoreAs(first).WithSetting("OVERWRITE_SETTING_Jitsi_Domain", "meet.forced.example");

        var again = await second.LoginAdminAsync();
        (await GetSettingAsync(again, "Jitsi_Domain")).AssertBody(HttpStatusCode.OK, SettingJson("Jitsi_Domain", "\"meet.forced.example\""));
        Assert.Equal("meet.forced.example", (await PublicValueAsync(second.CreateApiClient(), "Jitsi_Domain"))!.GetValue<string>());
    }

    [Fact]
    public async Task OverwriteSetting_WinsAgainAtEveryStart()
    {
        var first = new VideoConfFactory().WithSetting("OVERWRITE_SETTING_VideoConf_Ringing_Timeout", "33");
        await using (first)
        {
            var admin = await first.LoginAdminAsync();
            (await SetSettingAsync(admin, "VideoConf_Ringing_Timeout", "50")).AssertOk();
            (await GetSettingAsync(admin, "VideoConf_Ringing_Timeout")).AssertBody(HttpStatusCode.OK, SettingJson("VideoConf_Ringing_Timeout", "50"));
        }

        await using var second = VideoConfFactory.OnSameStoreAs(first).WithSetting("OVERWRITE_SETTING_VideoConf_Ringing_Timeout", "33");

        var again = await second.LoginAdminAsync();
        (await GetSettingAsync(again, "VideoConf_Ringing_Timeout")).AssertBody(HttpStatusCode.OK, SettingJson("VideoConf_Ringing_Timeout", "33"));
    }

    [Fact]
    public async Task StoredValue_WinsOverTheSettingsSectionAtTheNextStart()
    {
        var first = new VideoConfFactory();
        await using (first)
        {
            var admin = await first.LoginAdminAsync();
            (await SetSettingAsync(admin, "Jitsi_URL_Room_Prefix", "\"Saved\"")).AssertOk();
        }

        await using var second = VideoConfFactory.OnSameStoreAs(first).WithSetting("Settings:Jitsi_URL_Room_Prefix", "Configured");

        Assert.Equal("Saved", (await PublicValueAsync(second.CreateApiClient(), "Jitsi_URL_Room_Prefix"))!.GetValue<string>());
    }

    [Theory]
    [InlineData("OVERWRITE_SETTING_Jitsi_SSL", "maybe", "Jitsi_SSL")]
    [InlineData("OVERWRITE_SETTING_VideoConf_Ringing_Timeout", "forty", "VideoConf_Ringing_Timeout")]
    [InlineData("OVERWRITE_SETTING_Accounts_RegistrationForm", "Sometimes", "Accounts_RegistrationForm")]
    [InlineData("Settings:API_Default_Count", "many", "API_Default_Count")]
    public async Task UnparsableStartupValue_StopsTheStartWithAMessageNamingTheSetting(string key, string value, string id)
    {
        await using var factory = new VideoConfFactory().WithSetting(key, value);

        var messages = factory.FailedStartMessages();

        Assert.Contains(messages, m => m.Contains(id, StringComparison.Ordinal));
    }
}
