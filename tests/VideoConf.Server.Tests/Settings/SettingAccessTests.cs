using System.Net;
using VideoConf.Server.Tests.Infrastructure;
using static VideoConf.Server.Tests.Settings.SettingsScenario;

namespace VideoConf.Server.Tests.Settings;

/// <summary>
/// <c>GET</c> and <c>POST settings/&lt;id&gt;</c>: permissions, unknown ids and rejected values (contract §7). No request
/// here is accepted, so the shared server keeps its defaults.
/// </summary>
public sealed class SettingAccessTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Theory]
    [InlineData("Jitsi_Domain", "\"meet.jit.si\"")]
    [InlineData("Jitsi_SSL", "true")]
    [InlineData("VideoConf_Ringing_Timeout", "40")]
    [InlineData("Accounts_RegistrationForm", "\"Public\"")]
    [InlineData("API_Enable_Rate_Limiter", "false")]
    public async Task Get_AsAdmin_ReturnsIdAndValue(string id, string valueJson)
    {
        var admin = await factory.LoginAdminAsync();

        var response = await GetSettingAsync(admin, id);

        response.AssertBody(HttpStatusCode.OK, SettingJson(id, valueJson));
    }

    [Theory]
    [InlineData("Jitsi_Domain")]
    [InlineData("Jitsi_Application_Secret")]
    public async Task Get_AsUser_Returns403(string id)
    {
        var user = await factory.CreateUserAsync($"reader-{Guid.NewGuid():N}"[..18]);

        var response = await GetSettingAsync(user, id);

        response.AssertForbidden();
    }

    [Fact]
    public async Task Get_WithoutCredentials_Returns401()
    {
        var response = await GetSettingAsync(factory.CreateApiClient(), "Jitsi_Domain");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("You must be logged in to do this.", response.Json["error"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("No_Such_Setting")]
    [InlineData("jitsi_domain")]
    public async Task Get_OfAnUnknownId_ReturnsSettingNotFound(string id)
    {
        var admin = await factory.LoginAdminAsync();

        var response = await GetSettingAsync(admin, id);

        response.AssertPlainFailure("error-setting-not-found");
    }

    [Fact]
    public async Task Post_AsUser_Returns403AndChangesNothing()
    {
        var user = await factory.CreateUserAsync($"writer-{Guid.NewGuid():N}"[..18]);

        var response = await SetSettingAsync(user, "Jitsi_Domain", "\"evil.example\"");

        response.AssertForbidden();
        Assert.Equal("meet.jit.si", (await PublicValueAsync(factory.CreateApiClient(), "Jitsi_Domain"))!.GetValue<string>());
    }

    [Fact]
    public async Task Post_AsUserWithInvalidParams_ReportsTheParamsBeforeThePermission()
    {
        var user = await factory.CreateUserAsync($"writer-{Guid.NewGuid():N}"[..18]);

        var response = await user.PostAsync("settings/Jitsi_Domain", "{}");

        response.AssertInvalidParams("must have required property 'value'");
    }

    [Fact]
    public async Task Get_AsUserOfAnUnknownId_Returns403()
    {
        var user = await factory.CreateUserAsync($"reader-{Guid.NewGuid():N}"[..18]);

        var response = await GetSettingAsync(user, "No_Such_Setting");

        response.AssertForbidden();
    }

    [Fact]
    public async Task Post_WithoutCredentials_Returns401()
    {
        var response = await SetSettingAsync(factory.CreateApiClient(), "Jitsi_Domain", "\"evil.example\"");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("meet.jit.si", (await PublicValueAsync(factory.CreateApiClient(), "Jitsi_Domain"))!.GetValue<string>());
    }

    [Fact]
    public async Task Post_OfAnUnknownId_ReturnsSettingNotFound()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await SetSettingAsync(admin, "No_Such_Setting", "\"x\"");

        response.AssertPlainFailure("error-setting-not-found");
    }

    [Theory]
    [InlineData("Jitsi_SSL", "\"yes\"", "must be boolean")]
    [InlineData("Jitsi_SSL", "5", "must be boolean")]
    [InlineData("Jitsi_SSL", "[true]", "must be boolean")]
    [InlineData("Accounts_AllowAnonymousRead", "{\"on\":true}", "must be boolean")]
    [InlineData("VideoConf_Ringing_Timeout", "\"abc\"", "must be integer")]
    [InlineData("VideoConf_Ringing_Timeout", "1.5", "must be integer")]
    [InlineData("VideoConf_Ringing_Timeout", "[40]", "must be integer")]
    [InlineData("API_Default_Count", "{\"n\":5}", "must be integer")]
    [InlineData("Jitsi_Domain", "{\"host\":\"x\"}", "must be string")]
    [InlineData("Jitsi_Domain", "[\"x\"]", "must be string")]
    [InlineData("Accounts_RegistrationForm", "\"Sometimes\"", "must be equal to one of the allowed values")]
    [InlineData("Accounts_RegistrationForm", "\"public\"", "must be equal to one of the allowed values")]
    public async Task Post_WithAValueOfTheWrongType_ReturnsInvalidParamsAndChangesNothing(string id, string valueJson, string message)
    {
        var admin = await factory.LoginAdminAsync();
        var before = (await GetSettingAsync(admin, id)).Text;

        var response = await SetSettingAsync(admin, id, valueJson);

        response.AssertInvalidParams(message);
        Assert.Equal(before, (await GetSettingAsync(admin, id)).Text);
    }

    [Theory]
    [InlineData("VideoConf_Expiration_Hours", "0", "must be >= 1")]
    [InlineData("VideoConf_Expiration_Hours", "-24", "must be >= 1")]
    [InlineData("VideoConf_Expiration_Hours", "8761", "must be <= 8760")]
    [InlineData("VideoConf_Expiration_Hours", "2147483647", "must be <= 8760")]
    [InlineData("VideoConf_Ringing_Timeout", "0", "must be >= 1")]
    [InlineData("VideoConf_Ringing_Timeout", "-40", "must be >= 1")]
    [InlineData("VideoConf_Ringing_Timeout", "86401", "must be <= 86400")]
    [InlineData("API_Default_Count", "0", "must be >= 1")]
    [InlineData("API_Upper_Count_Limit", "-1", "must be >= 1")]
    [InlineData("API_Enable_Rate_Limiter_Limit_Calls_Default", "0", "must be >= 1")]
    [InlineData("API_Enable_Rate_Limiter_Limit_Time_Default", "-60000", "must be >= 1")]
    [InlineData("Block_Multiple_Failed_Logins_Attempts_Until_Block_by_User", "0", "must be >= 1")]
    [InlineData("Block_Multiple_Failed_Logins_Time_To_Unblock_By_Ip_In_Minutes", "525601", "must be <= 525600")]
    public async Task Post_WithAValueOutOfItsRange_ReturnsInvalidParamsAndChangesNothing(string id, string valueJson, string message)
    {
        var admin = await factory.LoginAdminAsync();
        var before = (await GetSettingAsync(admin, id)).Text;

        var response = await SetSettingAsync(admin, id, valueJson);

        response.AssertInvalidParams(message);
        Assert.Equal(before, (await GetSettingAsync(admin, id)).Text);
    }

    [Theory]
    [InlineData("{}", "must have required property 'value'")]
    [InlineData("", "must have required property 'value'")]
    [InlineData("""{"value":"x","_id":"Jitsi_Domain"}""", "must NOT have additional properties")]
    [InlineData("""{"Value":"x"}""", "must have required property 'value'")]
    public async Task Post_WithInvalidParams_ReturnsTheFirstValidationError(string body, string message)
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.PostAsync("settings/Jitsi_Domain", body);

        response.AssertInvalidParams(message);
    }

    [Fact]
    public async Task Post_WithInvalidJson_ReturnsInvalidJsonBody()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.PostAsync("settings/Jitsi_Domain", """{"value":""");

        response.AssertInvalidParams("Invalid JSON body");
    }
}
