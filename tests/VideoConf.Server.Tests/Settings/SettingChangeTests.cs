using System.Net;
using VideoConf.Server.Tests.Infrastructure;
using static VideoConf.Server.Tests.Settings.SettingsScenario;

namespace VideoConf.Server.Tests.Settings;

/// <summary>Changing settings through <c>POST settings/&lt;id&gt;</c>; every test has its own server, since it changes one.</summary>
public sealed class SettingChangeTests
{
    [Theory]
    [InlineData("Jitsi_Domain", "\"meet.example.org\"")]
    [InlineData("Jitsi_Domain", "\"\"")]
    [InlineData("Jitsi_SSL", "false")]
    [InlineData("VideoConf_Ringing_Timeout", "25")]
    [InlineData("VideoConf_Ringing_Timeout", "30.0")]
    [InlineData("VideoConf_Expiration_Hours", "1")]
    [InlineData("VideoConf_Expiration_Hours", "8760")]
    [InlineData("VideoConf_Ringing_Timeout", "86400")]
    [InlineData("API_Default_Count", "1")]
    [InlineData("Accounts_RegistrationForm", "\"Disabled\"")]
    public async Task Post_AsAdmin_ReturnsSuccessAndTheNewValueIsInForce(string id, string valueJson)
    {
        await using var factory = new VideoConfFactory();
        var admin = await factory.LoginAdminAsync();
        var expected = valueJson == "30.0" ? "30" : valueJson;

        var response = await SetSettingAsync(admin, id, valueJson);

        response.AssertBody(HttpStatusCode.OK, """{"success":true}""");
        (await GetSettingAsync(admin, id)).AssertBody(HttpStatusCode.OK, SettingJson(id, expected));
        Assert.Equal(expected, (await PublicValueAsync(factory.CreateApiClient(), id))!.ToJsonString());
    }

    [Fact]
    public async Task Post_Twice_KeepsTheLastValue()
    {
        await using var factory = new VideoConfFactory();
        var admin = await factory.LoginAdminAsync();

        (await SetSettingAsync(admin, "Jitsi_URL_Room_Prefix", "\"First\"")).AssertOk();
        (await SetSettingAsync(admin, "Jitsi_URL_Room_Prefix", "\"Second\"")).AssertOk();

        (await GetSettingAsync(admin, "Jitsi_URL_Room_Prefix")).AssertBody(HttpStatusCode.OK, SettingJson("Jitsi_URL_Room_Prefix", "\"Second\""));
    }

    [Fact]
    public async Task Post_OfRegistrationFormDisabled_TakesEffectOnUsersRegister()
    {
        await using var factory = new VideoConfFactory();
        var admin = await factory.LoginAdminAsync();

        (await SetSettingAsync(admin, "Accounts_RegistrationForm", "\"Disabled\"")).AssertOk();

        var response = await factory.CreateApiClient().PostAsync("users.register",
            new { username = "late.comer", email = "late.comer@videoconf.test", pass = "pw-late-comer-1" });
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("error-user-registration-disabled", response.Json["errorType"]?.GetValue<string>());
    }

    [Fact]
    public async Task Post_OfDefaultCount_ChangesThePageSizeOfSettingsPublic()
    {
        await using var factory = new VideoConfFactory();
        var admin = await factory.LoginAdminAsync();

        (await SetSettingAsync(admin, "API_Default_Count", "4")).AssertOk();

        var page = await factory.CreateApiClient().GetAsync("settings.public");
        Assert.Equal(4, page.Json["count"]!.GetValue<int>());
        Assert.Equal(PublicDefaults.Count, page.Json["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task ChangedValue_AfterRestartOnTheSameStore_IsStillInForce()
    {
        var first = new VideoConfFactory();
        await using (first)
        {
            var admin = await first.LoginAdminAsync();
            (await SetSettingAsync(admin, "Jitsi_Domain", "\"meet.restart.example\"")).AssertOk();
            (await SetSettingAsync(admin, "VideoConf_Ringing_Timeout", "17")).AssertOk();
            (await SetSettingAsync(admin, "Jitsi_SSL", "false")).AssertOk();
        }

        await using var second = VideoConfFactory.OnSameStoreAs(first);
        var again = await second.LoginAdminAsync();

        (await GetSettingAsync(again, "Jitsi_Domain")).AssertBody(HttpStatusCode.OK, SettingJson("Jitsi_Domain", "\"meet.restart.example\""));
        (await GetSettingAsync(again, "VideoConf_Ringing_Timeout")).AssertBody(HttpStatusCode.OK, SettingJson("VideoConf_Ringing_Timeout", "17"));
        (await GetSettingAsync(again, "Jitsi_SSL")).AssertBody(HttpStatusCode.OK, SettingJson("Jitsi_SSL", "false"));
        Assert.Equal("meet.restart.example", (await PublicValueAsync(second.CreateApiClient(), "Jitsi_Domain"))!.GetValue<string>());
    }
}
